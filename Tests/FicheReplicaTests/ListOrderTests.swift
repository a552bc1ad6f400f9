@testable import FicheReplica
import FicheDemo
import GRDB
import XCTest

final class ListOrderTests: XCTestCase {
    private static let demo: AppDatabase? = try? {
        let database = try AppDatabase.open(at: ReplicaFixture.file("orders"), clock: .tests)
        try DemoDataGenerator(dataset: DemoDataset(dossiers: 260, seed: 9)).write(into: database)
        return database
    }()

    private func database() throws -> AppDatabase { try XCTUnwrap(Self.demo) }

    private func key(_ row: DossierListRow, _ order: DossierSortOrder) -> [String] {
        DossierListCursor(row).keys(for: order)
    }

    private func walkForward(_ database: AppDatabase, _ query: DossierListQuery, page: Int) throws -> [DossierListRow] {
        var seen: [DossierListRow] = []
        var cursor: DossierListCursor?
        while true {
            let rows = try database.dossierPage(query, after: cursor, limit: page)
            if rows.isEmpty { return seen }
            seen += rows
            cursor = rows.last.map(DossierListCursor.init)
        }
    }

    func testEveryOrderVisitsEveryDossierOnceForwardAndBackward() throws {
        let database = try database()
        for order in DossierSortOrder.allCases {
          for descending in [false, true] {
            let query = DossierListQuery(order: order, descending: descending)
            let forward = try walkForward(database, query, page: 23)
            XCTAssertEqual(forward.count, 260, "\(order)")
            XCTAssertEqual(Set(forward.map(\.id)).count, 260, "\(order)")
            let keys = forward.map { key($0, order) }
            let sorted = keys.sorted { $0.lexicographicallyPrecedes($1) }
            XCTAssertEqual(keys, descending ? sorted.reversed() : sorted, "\(order) descending: \(descending)")
            var backward: [DossierListRow] = []
            var cursor: DossierListCursor?
            while true {
                let rows = try database.dossierPage(query, before: cursor, limit: 31)
                if rows.isEmpty { break }
                backward = rows + backward
                cursor = rows.first.map(DossierListCursor.init)
            }
            XCTAssertEqual(backward, forward, "\(order)")
          }
        }
    }

    func testTheCountBeforeARowIsItsPlaceInEveryOrderAndFilter() throws {
        let database = try database()
        for order in DossierSortOrder.allCases {
            for filter in [DossierListFilter(), DossierListFilter(employerCode: "CPAS-IXL")] {
                for descending in [false, true] {
                    let query = DossierListQuery(order: order, descending: descending, filter: filter)
                    let rows = try walkForward(database, query, page: 40)
                    XCTAssertEqual(try database.dossierCount(query), rows.count, "\(query)")
                    for index in [0, 1, rows.count / 2, rows.count - 1] {
                        XCTAssertEqual(try database.dossierCount(query, before: DossierListCursor(rows[index])), index,
                                       "\(order) \(descending) row \(index)")
                    }
                }
            }
        }
    }

    func testOrdersGroupAsTheirNamesSay() throws {
        let database = try database()
        let byEmployer = try walkForward(database, DossierListQuery(order: .employer), page: 50)
        XCTAssertEqual(byEmployer.first?.employerCode, "AC-IXL")
        XCTAssertEqual(byEmployer.last?.employerCode, "CPAS-IXL")
        let byNumber = try walkForward(database, DossierListQuery(order: .number), page: 50)
        XCTAssertEqual(byNumber.first?.dossierNumber, "AC-000001")
        let byCategory = try walkForward(database, DossierListQuery(order: .category), page: 50)
        XCTAssertEqual(byCategory.map(\.category), byCategory.map(\.category).sorted())
        let byStatus = try walkForward(database, DossierListQuery(order: .status), page: 50)
        XCTAssertEqual(byStatus.map(\.status), byStatus.map(\.status).sorted())
        XCTAssertGreaterThan(Set(byStatus.map(\.status)).count, 1, "the demo has dossiers in more than one status")
        let latestNumberFirst = try walkForward(database, DossierListQuery(order: .number, descending: true), page: 50)
        XCTAssertEqual(latestNumberFirst.last?.dossierNumber, "AC-000001")
    }

    func testFiltersCombineWithEveryOrder() throws {
        let database = try database()
        let all = try walkForward(database, DossierListQuery(), page: 100)
        let clerk = try XCTUnwrap(all.first { $0.employerCode == "CPAS-IXL" }?.payrollClerkID)
        let filters = [
            DossierListFilter(employerCode: "CPAS-IXL"),
            DossierListFilter(category: "art60"),
            DossierListFilter(status: "active"),
            DossierListFilter(payrollClerkID: clerk),
            DossierListFilter(employerCode: "AC-IXL", category: "statutory", status: "active"),
        ]
        for filter in filters {
            let expected = Set(all.filter { row in
                (filter.employerCode.map { $0 == row.employerCode } ?? true)
                    && (filter.category.map { $0 == row.category } ?? true)
                    && (filter.status.map { $0 == row.status } ?? true)
                    && (filter.payrollClerkID.map { $0 == row.payrollClerkID } ?? true)
            }.map(\.id))
            XCTAssertFalse(expected.isEmpty, "\(filter)")
            for order in DossierSortOrder.allCases {
                let rows = try walkForward(database, DossierListQuery(order: order, descending: order == .status, filter: filter),
                                           page: 7)
                XCTAssertEqual(Set(rows.map(\.id)), expected, "\(filter) \(order)")
                XCTAssertEqual(rows.count, expected.count, "\(filter) \(order)")
            }
        }
    }

    func testEveryOrderAndFilterPagesFromAnIndexWithoutSortingOrScanning() throws {
        let database = try database()
        let cursor = DossierListCursor(sortName: "m", id: "x", dossierNumber: "AC-000100", employerCode: "AC-IXL",
                                       clerkSortKey: "d", category: "contractual")
        for order in DossierSortOrder.allCases {
            for filter in [DossierListFilter(), DossierListFilter(employerCode: "AC-IXL"), DossierListFilter(category: "art60")] {
              for descending in [false, true] {
                let query = DossierListQuery(order: order, descending: descending, filter: filter)
                let plan = try database.writer.read { db -> [String] in
                    return try Self.plan(db, query, cursor: cursor)
                }
                XCTAssertFalse(plan.contains { $0.contains("TEMP B-TREE") }, "\(order) \(filter): \(plan)")
                XCTAssertTrue(plan.contains { $0.contains("USING INDEX") || $0.contains("USING COVERING INDEX") },
                              "\(order) \(filter): \(plan)")
              }
            }
        }
    }

    private static func plan(_ db: Database, _ query: DossierListQuery, cursor: DossierListCursor) throws -> [String] {
        let (sql, arguments) = AppDatabase.pageSQL(query, cursor: cursor, forward: true, limit: 20)
        return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: StatementArguments(arguments))
            .map { $0["detail"] ?? "" }
    }
}
