import FicheDemo
import FicheReplica
import Foundation

/// The demo's accounts: `fiche demo --as ROLE` signs in on the demo server as `login(for:)`, and
/// keeps that account's device token and replica in `<data dir>/demo/<login>/` between runs, so a
/// second start pulls only what changed.
enum DemoAccount {
    /// The demo server's account for each role: its seed names each account after the role.
    static func login(for role: DemoRole) -> String { role.rawValue }

    /// Every role's login: a demo store without one of them was seeded by another seed.
    static var logins: [String] { DemoRole.allCases.map(login(for:)) }

    /// `<data dir>/demo`: one folder per demo account.
    static func folder(dataDirectory: String) -> String { dataDirectory + "/demo" }

    /// The files of `role`'s account.
    static func of(_ role: DemoRole, dataDirectory: String) -> SyncAccount {
        SyncAccount(folder: folder(dataDirectory: dataDirectory) + "/" + login(for: role))
    }

    /// The demo replica other commands use with `--demo` (or when nobody signed in): the default
    /// role's, else the first one `fiche demo` prepared; nil when there is none. Never creates one.
    static func replica(dataDirectory: String) throws -> (database: AppDatabase, userID: String)? {
        let preferred = DemoRole.allCases.map { of($0, dataDirectory: dataDirectory) }
        guard let account = preferred.first(where: { FileManager.default.fileExists(atPath: $0.replicaPath) }) else { return nil }
        let database = try AppDatabase.open(at: account.replicaPath, clock: .system)
        guard let userID = try database.syncState().userID else {
            throw CommandFailure(.demoNeverSynced, ["path": account.replicaPath])
        }
        return (database, userID)
    }
}
