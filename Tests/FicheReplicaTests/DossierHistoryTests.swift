@testable import FicheReplica
import FicheDomain
import XCTest

final class DossierHistoryTests: XCTestCase {
    func testTheHistoryHoldsTheDossierItsPersonAndItsRecordsNewestFirst() throws {
        let database = try ReplicaFixture.make()
        let rules = ReplicaFixture.rules
        try database.updateDossierField("dos-1", .lastName, to: "Van den Bossche-Dupont", by: ReplicaFixture.clerk,
                                        now: ReadFixture.noon(ReplicaFixture.date("2026-11-02")))
        try database.updateDossierField("dos-1", .status, to: "suspended", by: ReplicaFixture.clerk,
                                        now: ReadFixture.noon(ReplicaFixture.date("2026-11-03")))
        try database.recordAbsence(.absence(id: "r-new", employerCode: "AC-IXL", dossierID: "dos-1", type: "annual_leave",
                                            from: ReplicaFixture.date("2026-11-16"), to: ReplicaFixture.date("2026-11-16"),
                                            enteredBy: "u-time"),
                                   by: ReplicaFixture.timeManager, rules: rules,
                                   now: ReadFixture.noon(ReplicaFixture.date("2026-11-04")))
        try database.updateDossierField("dos-2", .lastName, to: "Vandenbroucke-Mertens", by: ReplicaFixture.clerk)

        let history = try database.dossierHistory(dossierID: "dos-1")
        XCTAssertEqual(history.map(\.entity), ["time_record", "dossier", "person"])
        XCTAssertEqual(history.map(\.userID), ["u-time", "u-clerk", "u-clerk"])
        XCTAssertEqual(history.last?.changes["last_name"]?.new, "Van den Bossche-Dupont")
        XCTAssertEqual(history[1].changes["status"]?.old, "active")
        XCTAssertEqual(try database.dossierHistory(dossierID: "dos-404"), [])
    }

    func testARecordTheServerRefusedKeepsItsHistory() throws {
        let database = try ReplicaFixture.make()
        try database.recordAbsence(.absence(id: "r-refused", employerCode: "AC-IXL", dossierID: "dos-1", type: "annual_leave",
                                            from: ReplicaFixture.date("2026-11-16"), to: ReplicaFixture.date("2026-11-16"),
                                            enteredBy: "u-time"),
                                   by: ReplicaFixture.timeManager, rules: ReplicaFixture.rules)
        // A refusal takes the mutation out of the outbox, and the record out of the working view.
        try database.writer.write { db in
            try db.execute(sql: "DELETE FROM outbox WHERE target_id = 'r-refused'")
            try WorkingView.recompute(db, entity: "time_record", id: "r-refused")
        }
        XCTAssertNil(try database.openDossier("dos-1", year: 2026)?.timeRecords.first { $0.id == "r-refused" })
        XCTAssertEqual(try database.dossierHistory(dossierID: "dos-1").map(\.targetID), ["r-refused"])
    }
}
