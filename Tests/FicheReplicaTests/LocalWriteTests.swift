@testable import FicheReplica
import FicheDomain
import GRDB
import XCTest

final class LocalWriteTests: XCTestCase {
    private func counts(_ database: AppDatabase) throws -> [Int] {
        try database.writer.read { db in
            try ["outbox", "audit", "local_time_record", "local_person", "local_dossier", "time_record"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1
            }
        }
    }

    private func absence(_ id: String, _ from: String, _ to: String, type: String = "annual_leave",
                         dossier: String = "dos-1", employer: String = "AC-IXL") -> TimeRecord {
        .absence(id: id, employerCode: employer, dossierID: dossier, type: type,
                 from: ReplicaFixture.date(from), to: ReplicaFixture.date(to), enteredBy: "u-time")
    }

    func testRecordingAnAbsenceWritesTheRecordItsOutboxRowAndItsAuditRowTogether() throws {
        let database = try ReplicaFixture.make()
        let entry = try database.recordAbsence(absence("new-1", "2026-12-01", "2026-12-02"),
                                               by: ReplicaFixture.timeManager, rules: ReplicaFixture.rules)
        XCTAssertEqual(entry.mutation, "recordAbsence")
        XCTAssertEqual(entry.changes["type_code"], FieldChange(old: nil, new: "annual_leave"))
        XCTAssertEqual(entry.changes["start"]?.new, "2026-12-01")
        XCTAssertEqual(try database.pendingMutations(), [entry])
        let audit = try database.auditTrail(entity: "time_record", targetID: "new-1")
        XCTAssertEqual(audit.count, 1)
        XCTAssertEqual(audit.first?.userID, "u-time")
        XCTAssertEqual(audit.first?.mutationID, entry.id)
        XCTAssertEqual(audit.first?.changes, entry.changes)
        let card = try XCTUnwrap(database.openDossier("dos-1", year: 2026))
        XCTAssertEqual(card.timeRecords.map(\.id), ["tr-1", "new-1"])
        XCTAssertEqual(card.pendingRecordIDs, ["new-1"])
        // The mirror is untouched: only sync writes it.
        XCTAssertEqual(try counts(database)[5], 1)
    }

    func testOutboxIdsIncreaseWithEveryChange() throws {
        let database = try ReplicaFixture.make()
        let first = try database.recordAbsence(absence("a", "2026-12-01", "2026-12-01"), by: ReplicaFixture.timeManager,
                                               rules: ReplicaFixture.rules)
        let second = try XCTUnwrap(database.updateDossierField("dos-1", .iban, to: "BE68 5390 0754 7034", by: ReplicaFixture.clerk))
        XCTAssertGreaterThan(second.id, first.id)
    }

    func testAnAbsenceThatBreaksARuleWritesNothing() throws {
        let database = try ReplicaFixture.make()
        let before = try counts(database)
        let cases: [(TimeRecord, String)] = [
            (absence("x1", "2026-11-12", "2026-11-12"), "absence.overlap"),            // leave already recorded
            (absence("x2", "2026-09-14", "2026-09-14"), "month.closed"),               // September is closed
            (absence("x3", "2026-12-05", "2026-12-06"), "absence.no_working_day"),     // a weekend
            (absence("x4", "2026-12-01", "2026-12-01", type: "holiday_on_the_moon"), "absence.unknown_type"),
        ]
        for (record, code) in cases {
            XCTAssertThrowsError(try database.recordAbsence(record, by: ReplicaFixture.timeManager, rules: ReplicaFixture.rules)) { error in
                XCTAssertEqual((error as? RuleViolation)?.code, code, "\(error)")
            }
        }
        XCTAssertEqual(try counts(database), before)
    }

    func testSomeoneWithoutTheRightToEnterTimeWritesNothing() throws {
        let database = try ReplicaFixture.make()
        let before = try counts(database)
        XCTAssertThrowsError(try database.recordAbsence(absence("x", "2026-12-01", "2026-12-01"), by: ReplicaFixture.auditor,
                                                        rules: ReplicaFixture.rules)) { error in
            XCTAssertEqual((error as? RuleViolation)?.code, "access.denied")
        }
        // The time manager has no grant at the CPAS at all.
        XCTAssertThrowsError(try database.recordAbsence(absence("y", "2026-12-01", "2026-12-01", dossier: "dos-4", employer: "CPAS-IXL"),
                                                        by: ReplicaFixture.timeManager, rules: ReplicaFixture.rules))
        XCTAssertEqual(try counts(database), before)
    }

    func testAFailureAfterTheOutboxRowRollsEverythingBack() throws {
        let database = try ReplicaFixture.make()
        try database.writer.write { db in
            try db.execute(sql: "CREATE TEMP TRIGGER audit_fails BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'audit refused'); END")
        }
        let before = try counts(database)
        XCTAssertThrowsError(try database.recordAbsence(absence("n", "2026-12-01", "2026-12-01"), by: ReplicaFixture.timeManager,
                                                        rules: ReplicaFixture.rules))
        XCTAssertThrowsError(try database.updateDossierField("dos-1", .iban, to: "BE68 5390 0754 7034", by: ReplicaFixture.clerk))
        XCTAssertEqual(try counts(database), before)
        XCTAssertTrue(try database.openDossier("dos-1", year: 2026)?.timeRecords.map(\.id) == ["tr-1"])
    }

    func testChangingAnIBANKeepsOldAndNewInTheOutboxAndTheAudit() throws {
        let database = try ReplicaFixture.make()
        let entry = try XCTUnwrap(database.updateDossierField("dos-1", .iban, to: "BE68 5390 0754 7034", by: ReplicaFixture.clerk))
        XCTAssertEqual(entry.entity, "person")
        XCTAssertEqual(entry.targetID, "per-1")
        XCTAssertEqual(entry.baseVersion, 3)
        XCTAssertEqual(entry.changes, ["iban": FieldChange(old: "BE32123456789002", new: "BE68539007547034")])
        XCTAssertEqual(try database.auditTrail(entity: "person", targetID: "per-1").map(\.changes), [entry.changes])
        // The account in force stays until a second person confirms the new one, which waits beside it.
        let card = try XCTUnwrap(database.openDossier("dos-1", year: 2026))
        XCTAssertEqual(card.person.iban?.compact, "BE32123456789002")
        XCTAssertEqual(card.ibanChange, IBANChange(iban: "BE68539007547034", requestedBy: ReplicaFixture.clerk.id))
        // The same value again changes nothing and writes nothing.
        XCTAssertNil(try database.updateDossierField("dos-1", .iban, to: "BE68539007547034", by: ReplicaFixture.clerk))
        XCTAssertEqual(try database.pendingMutations().count, 1)
        // Whoever asked for it cannot confirm it; the account in force typed again withdraws it.
        XCTAssertThrowsError(try database.reviewIBANChange(dossierID: "dos-1", decision: .approve, by: ReplicaFixture.clerk)) {
            XCTAssertEqual(($0 as? RuleViolation)?.code, "four_eyes.own_iban_change")
        }
        let withdrawn = try XCTUnwrap(database.updateDossierField("dos-1", .iban, to: "BE32 1234 5678 9002", by: ReplicaFixture.clerk))
        XCTAssertEqual(withdrawn.changes, ["iban": FieldChange(old: "BE68539007547034", new: "BE32123456789002")])
        XCTAssertNil(try database.openDossier("dos-1", year: 2026)?.ibanChange)
    }

    func testAnInvalidValueWritesNothing() throws {
        let database = try ReplicaFixture.make()
        let before = try counts(database)
        XCTAssertThrowsError(try database.updateDossierField("dos-1", .iban, to: "BE41 0918 1173 5141", by: ReplicaFixture.clerk)) { error in
            XCTAssertEqual((error as? RuleViolation)?.code, "iban.national_check")
        }
        XCTAssertThrowsError(try database.updateDossierField("dos-1", .lastName, to: "  ", by: ReplicaFixture.clerk))
        XCTAssertThrowsError(try database.updateDossierField("dos-1", .status, to: "retired", by: ReplicaFixture.clerk))
        XCTAssertThrowsError(try database.updateDossierField("dos-404", .lastName, to: "X", by: ReplicaFixture.clerk)) { error in
            XCTAssertEqual(error as? MissingRowError, MissingRowError(entity: "dossier", id: "dos-404"))
        }
        XCTAssertEqual(try counts(database), before)
    }

    func testAPulledServerRowDoesNotHidePendingLocalChanges() throws {
        let database = try ReplicaFixture.make()
        try database.updateDossierField("dos-1", .lastName, to: "Van den Bossche-Peeters", by: ReplicaFixture.clerk)
        var batch = MirrorBatch()
        let person = Person(id: "per-1", niss: try NISS("85073003328"), lastName: "Van den Bossche", firstName: "Éloïse Marie",
                            birthDate: ReplicaFixture.date("1985-07-30"), sex: .female, language: .fr)
        batch.persons = [MirrorRow(person, employerCode: "AC-IXL", version: 9)]
        try database.applyPulled(batch)
        let card = try XCTUnwrap(database.openDossier("dos-1", year: 2026))
        XCTAssertEqual(card.person.lastName, "Van den Bossche-Peeters")   // pending local change on top
        XCTAssertEqual(card.person.firstName, "Éloïse Marie")             // the server's newer value
        let listed = try database.dossierPage(after: nil, limit: 10).first { $0.id == "dos-1" }
        XCTAssertEqual(listed?.displayName, "Van den Bossche-Peeters, Éloïse Marie")
        // An older version than the stored one is ignored.
        batch.persons = [MirrorRow(person, employerCode: "AC-IXL", version: 2)]
        batch.persons[0].value.firstName = "Stale"
        try database.applyPulled(batch)
        XCTAssertEqual(try database.openDossier("dos-1", year: 2026)?.person.firstName, "Éloïse Marie")
    }

    func testLosingAnEmployerDeletesItsRowsAndItsLocalHistory() throws {
        let database = try ReplicaFixture.make()
        try database.updateDossierField("dos-4", .lastName, to: "D'Hondt-Smet", by: ReplicaFixture.clerk)
        try database.updateDossierField("dos-1", .lastName, to: "Van den Bossche-Peeters", by: ReplicaFixture.clerk)
        try database.removeEmployerScope("CPAS-IXL")
        XCTAssertNil(try database.openDossier("dos-4", year: 2026))
        XCTAssertTrue(try database.searchDossiers("d'hondt").isEmpty)
        XCTAssertEqual(Set(try database.dossierPage(after: nil, limit: 50).map(\.employerCode)), ["AC-IXL"])
        XCTAssertEqual(try database.pendingMutations().map(\.employerCode), ["AC-IXL"],
                       "the other employer's entry still waits; the lost one's left with its rows (the sync saved it to a file first)")
        try database.writer.read { db in
            for table in AppDatabase.scopedTables + ["audit", "mutation_result", "outbox"] {
                XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE employer_code = 'CPAS-IXL'"), 0, table)
            }
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: "SELECT count(*) FROM audit WHERE employer_code = 'AC-IXL'") ?? 0, 0)
        }
    }
}
