import FicheDemo
import FicheDomain
import FicheReplica
import FicheServer
import FicheSync
import Foundation
import XCTest

/// `fiche-server seed-demo` and `fiche demo` build the same commune and CPAS: a replica synced
/// from a seeded server shows, dossier by dossier, what the client's own demo shows.
final class DemoParityTests: XCTestCase {
    static let dataset = DemoDataset(dossiers: 40, seed: 11)

    func testAReplicaSyncedFromTheSeededServerShowsTheClientDemo() async throws {
        let path = NSTemporaryDirectory() + "fiche-parity-\(UUID().uuidString).sqlite"
        let store = try SQLiteServerStore(path: path)
        try await store.migrate()
        var configuration = ServerConfiguration()
        configuration.now = OfficeClock.tests.now
        configuration.bcryptCost = 4
        let lines = try await DemoSeed(store: store, configuration: configuration)
            .run(dossiers: Self.dataset.dossiers, seed: Self.dataset.seed)
        XCTAssertEqual(lines.last, "users (password demo-password): supervisor, clerk, time-manager, art60, clerk-cpas")
        let server = SimulatedServer(store: store, service: try await SyncService(store: store, configuration: configuration),
                                     accounts: Accounts(store: store, configuration: configuration),
                                     configuration: configuration, path: path)
        let folder = NSTemporaryDirectory() + "fiche-parity-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let demo = try AppDatabase.open(at: folder + "/demo.sqlite", clock: .tests)
        try DemoDataGenerator(dataset: Self.dataset).write(into: demo)

        try await server.serve { url in
            let synced = try await Self.sync(login: "supervisor", server: url, folder: folder + "/supervisor")
            let rules = try RuleBook.bundled()
            let today = LocalDate(year: 2026, month: 11, day: 16) ?? OfficeClock.tests.today
            let dossiers = try demo.syncedRows(of: "dossier").keys.sorted()
            XCTAssertEqual(dossiers.count, Self.dataset.dossiers)
            XCTAssertEqual(try synced.syncedRows(of: "dossier").keys.sorted(), dossiers)
            var art60 = 0
            for id in dossiers {
                for year in [2025, 2026] {
                    let mine = try XCTUnwrap(try demo.openDossier(id, year: year))
                    var theirs = try XCTUnwrap(try synced.openDossier(id, year: year))
                    // The server keeps the person with the dossier: its id is the dossier's.
                    theirs.person.id = mine.person.id
                    theirs.dossier.personID = mine.dossier.personID
                    XCTAssertEqual(theirs.dossier, mine.dossier)
                    XCTAssertEqual(theirs.person, mine.person)
                    XCTAssertEqual(theirs.employer, mine.employer)
                    XCTAssertEqual(theirs.career, mine.career)
                    XCTAssertEqual(theirs.timeRecords, mine.timeRecords, id)
                }
                guard let mine = try demo.art60Card(dossierID: id, asOf: today, rules: rules) else { continue }
                art60 += 1
                let theirs = try XCTUnwrap(try synced.art60Card(dossierID: id, asOf: today, rules: rules))
                XCTAssertEqual(theirs.contracts, mine.contracts)
                XCTAssertEqual(theirs.placements, mine.placements)
                XCTAssertEqual(theirs.events, mine.events)
                XCTAssertEqual(theirs.progress, mine.progress)
            }
            XCTAssertGreaterThan(art60, 0, "the CPAS has art. 60 workers")
            let names = { (rows: [String: [String: String?]]) in rows.mapValues { $0["display_name"] ?? nil } }
            XCTAssertEqual(names(try synced.syncedRows(of: "app_user")), names(try demo.syncedRows(of: "app_user")))
            XCTAssertEqual(Set(try synced.syncedRows(of: "user_grant").keys), Set(try demo.syncedRows(of: "user_grant").keys))
            for employer in [DemoWorld.commune.code, DemoWorld.cpas.code] {
                let months = try demo.payrollMonths(employerCode: employer)
                XCTAssertEqual(months.filter { $0.status == .closed }.count, 22)
                XCTAssertEqual(try synced.payrollMonths(employerCode: employer), months)
            }

            // The CPAS-only clerk receives the CPAS and nothing of the commune.
            let cpasClerk = try await Self.sync(login: DemoSeed.cpasClerkLogin, server: url, folder: folder + "/clerk-cpas")
            XCTAssertEqual(try cpasClerk.heldEmployerCodes(), [DemoWorld.cpas.code])
            XCTAssertEqual(Set(try cpasClerk.syncedRows(of: "dossier").keys),
                           Set(dossiers.filter { $0.hasPrefix("dos-\(DemoWorld.cpas.code)-") }))
        }
        await server.close()
    }

    /// A replica of `login` (password `demo-password`) after its first sync.
    static func sync(login: String, server: URL, folder: String) async throws -> AppDatabase {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let http = HTTPSyncTransport(server: server, timeout: 30)
        let credentials = try await SyncSession.signIn(server: server.absoluteString, login: login,
                                                       password: DemoSeed.password, device: login, transport: http)
        try credentials.save(to: folder + "/device.json")
        let replica = try AppDatabase.open(at: folder + "/replica.sqlite", clock: .tests)
        let session = SyncSession(replica: replica, transport: http, credentials: .file(folder + "/device.json"),
                                  exportDirectory: folder)
        try await session.sync()
        return replica
    }
}
