@testable import FicheReplica
import FicheDomain
import GRDB
import XCTest

final class DossierCardTests: XCTestCase {
    func testOpeningADossierShowsTheRecordsTouchingTheYearOnly() throws {
        let database = try ReplicaFixture.make()
        var batch = MirrorBatch()
        batch.timeRecords = [
            ("old", "2025-03-03", "2025-03-04"), ("across", "2025-12-29", "2026-01-02"), ("next", "2027-01-04", "2027-01-04"),
        ].map { id, from, to in
            MirrorRow(TimeRecord.absence(id: id, employerCode: "AC-IXL", dossierID: "dos-1", type: "annual_leave",
                                         from: ReplicaFixture.date(from), to: ReplicaFixture.date(to), enteredBy: "u-time"),
                      employerCode: "AC-IXL", version: 1)
        }
        try database.applyPulled(batch)
        let card = try XCTUnwrap(database.openDossier("dos-1", year: 2026))
        XCTAssertEqual(card.timeRecords.map(\.id), ["across", "tr-1"])
        XCTAssertEqual(card.person.lastName, "Van den Bossche")
        XCTAssertEqual(card.employer.code, "AC-IXL")
        XCTAssertTrue(card.pendingRecordIDs.isEmpty)
        XCTAssertNil(try database.openDossier("dos-404", year: 2026))
    }

    func testADossiersRecordsAreReadFromTheIndexOfMirrorAndOverlay() throws {
        let database = try ReplicaFixture.make()
        let plan = try database.writer.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT * FROM time_record_view WHERE dossier_id = ? AND start <= ? AND "end" >= ?
                """, arguments: ["dos-1", "2026-12-31", "2026-01-01"]).map { $0["detail"] as String? ?? "" }
        }
        XCTAssertTrue(plan.contains { $0.contains("time_record_by_dossier") }, "\(plan)")
        XCTAssertTrue(plan.contains { $0.contains("local_time_record_by_dossier") }, "\(plan)")
        XCTAssertFalse(plan.contains { $0.hasPrefix("SCAN") && !$0.contains("INDEX") }, "\(plan)")
    }
}
