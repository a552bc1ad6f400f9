@testable import FicheReplica
import FicheDomain
import GRDB
import XCTest

final class SupervisorQueueTests: XCTestCase {
    private let asOf = ReadFixture.date("2026-11-20")
    private let rules = ReplicaFixture.rules

    func testTheValidationQueueListsSubmittedRecordsOldestFirstWithWhoEnteredThem() throws {
        let database = try ReplicaFixture.make()
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("pulled", dossier: "dos-5", type: "annual_leave", from: "2026-11-13", status: .submitted),
            ReadFixture.absence("done", dossier: "dos-5", type: "annual_leave", from: "2026-11-03", status: .validated),
        ])
        var local = TimeRecord.absence(id: "local", employerCode: "AC-IXL", dossierID: "dos-2", type: "annual_leave",
                                       from: ReadFixture.date("2026-11-16"), to: ReadFixture.date("2026-11-17"),
                                       enteredBy: "u-time")
        local.status = .submitted
        try database.recordAbsence(local, by: ReplicaFixture.timeManager, rules: rules,
                                   now: ReadFixture.noon(ReadFixture.date("2026-11-08")))

        let queue = try database.validationQueue(asOf: asOf)
        // Entered on 8 November (its audit row), though it is about the 16th; the pulled one counts from its start.
        XCTAssertEqual(queue.map(\.record.id), ["local", "pulled"])
        XCTAssertEqual(queue.map(\.ageDays), [12, 7])
        XCTAssertEqual(queue.first?.dossier.dossierNumber, "AC-000122")
        XCTAssertEqual(queue.first?.dossier.displayName, "Vandenbroucke, Jan")
        XCTAssertEqual(queue.first?.enteredBy, "u-time")
        XCTAssertEqual(queue.first?.enteredByName, "Peeters, A.")
        XCTAssertEqual(queue.first?.record.typeCode, "annual_leave")
        XCTAssertEqual(queue.first?.link, DossierLink(dossierID: "dos-2", tab: .timeRecords))
        XCTAssertEqual(try database.validationQueue(asOf: asOf, employerCode: "CPAS-IXL"), [])
        // Asked for the oldest only: the one entered on the 8th, though the other starts earlier.
        XCTAssertEqual(try database.validationQueue(asOf: asOf, limit: 1).map(\.record.id), ["local"])
    }

    func testTheValidationQueueReadsSubmittedRecordsFromAnIndexOfThemOnly() throws {
        let database = try ReplicaFixture.make()
        let plan = try database.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT * FROM time_record_view WHERE status = 'submitted'")
                .map { $0["detail"] as String? ?? "" }
        }
        XCTAssertTrue(plan.contains { $0.contains("time_record_open_by_start (status=?)") }, "\(plan)")
        XCTAssertTrue(plan.contains { $0.contains("local_time_record_open_by_start (status=?)") }, "\(plan)")
    }

    func testUnjustifiedAbsencesAreReadFromAnIndexOfThatTypeOnly() throws {
        let database = try ReplicaFixture.make()
        let plan = try database.writer.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT * FROM time_record_view
                WHERE type_code = 'unjustified' AND start <= '2026-05-01' AND "end" >= '2026-01-01'
                """).map { $0["detail"] as String? ?? "" }
        }
        XCTAssertTrue(plan.contains { $0.contains("USING INDEX time_record_unjustified") }, "\(plan)")
        XCTAssertTrue(plan.contains { $0.contains("USING INDEX local_time_record_unjustified") }, "\(plan)")
    }

    func testAbsencesAwaitingACertificateAndAMonthsRecordsAreReadFromIndexes() throws {
        let database = try ReplicaFixture.make()
        let plans = try database.writer.read { db in
            try [
                """
                SELECT * FROM time_record_view WHERE type_code IN ('sick') AND start <= '2026-05-01'
                  AND start >= '2026-01-01' AND kind = 'absence' AND certificate_received = 0
                """,
                """
                SELECT count(*) FROM time_record_view WHERE status = 'draft' AND start <= '2026-05-31'
                  AND "end" >= '2026-05-01' AND employer_code = 'AC-IXL'
                """,
                """
                SELECT count(*) FROM time_record_view WHERE employer_code = 'AC-IXL' AND status = 'submitted'
                  AND start <= '2026-05-31' AND "end" >= '2026-05-01'
                """,
            ].map { sql in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String? ?? "" }
            }
        }
        XCTAssertTrue(plans[0].contains { $0.contains("time_record_certificate_due") }, "\(plans[0])")
        XCTAssertTrue(plans[1].contains { $0.contains("USING INDEX time_record_open_by_employer") }, "\(plans[1])")
        XCTAssertTrue(plans[2].contains { $0.contains("USING INDEX time_record_open_by_employer") }, "\(plans[2])")
    }

    func testArt60WatchShowsContractsEndingSoonAndTargetsReached() throws {
        let database = try ReplicaFixture.make()
        try ReadFixture.addArt60(to: database)
        let may = ReadFixture.date("2026-05-04")
        let watch = try database.art60Watch(asOf: may, withinDays: 30, rules: rules)
        XCTAssertEqual(watch.map(\.contract.id), ["c-7", "c-3"])
        // The partner of each contract's latest placement (c-3 moved to the commune in October).
        XCTAssertEqual(watch.map(\.partnerName), ["Commune d'Ixelles", "Commune d'Ixelles"])
        // Inès Mertens, 23 when hired in January 2024: 312 days, reached long ago.
        guard case .targetReached(let reached)? = watch.first?.reasons.first else {
            return XCTFail("\(String(describing: watch.first?.reasons))")
        }
        XCTAssertLessThan(reached, may)
        XCTAssertEqual(watch.first?.dossier.displayName, "Mertens, Inès")
        // Noël's contract ends after the 2026 reform: 312 days, reached on 2 January 2026.
        XCTAssertEqual(watch.last?.reasons, [.targetReached(on: ReadFixture.date("2026-01-02")),
                                             .ending(on: ReadFixture.date("2026-05-20"))])
        XCTAssertEqual(watch.last?.ageDays, ReadFixture.date("2025-01-06").days(to: may))
        XCTAssertEqual(watch.last?.link, DossierLink(dossierID: "dos-3", tab: .art60))
        // Within 10 days neither ends; both have reached their target.
        XCTAssertEqual(try database.art60Watch(asOf: may, withinDays: 10, rules: rules).map(\.contract.id), ["c-7", "c-3"])
    }

    /// `fiche export art60`'s read: every contract running that day, watched or not, with the
    /// figures the dossier's art. 60 tab shows.
    func testTheArt60OverviewHasEveryRunningContractWithItsTabsFigures() throws {
        let database = try ReplicaFixture.make()
        try ReadFixture.addArt60(to: database)
        let day = ReadFixture.date("2026-02-02")
        let overview = try database.art60Overview(employerCode: "CPAS-IXL", asOf: day, rules: rules)
        let watched = try database.art60Watch(asOf: day, withinDays: 30, rules: rules)
        XCTAssertFalse(overview.isEmpty)
        XCTAssertTrue(Set(watched.map(\.contract.id)).isSubset(of: Set(overview.map(\.contract.id))))
        XCTAssertEqual(overview.map(\.dossier.dossierNumber), overview.map(\.dossier.dossierNumber).sorted())
        for item in overview {
            XCTAssertTrue(item.contract.start <= day && (item.contract.end.map { $0 >= day } ?? true), "\(item.contract.id) runs that day")
            let card = try XCTUnwrap(try database.art60Card(dossierID: item.contract.dossierID, asOf: day, rules: rules))
            XCTAssertEqual(item.progress?.qualifyingDays, card.progress?.qualifyingDays, item.contract.id)
            XCTAssertEqual(item.progress?.projectedTargetDate, card.progress?.projectedTargetDate, item.contract.id)
            XCTAssertEqual(item.progress?.windowEnd, card.progress?.windowEnd, item.contract.id)
        }
        XCTAssertEqual(try database.art60Overview(employerCode: "AC-IXL", asOf: day, rules: rules), [], "the commune has none")
    }

    func testMissingCertificatesFollowTheFirstDayExemptionAndTheDeadline() throws {
        let database = try ReplicaFixture.make()
        try ReadFixture.apply(database, records: [
            // Statutory staff: a certificate from the first day, due two working days later (7 October).
            ReadFixture.absence("stat", dossier: "dos-1", type: "sick", from: "2026-10-05", to: "2026-10-06"),
            ReadFixture.absence("stat-ok", dossier: "dos-1", type: "sick", from: "2026-10-19", certificate: true),
            // Contract staff: three one-day absences a year without certificate; the fourth needs one.
            ReadFixture.absence("c1", dossier: "dos-2", type: "sick", from: "2026-02-03"),
            ReadFixture.absence("c2", dossier: "dos-2", type: "sick", from: "2026-03-03"),
            ReadFixture.absence("c3", dossier: "dos-2", type: "sick", from: "2026-04-07"),
            ReadFixture.absence("c4", dossier: "dos-2", type: "sick", from: "2026-05-05"),
            ReadFixture.absence("refused", dossier: "dos-2", type: "sick", from: "2026-06-02", to: "2026-06-03",
                                status: .rejected),
            // Not overdue yet: due Monday 23 November.
            ReadFixture.absence("recent", dossier: "dos-5", type: "sick", from: "2026-11-19", to: "2026-11-20"),
        ])
        // Entered on this replica on 17 November (its audit row) for 16–17 November: due on the 18th.
        let local = TimeRecord.absence(id: "local", employerCode: "AC-IXL", dossierID: "dos-2", type: "sick",
                                       from: ReadFixture.date("2026-11-16"), to: ReadFixture.date("2026-11-17"),
                                       enteredBy: "u-time")
        try database.recordAbsence(local, by: ReplicaFixture.timeManager, rules: rules,
                                   now: ReadFixture.noon(ReadFixture.date("2026-11-17")))
        let missing = try database.missingCertificates(asOf: asOf, rules: rules)
        XCTAssertEqual(missing.map(\.record.id), ["c4", "stat", "local"])
        XCTAssertEqual(missing.map(\.dueBy), [ReadFixture.date("2026-05-07"), ReadFixture.date("2026-10-07"),
                                              ReadFixture.date("2026-11-18")])
        XCTAssertEqual(missing[1].daysOverdue, 44)
        // The age counts from the entry's creation when the replica has its audit row, else from its start.
        XCTAssertEqual(missing.map(\.ageDays), [ReadFixture.date("2026-05-05").days(to: asOf),
                                                ReadFixture.date("2026-10-05").days(to: asOf), 3])
        XCTAssertEqual(missing.map(\.dossier.dossierNumber), ["AC-000122", "AC-000121", "AC-000122"])
        XCTAssertEqual(missing[1].link, DossierLink(dossierID: "dos-1", tab: .timeRecords))
        XCTAssertEqual(try database.missingCertificates(asOf: asOf, rules: rules, employerCode: "CPAS-IXL"), [])
    }

    func testUnjustifiedAbsencesOfTheYearWithTheirWorkingDays() throws {
        let database = try ReplicaFixture.make()
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("friday-to-tuesday", dossier: "dos-4", type: "unjustified", from: "2026-11-13",
                                to: "2026-11-17", status: .submitted),
            ReadFixture.absence("march", dossier: "dos-5", type: "unjustified", from: "2026-03-02"),
            ReadFixture.absence("refused", dossier: "dos-5", type: "unjustified", from: "2026-04-02", status: .rejected),
            ReadFixture.absence("last-year", dossier: "dos-5", type: "unjustified", from: "2025-12-01"),
            ReadFixture.absence("credit", dossier: "dos-5", type: "time_credit", from: "2026-06-01"),
        ])
        let absences = try database.unjustifiedAbsences(asOf: asOf, rules: rules)
        XCTAssertEqual(absences.map(\.record.id), ["march", "friday-to-tuesday"])
        XCTAssertEqual(absences.map(\.workingDays), [1, 3])
        XCTAssertEqual(absences.last?.ageDays, 7)
        XCTAssertEqual(absences.last?.dossier.displayName, "D'Hondt, Zoë")
        XCTAssertEqual(try database.unjustifiedAbsences(asOf: asOf, from: ReadFixture.date("2025-01-01"), rules: rules)
            .map(\.record.id), ["last-year", "march", "friday-to-tuesday"])
    }

    func testTheMonthClosingChecklistCountsWhatIsLeftForThatEmployerAndMonth() throws {
        let database = try ReplicaFixture.make()
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("sub-nov", dossier: "dos-5", type: "annual_leave", from: "2026-11-16", status: .submitted),
            ReadFixture.absence("sub-oct", dossier: "dos-5", type: "annual_leave", from: "2026-10-16", status: .submitted),
            ReadFixture.absence("sub-cpas", dossier: "dos-4", type: "annual_leave", from: "2026-11-16", status: .submitted),
            ReadFixture.absence("sick-nov", dossier: "dos-1", type: "sick", from: "2026-11-03", to: "2026-11-04"),
            ReadFixture.absence("sick-oct", dossier: "dos-1", type: "sick", from: "2026-10-05"),
        ])
        try database.updateDossierField("dos-1", .lastName, to: "Van den Bossche-Dupont", by: ReplicaFixture.clerk)
        try database.writer.write { db in
            for (id, status) in [(900, "conflict"), (901, "applied"), (902, "rejected")] {
                try db.execute(sql: """
                    INSERT INTO mutation_result (mutation_id, uuid, mutation, entity, target_id, employer_code, status, recorded_at)
                    VALUES (?, ?, 'updateDossierField', 'dossier', 'dos-2', 'AC-IXL', ?, '2026-11-19T10:00:00Z')
                    """, arguments: [id, "u-\(id)", status])
            }
        }
        let november = try YearMonth.parse("2026-11")
        let checklist = try database.monthClosingChecklist(employerCode: "AC-IXL", month: november, asOf: asOf, rules: rules)
        XCTAssertEqual(checklist.status, .open)
        XCTAssertEqual(checklist.submittedRecords, 1)
        XCTAssertEqual(checklist.draftRecords, 1)        // the fixture's annual leave of 9–13 November
        XCTAssertEqual(checklist.missingCertificates, 1)
        XCTAssertEqual(checklist.unsentChanges, 1)
        XCTAssertEqual(checklist.conflicts, 2)
        XCTAssertFalse(checklist.isClear)
        let september = try database.monthClosingChecklist(employerCode: "AC-IXL", month: try YearMonth.parse("2026-09"),
                                                           asOf: asOf, rules: rules)
        XCTAssertEqual(september.status, .closed)
        XCTAssertEqual(september.submittedRecords + september.draftRecords + september.missingCertificates, 0)
        let cpas = try database.monthClosingChecklist(employerCode: "CPAS-IXL", month: november, asOf: asOf, rules: rules)
        XCTAssertEqual([cpas.submittedRecords, cpas.unsentChanges, cpas.conflicts], [1, 0, 0])
    }
}
