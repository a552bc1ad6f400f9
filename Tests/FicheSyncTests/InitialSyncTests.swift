import FicheReplica
import FicheSync
import Foundation
import XCTest

/// The first copy of a replica: page by page, resumable, with progress.
final class InitialSyncTests: XCTestCase {
    func testInterruptedInitialSyncResumesAtTheNextPage() async throws {
        let server = try await SimulatedServer.make(users: ["clerk.both": ["AC-T", "CPAS-T"]])
        try await server.serve { url in
            let client = try await SimulatedClient.make(name: "pc0", login: "clerk.both", server: url, seed: 1, faultRate: 0)
            defer { client.remove() }
            let http = HTTPSyncTransport(server: url)
            // The reference rows come first, one per page: 2 employers, the user at each, its 2 grants.
            let cut = InterruptingTransport(wrapping: http, snapshotPages: 8)
            let first = SyncSession(replica: client.replica, transport: cut, credentials: .file(client.tokenPath),
                                    exportDirectory: client.folder, maximumAttempts: 1, snapshotLimit: 1, pause: { _ in })
            do {
                try await first.sync()
                XCTFail("the link went down mid-copy")
            } catch SyncError.offline {}
            let state = try client.replica.syncState()
            XCTAssertFalse(state.initialSyncDone)
            XCTAssertNotNil(state.snapshotToken, "the token of the next page is kept")
            XCTAssertEqual(try client.replica.syncedRows(of: "dossier").count, 2)

            // After a restart (a new session on the reopened file), the copy goes on from the token.
            let reopened = try AppDatabase.open(at: client.replicaPath, clock: .tests)
            let counting = InterruptingTransport(wrapping: http, snapshotPages: 100)
            let progress = ProgressLog()
            let second = SyncSession(replica: reopened, transport: counting, credentials: .file(client.tokenPath),
                                     exportDirectory: client.folder, snapshotLimit: 1, pause: { _ in },
                                     progress: { progress.append($0) })
            let summary = try await second.sync()
            // 6 reference pages, 4 dossiers one per page, then the empty time-record, note,
            // payroll-month and art. 60 event pages, the 4 careers the import gave the dossiers
            // one per page, and the empty partner, art. 60 contract and placement pages: 21
            // pages in all, 8 done before.
            let calls = await counting.snapshotCalls
            XCTAssertEqual(calls, 13)
            XCTAssertEqual(summary.snapshotRows, 6)
            XCTAssertEqual(try reopened.syncedRows(of: "dossier").count, 4)
            XCTAssertTrue(try reopened.syncState().initialSyncDone)
            let reports = progress.all
            XCTAssertEqual(reports.last?.done, true)
            XCTAssertEqual(reports.last?.rows, 6)
        }
        await server.close()
    }
}
