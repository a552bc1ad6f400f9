@testable import FicheReplica
import FicheDomain
import GRDB
import XCTest

/// The writes of the review, clocking, payroll-month, reassignment, reveal and art. 60 screens:
/// what the clerk sees after each, and that a refusal leaves the replica as it was.
final class WorkflowWriteTests: XCTestCase {
    /// A supervisor at the commune who is also staff there (dossier dos-5 is theirs).
    static let supervisor = User(id: "u-sup", login: "sup", displayName: "Maes, S.", language: .fr, personID: "per-5")
    static let officer = User(id: "u-art60", login: "art60", displayName: "Janssens, O.", language: .nl)
    private var rules: RuleBook { ReplicaFixture.rules }
    private func date(_ text: String) -> LocalDate { ReplicaFixture.date(text) }

    /// The fixture plus a supervisor, an art. 60 officer, submitted absences and an art. 60 contract.
    private func make() throws -> AppDatabase {
        let database = try ReplicaFixture.make()
        var batch = MirrorBatch()
        batch.users = [Self.supervisor, Self.officer].map { MirrorRow($0, employerCode: "AC-IXL", version: 1) }
        batch.grants = [
            Grant(id: "g-sup", userID: "u-sup", employerCode: "AC-IXL", role: .supervisor),
            Grant(id: "g-o1", userID: "u-art60", employerCode: "CPAS-IXL", role: .art60Officer),
            Grant(id: "g-o2", userID: "u-art60", employerCode: "AC-IXL", role: .art60Officer),
        ].map { MirrorRow($0, employerCode: $0.employerCode, version: 1) }
        func submitted(_ id: String, _ dossier: String, _ day: String, by user: String) -> MirrorRow<TimeRecord> {
            var record = TimeRecord.absence(id: id, employerCode: "AC-IXL", dossierID: dossier, type: "annual_leave",
                                            from: date(day), to: date(day), enteredBy: user)
            record.status = .submitted
            return MirrorRow(record, employerCode: "AC-IXL", version: 6)
        }
        batch.timeRecords = [
            submitted("s-a", "dos-2", "2026-11-16", by: "u-time"),
            submitted("s-own", "dos-2", "2026-11-17", by: "u-sup"),
            submitted("s-b", "dos-2", "2026-11-18", by: "u-time"),
            submitted("s-self", "dos-5", "2026-11-18", by: "u-time"),
        ]
        try database.applyPulled(batch)
        try database.writer.write { db in
            for (id, employer, dossier) in [("c-1", "CPAS-IXL", "dos-3"), ("c-ac", "AC-IXL", "dos-2")] {
                try db.execute(sql: """
                    INSERT INTO art60_contract (id, employer_code, dossier_id, start, regime, version)
                    VALUES (?, ?, ?, '2026-01-05', 1000, 1)
                    """, arguments: [id, employer, dossier])
            }
            try db.execute(sql: """
                INSERT INTO placement (id, employer_code, contract_id, partner_id, start, monthly_fee_cents, tasks, hours_per_week, version)
                VALUES ('pl-1', 'CPAS-IXL', 'c-1', 'partner-1', '2026-02-01', 0, 'Cuisine', 38, 1)
                """)
        }
        return database
    }

    private func counts(_ database: AppDatabase) throws -> [Int] {
        try database.writer.read { db in
            try ["outbox", "audit", "local_time_record", "local_dossier", "local_art60_event", "local_payroll_month"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1
            }
        }
    }

    private func status(_ database: AppDatabase, _ id: String) throws -> String? {
        try database.writer.read { db in try String.fetchOne(db, sql: "SELECT status FROM time_record_view WHERE id = ?", arguments: [id]) }
    }

    private func code(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let violation as RuleViolation {
            return violation.code
        } catch {
            return "unexpected \(error)"
        }
    }

    // MARK: Review

    /// Approving a correction cancels the entry it replaces on the reviewer's screen at once, as
    /// the server does in the same write; refused by the server, the entry counts again.
    func testApprovingACorrectionShowsTheReplacedEntryCancelledAtOnceAndARefusalRestoresIt() throws {
        let database = try make()
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("orig", dossier: "dos-2", type: "annual_leave", from: "2026-11-23", to: "2026-11-25"),
        ])
        var edit = try XCTUnwrap(database.openDossier("dos-2", year: 2026)?.timeRecords.first { $0.id == "orig" })
        edit.end = date("2026-11-24")
        let (correction, _) = try database.recordCorrection(of: "orig", replacingWith: edit, by: ReplicaFixture.timeManager,
                                                            rules: rules, now: ReadFixture.noon(date("2026-11-26")))
        XCTAssertEqual(try status(database, "orig"), "validated", "a correction waiting for review changes nothing yet")

        let outcomes = try database.reviewTimeRecords(ids: [correction.id], decision: .approve, by: Self.supervisor, rules: rules)
        XCTAssertEqual(outcomes.map(\.isAllowed), [true])
        XCTAssertEqual(try status(database, "orig"), "cancelled")
        XCTAssertEqual(try status(database, correction.id), "validated")
        let active = try XCTUnwrap(database.openDossier("dos-2", year: 2026)).timeRecords.filter(\.isActive)
        XCTAssertEqual(active.filter { $0.start >= date("2026-11-23") }.map(\.id), [correction.id], "only the correction counts")

        let approval = try XCTUnwrap(try database.pendingMutations().last)
        let base = try database.syncState().mutationBase
        try database.recordMutationResults([
            AppDatabase.SyncedResult(serverMutationID: approval.id - base, uuid: approval.uuid, status: "conflict",
                                     reason: "version.changed", serverValue: nil, seq: nil),
        ])
        XCTAssertEqual(try status(database, "orig"), "validated", "the server refused: the entry is in force again")
        XCTAssertEqual(try status(database, correction.id), "submitted")
    }

    func testBulkApprovalWritesTheAllowedRecordsAndRefusesOwnEntriesAndOwnDossier() throws {
        let database = try make()
        let outcomes = try database.reviewTimeRecords(ids: ["s-a", "s-own", "s-b", "s-self"], decision: .approve,
                                                      by: Self.supervisor, rules: rules)
        XCTAssertEqual(outcomes.map(\.recordID), ["s-a", "s-own", "s-b", "s-self"])
        XCTAssertEqual(outcomes.map(\.isAllowed), [true, false, true, false])
        XCTAssertEqual(outcomes[1].violation, .validationOfOwnEntry(userID: "u-sup"))
        XCTAssertEqual(outcomes[3].violation, .validationOfOwnDossier(userID: "u-sup"))
        // The supervisor sees the approved ones validated (pending), the refused ones still submitted.
        XCTAssertEqual(try ["s-a", "s-own", "s-b", "s-self"].map { try status(database, $0) },
                       ["validated", "submitted", "validated", "submitted"])
        let card = try XCTUnwrap(database.openDossier("dos-2", year: 2026))
        XCTAssertEqual(card.pendingRecordIDs, ["s-a", "s-b"])
        XCTAssertEqual(card.timeRecords.first { $0.id == "s-a" }?.reviewedBy, "u-sup")
        let pending = try database.pendingMutations()
        XCTAssertEqual(pending.map(\.mutation), ["reviewTimeRecord", "reviewTimeRecord"])
        XCTAssertEqual(pending.first?.changes["status"], FieldChange(old: "submitted", new: "validated"))
        XCTAssertEqual(pending.first?.baseVersion, 6)
        XCTAssertEqual(try database.auditTrail(entity: "time_record", targetID: "s-b").map(\.userID), ["u-sup"])
        XCTAssertTrue(try database.auditTrail(entity: "time_record", targetID: "s-own").isEmpty)
        // A validated record cannot be reviewed again.
        let again = try database.reviewTimeRecords(ids: ["s-a"], decision: .approve, by: Self.supervisor, rules: rules)
        XCTAssertEqual(again.first?.violation?.code, "status.transition")
    }

    func testRejectionNeedsAReasonAndKeepsIt() throws {
        let database = try make()
        let before = try counts(database)
        for reason in ["", "   \n"] {
            XCTAssertEqual(code { try database.reviewTimeRecords(ids: ["s-a", "s-b"], decision: .reject(reason: reason),
                                                                  by: Self.supervisor, rules: rules) },
                           "status.reason_missing")
        }
        XCTAssertEqual(try counts(database), before)
        XCTAssertEqual(try status(database, "s-a"), "submitted")
        let outcomes = try database.reviewTimeRecords(ids: ["s-a"], decision: .reject(reason: " Date wrong: 17/11 "),
                                                      by: Self.supervisor, rules: rules)
        XCTAssertTrue(try XCTUnwrap(outcomes.first).isAllowed)
        let record = try XCTUnwrap(database.openDossier("dos-2", year: 2026)?.timeRecords.first { $0.id == "s-a" })
        XCTAssertEqual(record.status, .rejected)
        XCTAssertEqual(record.rejectionReason, "Date wrong: 17/11")
        XCTAssertEqual(record.reviewedBy, "u-sup")
    }

    func testSomeoneWithoutTheRightToValidateIsRefusedForEveryRecord() throws {
        let database = try make()
        let before = try counts(database)
        let outcomes = try database.reviewTimeRecords(ids: ["s-a", "s-b"], decision: .approve, by: ReplicaFixture.clerk,
                                                      rules: rules)
        XCTAssertEqual(outcomes.map { $0.violation?.code }, ["access.denied", "access.denied"])
        XCTAssertEqual(try counts(database), before)
    }

    // MARK: Clocking

    func testClockingIsCheckedAgainstTheDayTheWeekAndAbsencesAndShowsTheBalance() throws {
        let database = try make()
        let user = ReplicaFixture.timeManager
        let entry = try database.recordClocking(id: "c-mon", dossierID: "dos-2", on: date("2026-11-23"), inMinute: 480,
                                                outMinute: 990, by: user, rules: rules)
        XCTAssertEqual(entry.mutation, "recordClocking")
        XCTAssertEqual(entry.changes["kind"]?.new, "clocking")
        XCTAssertEqual(try database.openDossier("dos-2", year: 2026)?.pendingRecordIDs.contains("c-mon"), true)
        let balance = try database.clockingBalance(dossierID: "dos-2", on: date("2026-11-23"), rules: rules)
        XCTAssertEqual(balance.day.workedMinutes, 510)
        XCTAssertEqual(balance.day.balanceMinutes, 510 - TimeSheet.fullDayMinutes)
        XCTAssertEqual(balance.day.remainingMinutes, 30)

        let before = try counts(database)
        // 510 + 60 minutes is more than 9 hours.
        XCTAssertEqual(code { try database.recordClocking(dossierID: "dos-2", on: date("2026-11-23"), inMinute: 1000,
                                                          outMinute: 1060, by: user, rules: rules) }, "clocking.too_long")
        // 16 November is annual leave (submitted).
        XCTAssertEqual(code { try database.recordClocking(dossierID: "dos-2", on: date("2026-11-16"), inMinute: 480,
                                                          outMinute: 600, by: user, rules: rules) }, "clocking.during_absence")
        // September is closed.
        XCTAssertEqual(code { try database.recordClocking(dossierID: "dos-2", on: date("2026-09-14"), inMinute: 480,
                                                          outMinute: 600, by: user, rules: rules) }, "month.closed")
        XCTAssertEqual(code { try database.recordClocking(dossierID: "dos-2", on: date("2026-11-24"), inMinute: 600,
                                                          outMinute: 480, by: user, rules: rules) }, "time.range")
        XCTAssertEqual(code { try database.recordClocking(dossierID: "dos-2", on: date("2026-11-24"), inMinute: 480,
                                                          outMinute: 600, by: ReplicaFixture.auditor, rules: rules) }, "access.denied")
        // The bounds the server holds a push to: times within the day, dates within 1900–2200.
        XCTAssertEqual(code { try database.recordClocking(dossierID: "dos-2", on: date("2026-11-24"), inMinute: -100_000,
                                                          outMinute: 600, by: user, rules: rules) }, "time.range")
        XCTAssertEqual(code { try database.recordClocking(dossierID: "dos-2", on: date("2026-11-24"), inMinute: 480,
                                                          outMinute: Int.max, by: user, rules: rules) }, "time.range")
        XCTAssertEqual(code { try database.recordClocking(dossierID: "dos-2", on: date("2201-01-05"), inMinute: 480,
                                                          outMinute: 600, by: user, rules: rules) }, "date.out_of_range")
        // The replica's clock says 24 November: the 25th is still to come; 16:00–16:20 overlaps 08:00–16:30.
        XCTAssertEqual(code { try database.recordClocking(dossierID: "dos-2", on: date("2026-11-25"), inMinute: 480,
                                                          outMinute: 600, by: user, rules: rules) }, "clocking.future")
        XCTAssertEqual(code { try database.recordClocking(dossierID: "dos-2", on: date("2026-11-23"), inMinute: 960,
                                                          outMinute: 980, by: user, rules: rules) }, "clocking.overlap")
        XCTAssertEqual(try counts(database), before)

        // Entered on Monday 30 November: five days of 9 h reach 45 h, one more hour on Saturday is refused.
        let monday = OfficeClock.instant(date("2026-11-30"), hour: 9)
        for day in ["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"] {
            try database.recordClocking(dossierID: "dos-2", on: date(day), inMinute: 480, outMinute: 1020, by: user, rules: rules,
                                        now: monday)
        }
        try database.recordClocking(dossierID: "dos-2", on: date("2026-11-23"), inMinute: 1000, outMinute: 1030, by: user,
                                    rules: rules, now: monday)
        XCTAssertEqual(code { try database.recordClocking(dossierID: "dos-2", on: date("2026-11-28"), inMinute: 600,
                                                          outMinute: 660, by: user, rules: rules, now: monday) }, "clocking.week_too_long")
        let week = try database.clockingBalance(dossierID: "dos-2", on: date("2026-11-28"), rules: rules).week
        XCTAssertEqual(week.workedMinutes, 2_700)
        XCTAssertEqual(week.remainingMinutes, 0)
    }

    // MARK: Dossiers

    func testReassigningDossiersShowsTheNewClerkInTheListAtOnce() throws {
        let database = try make()
        let entries = try database.reassignDossiers(["dos-1", "dos-2"], toClerk: "u-time", by: Self.supervisor)
        XCTAssertEqual(entries.map(\.mutation), ["updateDossierField", "updateDossierField"])
        XCTAssertEqual(entries.map(\.targetID), ["dos-1", "dos-2"])
        XCTAssertEqual(entries.first?.changes, ["payroll_clerk_id": FieldChange(old: "u-clerk", new: "u-time")])
        let listed = try database.dossierPage(after: nil, limit: 20).filter { ["dos-1", "dos-2"].contains($0.id) }
        XCTAssertEqual(listed.map(\.payrollClerk), ["Peeters, A.", "Peeters, A."])
        // Already theirs: nothing more to write.
        XCTAssertEqual(try database.reassignDossiers(["dos-1"], toClerk: "u-time", by: Self.supervisor), [])
    }

    func testAReassignmentRefusedForOneDossierWritesNoneOfThem() throws {
        let database = try make()
        let before = try counts(database)
        // The supervisor works at the commune only; dos-4 is a CPAS dossier.
        XCTAssertEqual(code { try database.reassignDossiers(["dos-1", "dos-4"], toClerk: "u-time", by: Self.supervisor) },
                       "access.denied")
        // A payroll clerk may edit a dossier but not give it to someone else.
        XCTAssertEqual(code { try database.reassignDossiers(["dos-1"], toClerk: "u-time", by: ReplicaFixture.clerk) },
                       "access.denied")
        XCTAssertEqual(try counts(database), before)
        XCTAssertEqual(try database.dossierPage(after: nil, limit: 20).first { $0.id == "dos-1" }?.payrollClerkID, "u-clerk")
    }

    func testRevealingAFullIdentifierIsAuditedAndNeedsTheRight() throws {
        let database = try make()
        let entry = try database.recordReveal(dossierID: "dos-1", field: .niss, by: ReplicaFixture.clerk)
        XCTAssertEqual(entry.mutation, "recordReveal")
        XCTAssertEqual(entry.changes["field"]?.new, "niss")
        let audit = try database.auditTrail(entity: "reveal", targetID: "dos-1")
        XCTAssertEqual(audit.map(\.userID), ["u-clerk"])
        XCTAssertEqual(audit.map(\.action), ["recordReveal"])
        // Nothing shows as changed in the dossier.
        XCTAssertEqual(try database.openDossier("dos-1", year: 2026)?.pendingRecordIDs, [])
        let before = try counts(database)
        XCTAssertEqual(code { try database.recordReveal(dossierID: "dos-1", field: .niss, by: ReplicaFixture.timeManager) },
                       "access.denied")
        XCTAssertEqual(code { try database.recordReveal(dossierID: "dos-1", field: .iban, by: ReplicaFixture.auditor) },
                       "access.denied")
        XCTAssertEqual(try counts(database), before)
    }

    // MARK: Payroll months

    func testAMonthWithRecordsWaitingForReviewDoesNotClose() throws {
        let database = try make()
        let november = try YearMonth.parse("2026-11")
        let before = try counts(database)
        XCTAssertThrowsError(try database.closePayrollMonth(employerCode: "AC-IXL", month: november, by: Self.supervisor)) { error in
            XCTAssertEqual(error as? RuleViolation, .monthHasSubmittedRecords(month: november, count: 4))
        }
        XCTAssertEqual(code { _ = try database.closePayrollMonth(employerCode: "AC-IXL", month: november, by: ReplicaFixture.clerk) },
                       "access.denied")
        XCTAssertEqual(try counts(database), before)
    }

    func testAClosedMonthRefusesANewAbsenceAtOnce() throws {
        let database = try make()
        let october = try YearMonth.parse("2026-10")
        let entry = try XCTUnwrap(database.closePayrollMonth(employerCode: "AC-IXL", month: october, by: Self.supervisor))
        XCTAssertEqual(entry.mutation, "closePayrollMonth")
        XCTAssertEqual(entry.targetID, "AC-IXL/2026-10")
        XCTAssertEqual(entry.changes["status"]?.new, "closed")
        XCTAssertEqual(try database.payrollMonths(employerCode: "AC-IXL").map(\.status), [.closed, .closed])
        XCTAssertEqual(try database.auditTrail(entity: "payroll_month", targetID: "AC-IXL/2026-10").count, 1)
        let leave = TimeRecord.absence(id: "late", employerCode: "AC-IXL", dossierID: "dos-1", type: "annual_leave",
                                       from: date("2026-10-12"), to: date("2026-10-12"), enteredBy: "u-time")
        let before = try counts(database)
        XCTAssertEqual(code { try database.recordAbsence(leave, by: ReplicaFixture.timeManager, rules: rules) }, "month.closed")
        XCTAssertEqual(try counts(database), before)
        // Closing it again changes nothing.
        XCTAssertNil(try database.closePayrollMonth(employerCode: "AC-IXL", month: october, by: Self.supervisor))
    }

    // MARK: Article 60

    func testAnArt60EventShowsInTheFollowUpLogAtOnce() throws {
        let database = try make()
        let entry = try database.recordArt60Event(id: "ev-1", contractID: "c-1", date: date("2026-03-02"), kind: .partnerEvaluation,
                                                  placementID: "pl-1", note: "Bonne intégration", by: Self.officer)
        XCTAssertEqual(entry.mutation, "recordArt60Event")
        XCTAssertEqual(entry.employerCode, "CPAS-IXL")
        XCTAssertEqual(entry.changes["dossier_id"]?.new, "dos-3")
        let log = try database.art60Events(contractID: "c-1")
        XCTAssertEqual(log.map(\.id), ["ev-1"])
        XCTAssertEqual(log.first?.kind, .partnerEvaluation)
        XCTAssertEqual(log.first?.note, "Bonne intégration")
        XCTAssertEqual(log.first?.recordedBy, "u-art60")

        let before = try counts(database)
        // A payroll clerk follows art. 60 workers but does not manage them.
        XCTAssertEqual(code { try database.recordArt60Event(contractID: "c-1", date: date("2026-03-03"), kind: .lateness,
                                                            by: ReplicaFixture.clerk) }, "access.denied")
        XCTAssertEqual(code { try database.recordArt60Event(contractID: "c-ac", date: date("2026-03-03"), kind: .lateness,
                                                            by: Self.officer) }, "art60.not_cpas")
        XCTAssertThrowsError(try database.recordArt60Event(contractID: "c-1", date: date("2026-03-03"), kind: .placementEnd,
                                                           placementID: "pl-other", by: Self.officer))
        XCTAssertEqual(try counts(database), before)
    }
}
