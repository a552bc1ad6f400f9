import FicheDomain
import FicheServer
import FicheSyncProtocol
import Foundation
import Hummingbird
import HummingbirdTesting

/// A real `fiche-server` on a temporary SQLite file (or the PostgreSQL store given), listening
/// on 127.0.0.1 (port chosen by the system), with a commune (AC-T) and a CPAS (CPAS-T) of two
/// dossiers each.
struct SimulatedServer {
    static let password = "password-123"
    static let employers = ["AC-T", "CPAS-T"]
    static let csvHeader = "dossier_number,niss,last_name,first_name,birth_date,sex,language,category,grade,regime_percent,start_date,iban,payroll_clerk"
    static let csv = [
        "AC-T": """
            \(csvHeader)
            A001,85.07.30-033.28,Dubois,Marie,1985-07-30,male,fr,statutory,C1,100,2010-01-01,BE32123456789002,
            A002,17.07.30-033.84,Janssens,Jan,2017-07-30,male,nl,contractual,D1,80,2020-03-01,,
            """,
        "CPAS-T": """
            \(csvHeader)
            S001,85.07.30-033.28,El Amrani,Youssef,1985-07-30,male,fr,art60,E1,100,2024-01-01,BE32123456789002,
            S002,17.07.30-033.84,Van den Bossche,Bram,2017-07-30,male,nl,contractual,C2,50,2022-09-01,,
            """,
    ]

    let store: any ServerStore
    let service: SyncService
    let accounts: Accounts
    let configuration: ServerConfiguration
    /// The SQLite file, removed by `close`; nil for a store given to `make`.
    let path: String?

    /// Creates the store with `users` (login → employers where they are payroll clerks), on
    /// `given` (migrated and empty) or else a new SQLite file.
    static func make(users: [String: [String]], store given: (any ServerStore)? = nil) async throws -> SimulatedServer {
        let path = given == nil ? NSTemporaryDirectory() + "fiche-sim-server-\(UUID().uuidString).sqlite" : nil
        let store: any ServerStore = try given ?? SQLiteServerStore(path: path ?? "")
        try await store.migrate()
        let configuration = Self.configuration
        let accounts = Accounts(store: store, configuration: configuration)
        try await accounts.addEmployer(code: "AC-T", kind: .commune, nameFR: "Commune de Test", nameNL: "Gemeente Test")
        try await accounts.addEmployer(code: "CPAS-T", kind: .cpas, nameFR: "CPAS de Test", nameNL: "OCMW Test")
        for (login, employers) in users.sorted(by: { $0.key < $1.key }) {
            try await accounts.addUser(login: login, displayName: login, password: password)
            for employer in employers { try await accounts.grant(login: login, employer: employer, role: .payrollClerk) }
        }
        let importer = DossierImport(store: store, configuration: configuration)
        for employer in employers { _ = try await importer.run(csv: csv[employer] ?? "", employer: employer) }
        let service = try await SyncService(store: store, configuration: configuration)
        return SimulatedServer(store: store, service: service, accounts: accounts, configuration: configuration, path: path)
    }

    static var configuration: ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.now = OfficeClock.tests.now
        configuration.bcryptCost = 4
        return configuration
    }

    /// A server started again on a store that already holds its data (a restart, a restore).
    static func reopen(_ store: any ServerStore, path: String?) async throws -> SimulatedServer {
        try await store.migrate()
        let configuration = Self.configuration
        return SimulatedServer(store: store, service: try await SyncService(store: store, configuration: configuration),
                               accounts: Accounts(store: store, configuration: configuration), configuration: configuration,
                               path: path)
    }

    /// A commune (AC-T) with a supervisor and a payroll clerk, each on their own computer, both
    /// synced once; `body` runs while the server listens. The caller closes the returned server.
    static func supervisorAndClerk(
        seeds: (UInt64, UInt64),
        _ body: @Sendable (SimulatedServer, SimulatedClient, SimulatedClient) async throws -> Void
    ) async throws -> SimulatedServer {
        let server = try await SimulatedServer.make(users: ["sup": ["AC-T"], "clerk": ["AC-T"]])
        try await server.accounts.grant(login: "sup", employer: "AC-T", role: .supervisor)
        try await server.serve { url in
            let sup = try await SimulatedClient.make(name: "pc-sup", login: "sup", server: url, seed: seeds.0, faultRate: 0)
            let clerk = try await SimulatedClient.make(name: "pc-clerk", login: "clerk", server: url, seed: seeds.1, faultRate: 0)
            defer {
                sup.remove()
                clerk.remove()
            }
            try await sup.session.sync()
            try await clerk.session.sync()
            try await body(server, sup, clerk)
        }
        return server
    }

    /// Runs `body` with the server listening; passes its base URL.
    func serve<T: Sendable>(_ body: @Sendable (URL) async throws -> T) async throws -> T {
        let app = Application(router: ServerApplication.router(service: service),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        return try await app.test(.live) { client in
            guard let port = client.port, let url = URL(string: "http://127.0.0.1:\(port)") else {
                throw URLError(.badURL)
            }
            return try await body(url)
        }
    }

    /// The employers `login` may see now (payroll clerk grants).
    func visibleEmployers(of login: String) async throws -> Set<String> {
        try await store.read { tx in
            Set(try await tx.query("SELECT g.employer_code FROM grants g JOIN users u ON u.id = g.user_id WHERE u.login = ?",
                                   [.text(login)]).compactMap { $0.string("employer_code") })
        }
    }

    func close() async {
        await store.close()
        guard let path else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
