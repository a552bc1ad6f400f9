import FicheReplica
import FicheServer
import FicheSync
import Foundation
import XCTest

/// Two `fiche demo` in one data folder share one server: the first serves and records its
/// address, the next one finds it answering and uses it; a record left by a process that is gone
/// is ignored and the next one serves.
final class DemoServerDiscoveryTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "fiche-demo-discovery-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func testASecondDemoUsesTheServerTheFirstOneRunsAndServesItselfOnceItHasStopped() async throws {
        let first = try await DemoServerHost.joinOrServe(folder: folder, dossiers: 10, seed: 7)
        let host = try XCTUnwrap(first.host, "the first demo of the folder serves")
        XCTAssertTrue(first.reseeded, "an empty store is seeded")
        XCTAssertEqual(DemoServerRecord.read(in: folder), DemoServerRecord(port: host.record.port, pid: getpid()))

        let second = try await DemoServerHost.joinOrServe(folder: folder, dossiers: 10, seed: 7)
        XCTAssertNil(second.host, "the second demo does not open the store again")
        XCTAssertEqual(second.address, first.address)
        XCTAssertFalse(second.reseeded)
        // It is the real server: a demo account signs in on it.
        let url = try XCTUnwrap(URL(string: second.address))
        let credentials = try await SyncSession.signIn(server: second.address, login: "clerk-cpas", password: DemoSeed.password,
                                                       device: "test", transport: HTTPSyncTransport(server: url))
        XCTAssertEqual(credentials.login, "clerk-cpas")

        await host.stop()
        XCTAssertNil(DemoServerRecord.read(in: folder), "a server that stopped leaves no address behind")
        let gone = await DemoServerRecord(port: host.record.port, pid: getpid()).answers(timeout: 1)
        XCTAssertFalse(gone, "nothing answers on the old port")

        let third = try await DemoServerHost.joinOrServe(folder: folder, dossiers: 10, seed: 7)
        let again = try XCTUnwrap(third.host, "with nobody serving, the next demo serves")
        XCTAssertFalse(third.reseeded, "the store it serves keeps what the first one held")
        let signedIn = try await SyncSession.signIn(server: third.address, login: "clerk-cpas", password: DemoSeed.password,
                                                    device: "test", knownDevice: credentials.deviceID,
                                                    transport: HTTPSyncTransport(server: try XCTUnwrap(URL(string: third.address))))
        XCTAssertEqual(signedIn.deviceID, credentials.deviceID, "the device signed in before is still known")
        await again.stop()
    }

    func testARecordLeftByAProcessThatIsGoneIsIgnoredAndThisProcessServes() async throws {
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let stale = DemoServerRecord(port: 9, pid: finished.processIdentifier)
        try stale.write(in: folder)

        let found = await DemoServerHost.running(in: folder)
        XCTAssertNil(found, "a record whose process is gone is not a server")
        let connection = try await DemoServerHost.joinOrServe(folder: folder, dossiers: 4, seed: 7)
        let host = try XCTUnwrap(connection.host)
        XCTAssertEqual(DemoServerRecord.read(in: folder)?.pid, getpid(), "this process's address replaces the stale one")
        let running = await DemoServerHost.running(in: folder)
        XCTAssertEqual(running, host.record)
        await host.stop()
    }

    func testAStoreWithoutTheDemoAccountsOfThisVersionIsSeededAgain() async throws {
        let first = try await DemoServerHost.joinOrServe(folder: folder, dossiers: 4, seed: 7, accounts: ["clerk-cpas"])
        await first.host?.stop()
        let same = try await DemoServerHost.joinOrServe(folder: folder, dossiers: 4, seed: 7, accounts: ["clerk-cpas"])
        XCTAssertFalse(same.reseeded, "the same data set and accounts: the store is kept")
        await same.host?.stop()
        let newer = try await DemoServerHost.joinOrServe(folder: folder, dossiers: 4, seed: 7, accounts: ["clerk-cpas", "no.such.login"])
        XCTAssertTrue(newer.reseeded, "a login the store lacks means an older seed made it")
        await newer.host?.stop()
        let other = try await DemoServerHost.joinOrServe(folder: folder, dossiers: 6, seed: 7, accounts: ["clerk-cpas"],
                                                         reset: true)
        XCTAssertTrue(other.reseeded, "another --dossiers with --reset seeds again")
        await other.host?.stop()
    }

    /// A demo folder keeps its size: reopened without --dossiers it is served as it is, and
    /// another size without --reset is refused with a message, the entries made in it kept.
    func testADemoFolderKeepsItsSizeAndAnotherOneNeedsReset() async throws {
        let first = try await DemoServerHost.joinOrServe(folder: folder, dossiers: 12, seed: 7)
        XCTAssertTrue(first.reseeded)
        await first.host?.stop()
        let reopened = try await DemoServerHost.joinOrServe(folder: folder)
        XCTAssertFalse(reopened.reseeded, "no --dossiers: the 12 dossiers stay")
        await reopened.host?.stop()
        do {
            let refused = try await DemoServerHost.joinOrServe(folder: folder, dossiers: 400)
            await refused.host?.stop()
            XCTFail("another size without --reset is refused")
        } catch let error as DemoServerProblem {
            XCTAssertTrue(error.description.contains("holds a demo of 12 dossiers (seed 7)"), error.description)
            XCTAssertTrue(error.description.contains("--reset"), error.description)
        }
        let kept = try await DemoServerHost.joinOrServe(folder: folder, dossiers: 12)
        XCTAssertFalse(kept.reseeded, "the same size given again keeps the store")
        let store = try SQLiteServerStore(path: DemoServerHost.storePath(in: folder))
        await kept.host?.stop()
        let count = try await store.read { tx in try await tx.first("SELECT COUNT(*) AS n FROM dossiers")?.int("n") }
        XCTAssertEqual(count, 12)
        await store.close()
    }

    func testResetIsRefusedWhileAnotherDemoServesTheFolder() async throws {
        let first = try await DemoServerHost.joinOrServe(folder: folder, dossiers: 4, seed: 7)
        let host = try XCTUnwrap(first.host)
        do {
            _ = try await DemoServerHost.joinOrServe(folder: folder, dossiers: 4, seed: 7, reset: true)
            XCTFail("a reset under a running server is refused")
        } catch let error as DemoServerProblem {
            XCTAssertTrue(error.description.contains("quit that fiche demo before --reset"), error.description)
        }
        XCTAssertEqual(DemoServerRecord.read(in: folder), host.record, "the running server is left alone")
        await host.stop()
    }
}
