@testable import FicheServer
import Synchronization

/// A real store whose statements fail when they carry a marked value, as a store error would
/// (a lost connection, a constraint the rules did not foresee); counts the failed writes.
final class FaultyStore: ServerStore {
    /// What a marked statement throws.
    struct Failure: Error {}

    /// Passes statements to the real transaction unless one of their values is the marker.
    struct Transaction: StoreTransaction {
        let wrapped: any StoreTransaction
        let marker: String

        func query(_ sql: String, _ binds: [SQLValue]) async throws -> [StoreRow] {
            try check(binds)
            return try await wrapped.query(sql, binds)
        }

        func execute(_ sql: String, _ binds: [SQLValue]) async throws {
            try check(binds)
            try await wrapped.execute(sql, binds)
        }

        private func check(_ binds: [SQLValue]) throws {
            if binds.contains(.text(marker)) { throw Failure() }
        }
    }

    let wrapped: any ServerStore
    let marker: String
    private let failed = Mutex(0)

    init(wrapping store: any ServerStore, failingOn marker: String) {
        wrapped = store
        self.marker = marker
    }

    var backend: String { wrapped.backend }

    var schemaLevel: Int { wrapped.schemaLevel }
    /// Write transactions rolled back by a marked statement.
    var failures: Int { failed.withLock { $0 } }

    func migrate() async throws { try await wrapped.migrate() }

    func write<T: Sendable>(_ body: @Sendable (any StoreTransaction) async throws -> T) async throws -> T {
        let marker = self.marker
        do {
            return try await wrapped.write { tx in try await body(Transaction(wrapped: tx, marker: marker)) }
        } catch let failure as Failure {
            failed.withLock { $0 += 1 }
            throw failure
        }
    }

    func read<T: Sendable>(_ body: @Sendable (any StoreTransaction) async throws -> T) async throws -> T {
        try await wrapped.read(body)
    }

    func eraseAllData() async throws { try await wrapped.eraseAllData() }

    func close() async { await wrapped.close() }
}
