@testable import FicheReplica
import GRDB
import XCTest

final class SearchTests: XCTestCase {
    private func names(_ database: AppDatabase, _ query: String) throws -> [String] {
        try database.searchDossiers(query, limit: 50).map(\.row.displayName)
    }

    func testAccentsAndCaseAreIgnoredBothWays() throws {
        let database = try ReplicaFixture.make()
        XCTAssertEqual(try names(database, "eloise"), ["Van den Bossche, Éloïse"])
        XCTAssertEqual(try names(database, "ÉLOÏSE"), ["Van den Bossche, Éloïse"])
        XCTAssertEqual(try names(database, "lefevre"), ["Lefèvre, François"])
        XCTAssertEqual(try names(database, "zoe"), ["D'Hondt, Zoë"])
        XCTAssertEqual(try names(database, "noel van"), ["Van der Linden, Noël"])
    }

    func testParticlesWorkWordByWordOrRunTogetherAsTheUserTypes() throws {
        let database = try ReplicaFixture.make()
        XCTAssertEqual(try names(database, "van den bossche"), ["Van den Bossche, Éloïse"])
        XCTAssertEqual(try names(database, "van den b"), ["Van den Bossche, Éloïse"])
        XCTAssertEqual(Set(try names(database, "vandenb")), ["Van den Bossche, Éloïse", "Vandenbroucke, Jan"])
        XCTAssertEqual(try names(database, "vandenbo"), ["Van den Bossche, Éloïse"])
        XCTAssertEqual(try names(database, "d'hondt"), ["D'Hondt, Zoë"])
        XCTAssertEqual(try names(database, "dhon"), ["D'Hondt, Zoë"])
        XCTAssertEqual(try names(database, "el amr"), ["El Amrani, Yasmina"])
        XCTAssertEqual(Set(try names(database, "van")),
                       ["Van den Bossche, Éloïse", "Vandenbroucke, Jan", "Van der Linden, Noël"])
    }

    func testDossierNumbersMatchByPrefixWithOrWithoutTheDash() throws {
        let database = try ReplicaFixture.make()
        XCTAssertEqual(try names(database, "CP-000124"), ["D'Hondt, Zoë"])
        XCTAssertEqual(try names(database, "cp00012").count, 3)
        XCTAssertEqual(try names(database, "AC-0001"), try names(database, "ac0001"))
        XCTAssertEqual(try names(database, "000126"), ["Lefèvre, François"])
    }

    func testNationalNumbersMatchWithOrWithoutPunctuation() throws {
        let database = try ReplicaFixture.make()
        for typed in ["85073003328", "85.07.30-033.28", "85.07.30", "850730", "85 07 30-033"] {
            XCTAssertEqual(try names(database, typed), ["Van den Bossche, Éloïse"], typed)
        }
    }

    func testResultsAreRankedAndPagedWithoutRepeats() throws {
        let database = try ReplicaFixture.make()
        let all = try database.searchDossiers("van", limit: 50)
        XCTAssertEqual(all.map(\.rank), all.map(\.rank).sorted())
        var paged: [DossierSearchHit] = []
        var cursor: DossierSearchCursor?
        repeat {
            let page = try database.searchDossiers("van", after: cursor, limit: 1)
            paged += page
            cursor = page.last?.cursor
            if page.isEmpty { cursor = nil }
        } while cursor != nil
        XCTAssertEqual(paged.map(\.row.id), all.map(\.row.id))
    }

    func testNothingSearchableFindsNothing() throws {
        let database = try ReplicaFixture.make()
        XCTAssertTrue(try database.searchDossiers("  ").isEmpty)
        XCTAssertTrue(try database.searchDossiers("-.'").isEmpty)
        XCTAssertTrue(try database.searchDossiers("\"AND OR (").isEmpty)
        XCTAssertTrue(try database.searchDossiers("xyzzy").isEmpty)
    }

    func testALocalRenameIsFoundAtOnceAndTheOldNameIsNot() throws {
        let database = try ReplicaFixture.make()
        try database.updateDossierField("dos-6", .lastName, to: "Lefèvre-Mahieu", by: ReplicaFixture.clerk)
        XCTAssertEqual(try names(database, "mahieu"), ["Lefèvre-Mahieu, François"])
        try database.updateDossierField("dos-6", .lastName, to: "Mahieu", by: ReplicaFixture.clerk)
        XCTAssertEqual(try names(database, "lefevre"), [])
        XCTAssertEqual(try names(database, "mahieu"), ["Mahieu, François"])
    }

    func testTheSearchUsesTheFullTextIndexNotAScan() throws {
        let database = try ReplicaFixture.make()
        let plan = try database.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + AppDatabase.searchSQL, arguments: ["\"van\"*", 20]).map { $0["detail"] as String? ?? "" }
        }
        XCTAssertTrue(plan.contains { $0.contains("VIRTUAL TABLE INDEX") }, "\(plan)")
    }
}
