@testable import FicheServer
import Foundation
import Synchronization
import XCTest

/// The trail of who read which employers' data is never dropped: a batch the database refuses
/// is written later, and reads stop while too much waits unwritten.
final class ReadAuditTests: XCTestCase {
    /// A store whose writes fail while `failing` is set.
    final class SwitchedStore: ServerStore {
        let wrapped: any ServerStore
        let failing = Mutex(true)
        struct Refused: Error {}

        init(_ wrapped: any ServerStore) { self.wrapped = wrapped }
        var backend: String { wrapped.backend }
        var schemaLevel: Int { wrapped.schemaLevel }
        func migrate() async throws { try await wrapped.migrate() }
        func write<T: Sendable>(_ body: @Sendable (any StoreTransaction) async throws -> T) async throws -> T {
            if failing.withLock({ $0 }) { throw Refused() }
            return try await wrapped.write(body)
        }
        func read<T: Sendable>(_ body: @Sendable (any StoreTransaction) async throws -> T) async throws -> T {
            try await wrapped.read(body)
        }
        func eraseAllData() async throws { try await wrapped.eraseAllData() }
        func close() async { await wrapped.close() }
    }

    func testABatchTheDatabaseRefusedIsWrittenLaterAndReadsStopWhenTooMuchWaits() async throws {
        let store = SwitchedStore(try await TestStore.sqlite.open())
        let audit = ReadAudit(store: store)
        let at = Date(timeIntervalSince1970: 1_795_500_000)
        for device in 0..<150 {
            try audit.record(.init(userID: "u\(device)", deviceID: "d\(device)", action: "sync.pull", decision: "allowed",
                                   employerCode: "CPAS-T"), at: at)
        }
        let left = await audit.flush(attempts: 2)
        XCTAssertEqual(left, 150, "refused twice: every entry still waits")
        store.failing.withLock { $0 = false }
        let after = await audit.flush()
        XCTAssertEqual(after, 0)
        let rows = try await store.read { tx in try await tx.first("SELECT COUNT(*) AS n FROM audit WHERE action = 'sync.pull'")?.int("n") }
        XCTAssertEqual(rows, 150, "nothing was dropped")

        store.failing.withLock { $0 = true }
        var refused: APIError?
        for device in 0...ReadAudit.backlogLimit {
            do {
                try audit.record(.init(userID: "v\(device)", deviceID: "e\(device)", action: "sync.pull", decision: "allowed"), at: at)
            } catch let error as APIError {
                refused = error
                break
            }
        }
        XCTAssertEqual(refused?.status, .serviceUnavailable, "a read is refused rather than left without its trail")
        XCTAssertEqual(refused?.body.error, "audit_unavailable")
        store.failing.withLock { $0 = false }
        _ = await audit.flush()
        XCTAssertEqual(audit.waiting, 0)
        await store.close()
    }
}
