@testable import FicheServer
import FicheSyncProtocol
import XCTest

/// A push round sends its reads, and then its writes, as one batch (`StoreTransaction.batch`):
/// on PostgreSQL every statement is on the connection before the first answer is read. The
/// statements must still run in order, inside the transaction, and a failed one must leave
/// nothing of the transaction behind.
final class StoreBatchTests: XCTestCase {
    func testABatchRunsInOrderInsideItsTransactionSQLite() async throws { try await inOrder(.sqlite) }
    func testABatchRunsInOrderInsideItsTransactionPostgres() async throws { try await inOrder(.postgres) }
    func testAFailedStatementUndoesTheWholeTransactionSQLite() async throws { try await failing(.sqlite) }
    func testAFailedStatementUndoesTheWholeTransactionPostgres() async throws { try await failing(.postgres) }

    /// Each statement sees the ones before it (a row written, then changed, then read), and each
    /// answer comes back in its place and in the shape asked for.
    private func inOrder(_ kind: TestStore) async throws {
        let store = try await kind.open()
        let results = try await store.write { tx in
            try await tx.batch([
                StoreStatement("INSERT INTO server_settings (key, value) VALUES (?, ?)", [.text("batch.a"), .text("first")]),
                StoreStatement("SELECT value FROM server_settings WHERE key = ?", [.text("batch.a")]),
                StoreStatement("UPDATE server_settings SET value = ? WHERE key = ?", [.text("second"), .text("batch.a")]),
                StoreStatement("SELECT key, value FROM server_settings WHERE key = ?", [.text("batch.a")], asText: true),
                StoreStatement("SELECT value FROM server_settings WHERE key = ?", [.text("batch.none")]),
            ])
        }
        XCTAssertEqual(results.count, 5)
        XCTAssertEqual(results[1].rows.map { $0.string("value") }, ["first"], "the read after the insert sees it")
        let table = results[3].table
        XCTAssertEqual(table.columns, ["key", "value"])
        XCTAssertEqual(table.rowCount, 1)
        XCTAssertEqual(Array(table.row(0)), ["batch.a", "second"], "the read after the update sees it, as text")
        XCTAssertTrue(results[4].rows.isEmpty)
        let stored = try await store.read { tx in
            try await tx.first("SELECT value FROM server_settings WHERE key = ?", [.text("batch.a")])?.string("value")
        }
        XCTAssertEqual(stored, "second", "committed with the transaction")
        await store.close()
    }

    /// A statement that fails in the middle of a batch fails the batch: the rows written before
    /// it in the transaction are gone, the statements after it did not run, and the store
    /// answers the next transaction as if nothing happened.
    private func failing(_ kind: TestStore) async throws {
        let store = try await kind.open()
        do {
            _ = try await store.write { tx in
                try await tx.batch([
                    StoreStatement("INSERT INTO server_settings (key, value) VALUES (?, ?)", [.text("batch.b"), .text("kept?")]),
                    StoreStatement("INSERT INTO server_settings (key, value) VALUES (?, NULL)", [.text("batch.c")]),
                    StoreStatement("INSERT INTO server_settings (key, value) VALUES (?, ?)", [.text("batch.d"), .text("after")]),
                ])
            }
            XCTFail("a NULL value in a NOT NULL column fails the batch")
        } catch {}
        let keys = try await store.read { tx in
            try await tx.query("SELECT key FROM server_settings WHERE key LIKE 'batch.%' ORDER BY key", []).compactMap { $0.string("key") }
        }
        XCTAssertEqual(keys, [], "nothing of the failed transaction is kept")
        try await store.write { tx in
            _ = try await tx.batch([StoreStatement("INSERT INTO server_settings (key, value) VALUES (?, ?)",
                                                   [.text("batch.e"), .text("next")])])
        }
        let next = try await store.read { tx in
            try await tx.first("SELECT value FROM server_settings WHERE key = ?", [.text("batch.e")])?.string("value")
        }
        XCTAssertEqual(next, "next", "the next transaction works")
        await store.close()
    }
}
