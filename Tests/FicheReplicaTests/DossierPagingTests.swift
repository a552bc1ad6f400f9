@testable import FicheReplica
import FicheDemo
import FicheDomain
import GRDB
import Foundation
import XCTest

final class DossierPagingTests: XCTestCase {
    private func database(dossiers: Int) throws -> AppDatabase {
        let file = ReplicaFixture.file("paging")
        let database = try AppDatabase.open(at: file, clock: .tests)
        try DemoDataGenerator(dataset: DemoDataset(dossiers: dossiers, seed: 42)).write(into: database)
        return database
    }

    func testPagingForwardVisitsEveryDossierOnceInNameOrder() throws {
        let database = try database(dossiers: 253)
        var seen: [DossierListRow] = []
        var cursor: DossierListCursor?
        while true {
            let page = try database.dossierPage(after: cursor, limit: 20)
            if page.isEmpty { break }
            seen += page
            cursor = page.last.map(DossierListCursor.init)
        }
        XCTAssertEqual(seen.count, 253)
        XCTAssertEqual(Set(seen.map(\.id)).count, 253)
        let keys = seen.map { [$0.sortName, $0.id] }
        XCTAssertEqual(keys, keys.sorted { $0.lexicographicallyPrecedes($1) })
    }

    func testPagingBackwardGivesTheSameRowsInTheSameOrder() throws {
        let database = try database(dossiers: 120)
        let forward = try database.dossierPage(after: nil, limit: 500)
        var backward: [DossierListRow] = []
        var cursor: DossierListCursor?
        while true {
            let page = try database.dossierPage(before: cursor, limit: 17)
            if page.isEmpty { break }
            backward = page + backward
            cursor = page.first.map(DossierListCursor.init)
        }
        XCTAssertEqual(backward, forward)
    }

    func testNamesSortWithoutRegardToAccentsOrCase() {
        XCTAssertEqual(SortKey.fold("Éloïse"), SortKey.fold("eloise"))
        XCTAssertEqual(SortKey.person(lastName: "Van den Bossche", firstName: "Zoë"),
                       SortKey.person(lastName: "VAN DEN BOSSCHE", firstName: "zoe"))
        XCTAssertLessThan(SortKey.person(lastName: "Lefèvre", firstName: "A"), SortKey.person(lastName: "Lejeune", firstName: "A"))
    }

    func testEveryDemoNationalNumberCarriesAValidCheckAndTheSexParity() throws {
        let database = try database(dossiers: 300)
        let stored = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT niss, birth_date FROM person")
        }
        XCTAssertEqual(stored.count, 300)
        for row in stored {
            let niss: String = row["niss"]
            let birth: String = row["birth_date"]
            let body = Int(niss.prefix(9)) ?? -1
            let base = birth.hasPrefix("2") ? 2_000_000_000 + body : body
            XCTAssertEqual(97 - base % 97, Int(niss.suffix(2)), niss)
            XCTAssertEqual(String(birth.dropFirst(2).prefix(2)), String(niss.prefix(2)), niss)
        }
    }
}
