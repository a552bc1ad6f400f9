import FicheServer
import Foundation
import XCTest

/// The two stores are migrated from two lists of statements (`SQLiteSchema`, `PostgresSchema`):
/// a column added to one only would be a query that works on a laptop and fails in production.
final class SchemaParityTests: XCTestCase {
    func testBothStoresHaveTheSameTablesColumnsAndIndexes() async throws {
        let url = try TestStore.databaseURL()
        let sqlite = try await TestStore.sqlite.open()
        let sqliteShape = try await StoreShape.sqlite(sqlite)
        await sqlite.close()

        // A schema of its own: the tables are made by this migration, not left by earlier runs.
        let schema = "schema_parity_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let postgres = try PostgresServerStore(url: url, schema: schema)
        let postgresShape: StoreShape
        do {
            try await postgres.migrate()
            postgresShape = try await StoreShape.postgres(postgres)
            await postgres.close()
        } catch {
            await postgres.close()
            try await Self.drop(schema, url: url)
            throw error
        }
        try await Self.drop(schema, url: url)

        XCTAssertGreaterThanOrEqual(sqliteShape.columns.count, 20, "every table is read: \(sqliteShape.columns.keys.sorted())")
        XCTAssertGreaterThanOrEqual(sqliteShape.indexes.count, 16, "every index is read: \(sqliteShape.indexes.keys.sorted())")
        for shape in [sqliteShape, postgresShape] {
            XCTAssertEqual(shape.columns["dossiers"]?["niss"], true, "NOT NULL is read")
            XCTAssertEqual(shape.columns["dossiers"]?["iban"], false, "nullable is read")
            XCTAssertEqual(shape.columns["users"]?["id"], true, "a primary key is NOT NULL")
        }
        XCTAssertEqual(sqliteShape.differences(from: postgresShape, "SQLite", "PostgreSQL"), [])
    }

    private static func drop(_ schema: String, url: String) async throws {
        let store = try PostgresServerStore(url: url)
        do {
            try await store.write { tx in try await tx.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE") }
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}
