import FicheDomain
import FicheReplica
import FicheSync
import FicheSyncProtocol
import Foundation

/// One clerk's device in the simulation: a real replica file, a device token file, and a
/// sync session over HTTP wrapped in a seeded fault transport.
struct SimulatedClient {
    let name: String
    let login: String
    let folder: String
    var transport: FaultyTransport
    var replica: AppDatabase
    var session: SyncSession
    var online = true
    /// Every change saved locally, in the order it was saved.
    var ledger: [OutboxEntry] = []
    /// The highest pull cursor seen (it must never go back).
    var highestCursor: Int64 = 0
    var deviceID = ""

    var replicaPath: String { folder + "/replica.sqlite" }
    var tokenPath: String { folder + "/device.json" }

    static func make(name: String, login: String, server: URL, seed: UInt64, faultRate: Double) async throws -> SimulatedClient {
        let folder = NSTemporaryDirectory() + "fiche-sim-\(UUID().uuidString)/\(name)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let http = HTTPSyncTransport(server: server, timeout: 10)
        let transport = FaultyTransport(wrapping: http, seed: seed, rate: faultRate)
        let credentials = try await SyncSession.signIn(server: server.absoluteString, login: login,
                                                       password: SimulatedServer.password, device: name, transport: http)
        try credentials.save(to: folder + "/device.json")
        let replica = try AppDatabase.open(at: folder + "/replica.sqlite", clock: .tests)
        var client = SimulatedClient(name: name, login: login, folder: folder, transport: transport,
                                     replica: replica, session: Self.session(replica, transport, folder, seed))
        client.deviceID = credentials.deviceID
        return client
    }

    static func session(_ replica: AppDatabase, _ transport: FaultyTransport, _ folder: String, _ seed: UInt64) -> SyncSession {
        SyncSession(replica: replica, transport: transport, credentials: .file(folder + "/device.json"), exportDirectory: folder,
                    backoff: Backoff(base: 0.001, cap: 0.01, seed: seed), maximumAttempts: 4, pullLimit: 3, snapshotLimit: 2,
                    pause: { _ in })
    }

    /// The signed-in user as the replica knows it from sync (the server's id, its grants);
    /// before the first sync, a user the replica holds no grant for.
    var user: User {
        ((try? replica.user(id: login)) ?? nil) ?? User(id: login, login: login, displayName: login, language: .fr)
    }

    /// A crash: the engine's memory is gone; the replica file is opened again.
    mutating func crash(seed: UInt64) throws {
        replica = try AppDatabase.open(at: replicaPath, clock: .tests)
        session = Self.session(replica, transport, folder, seed)
    }

    /// The server started again elsewhere (another port): a new transport and session over the
    /// same replica and device token.
    mutating func reconnect(to server: URL, seed: UInt64) {
        transport = FaultyTransport(wrapping: HTTPSyncTransport(server: server, timeout: 10), seed: seed, rate: 0)
        session = Self.session(replica, transport, folder, seed)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent)
    }
}
