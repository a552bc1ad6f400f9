import Foundation
import Hummingbird
import Logging

/// The demo's server inside a `fiche demo` process: the SQLite store `<folder>/demo-server.sqlite`,
/// seeded once with `DemoSeed`, served over HTTP on 127.0.0.1 at a free port, its address in
/// `<folder>/demo-server.json` (`DemoServerRecord`) until `stop()`.
///
/// ```swift
/// let connection = try await DemoServerHost.joinOrServe(folder: folder, dossiers: 400, seed: 2026)
/// // sign in and sync against connection.address …
/// await connection.host?.stop()
/// ```
public final class DemoServerHost: Sendable {
    public let record: DemoServerRecord
    let folder: String
    let store: SQLiteServerStore
    let service: SyncService
    let serving: Task<Void, Error>

    /// The demo server a `fiche demo` uses: one another process serves, or its own.
    public struct Connection: Sendable {
        /// The base address to sign in and sync against.
        public let address: String
        /// The server this process runs; nil when it joined another process's.
        public let host: DemoServerHost?
        /// The store was (re)seeded: replicas made from an earlier store no longer match it.
        public let reseeded: Bool
    }

    /// The settings key recording which data set the store holds (`dossiers=400 seed=2026`).
    static let datasetKey = "demo_dataset"

    /// `<folder>/demo-server.sqlite`.
    public static func storePath(in folder: String) -> String { folder + "/demo-server.sqlite" }

    /// The server recorded in `folder` when its process runs and answers `/health`, else nil.
    public static func running(in folder: String) async -> DemoServerRecord? {
        guard let record = DemoServerRecord.read(in: folder), await record.answers() else { return nil }
        return record
    }

    /// Joins the server recorded in `folder` if it answers; otherwise serves the folder's store,
    /// seeding it first when it is empty, lacks one of `accounts` (a store seeded by an older
    /// seed), or `reset` asks for it. A folder keeps its data set: `dossiers` and `seed` nil take
    /// what it holds (400 and 2026 for a new one), and other values than it holds are refused
    /// unless `reset` (every entry made in the demo would be lost). Two processes starting at
    /// once take turns (a lock file), so only one of them serves.
    ///
    /// `seeding` is told how many dossiers are about to be seeded (a long wait), for the caller to
    /// say so in the user's language.
    ///
    /// - Throws: `DemoServerProblem` for a `reset` while another process serves, another data set
    ///   than the folder holds without `reset`, or a store that cannot be opened (named by its path).
    public static func joinOrServe(folder: String, dossiers: Int? = nil, seed: UInt64? = nil, accounts: [String] = [],
                                   reset: Bool = false,
                                   seeding: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> Connection {
        let lock = try FolderLock(path: folder + "/demo-server.lock")
        defer { lock.release() }
        if let running = await running(in: folder) {
            if reset {
                throw DemoServerProblem.servedElsewhere(folder: folder, pid: running.pid)
            }
            return Connection(address: running.address, host: nil, reseeded: false)
        }
        let path = storePath(in: folder)
        let store: SQLiteServerStore
        do {
            store = try SQLiteServerStore(path: path)
            try await store.migrate()
        } catch {
            throw DemoServerProblem.storeUnreadable(path: path, detail: Self.reason(error))
        }
        do {
            // The demo's password is public: a cheap hash keeps each sign-in quick.
            var configuration = ServerConfiguration()
            configuration.bcryptCost = 4
            let reseeded = try await prepare(store: store, dossiers: dossiers, seed: seed, accounts: accounts, reset: reset,
                                             configuration: configuration, folder: folder, seeding: seeding)
            let host = try await serve(store: store, configuration: configuration, folder: folder)
            return Connection(address: host.record.address, host: host, reseeded: reseeded)
        } catch {
            await store.close()
            throw error
        }
    }

    init(record: DemoServerRecord, folder: String, store: SQLiteServerStore, service: SyncService, serving: Task<Void, Error>) {
        self.record = record
        self.folder = folder
        self.store = store
        self.service = service
        self.serving = serving
    }

    /// Stops serving, forgets the address and closes the store.
    public func stop() async {
        record.remove(in: folder)
        serving.cancel()
        // try?: waits for the task just cancelled, whose only error is that cancellation.
        _ = try? await serving.value
        await service.flushAudit()
        await store.close()
    }

    /// Seeds the store unless it already holds the data set asked for (nil: the one it holds);
    /// true when it seeded.
    static func prepare(store: SQLiteServerStore, dossiers: Int?, seed: UInt64?, accounts: [String], reset: Bool,
                        configuration: ServerConfiguration, folder: String,
                        seeding: @Sendable (Int) -> Void) async throws -> Bool {
        let held = try await store.read { tx in
            try await tx.first("SELECT value FROM server_settings WHERE key = ?", [.text(datasetKey)])?.string("value")
        }
        let hasData = try await store.read { tx in try await tx.first("SELECT code FROM employers LIMIT 1") != nil }
        let present = try await store.read { tx in
            try await tx.query("SELECT login FROM users", []).compactMap { $0.string("login") }
        }
        // "dossiers=400 seed=2026": what the folder holds, kept unless asked otherwise.
        let heldValues = Dictionary((held ?? "").split(separator: " ").compactMap { pair -> (String, String)? in
            let parts = pair.split(separator: "=", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }, uniquingKeysWith: { first, _ in first })
        let heldDossiers = heldValues["dossiers"].flatMap { Int($0) }
        let heldSeed = heldValues["seed"].flatMap { UInt64($0) }
        if hasData, !reset, let heldDossiers, let heldSeed,
           dossiers.map({ $0 != heldDossiers }) ?? false || seed.map({ $0 != heldSeed }) ?? false {
            throw DemoServerProblem.holdsAnotherDemo(folder: folder, dossiers: heldDossiers, seed: heldSeed)
        }
        let dossiers = dossiers ?? heldDossiers ?? 400
        let seed = seed ?? heldSeed ?? 2026
        let wanted = "dossiers=\(dossiers) seed=\(seed)"
        if held == wanted, !reset, Set(accounts).isSubset(of: present) { return false }
        if hasData { try await store.eraseAllData() }
        seeding(dossiers)
        _ = try await DemoSeed(store: store, configuration: configuration).run(dossiers: dossiers, seed: seed)
        try await store.write { tx in
            try await tx.execute("INSERT INTO server_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 [.text(datasetKey), .text(wanted)])
        }
        return true
    }

    /// Starts the HTTP server on a free port of 127.0.0.1 and records its address.
    static func serve(store: SQLiteServerStore, configuration: ServerConfiguration, folder: String) async throws -> DemoServerHost {
        let service = try await SyncService(store: store, configuration: configuration)
        let (ports, listening) = AsyncStream<Int>.makeStream()
        // Quiet: the terminal belongs to the interface.
        let logger = Logger(label: "fiche-demo-server", factory: { _ in SwiftLogNoOpLogHandler() })
        let application = try ServerApplication.build(service: service, host: "127.0.0.1", port: 0, logger: logger) { port in
            listening.yield(port)
            listening.finish()
        }
        let serving = Task {
            defer { listening.finish() }
            try await application.runService(gracefulShutdownSignals: [])
        }
        var bound: Int?
        for await port in ports { bound = port }
        guard let port = bound, port > 0 else {
            serving.cancel()
            if case .failure(let error) = await serving.result {
                throw DemoServerProblem.cannotListen(detail: reason(error))
            }
            throw DemoServerProblem.cannotListen(detail: nil)
        }
        let record = DemoServerRecord(port: port, pid: getpid())
        try record.write(in: folder)
        return DemoServerHost(record: record, folder: folder, store: store, service: service, serving: serving)
    }

    static func reason(_ error: Error) -> String {
        String(describing: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
}
