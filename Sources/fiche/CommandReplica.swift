import FicheDomain
import FicheReplica
import Foundation

/// The replica a command without the interface reads (`fiche export payroll`, `fiche workload`).
enum CommandReplica {
    /// The demo's with `demo`, else the signed-in account's (or `user`'s), else the demo's when
    /// there is no account; never creates one.
    static func open(in folder: String, user: String?, demo: Bool) throws -> (AppDatabase, String) {
        // try?: "is there an account?"; without one the demo's replica is read, as documented above.
        if !demo, let account = try? SyncAccount.current(dataDirectory: folder, login: user),
           FileManager.default.fileExists(atPath: account.replicaPath) {
            let database = try AppDatabase.open(at: account.replicaPath, clock: .system)
            guard let userID = try database.syncState().userID else {
                throw CommandFailure(.replicaNotSignedIn, ["path": account.replicaPath])
            }
            return (database, userID)
        }
        if let user, !demo { throw CommandFailure(.noReplicaFor, ["user": user, "folder": folder]) }
        guard let demoReplica = try DemoAccount.replica(dataDirectory: folder) else {
            throw CommandFailure(.noReplica, ["folder": folder])
        }
        return demoReplica
    }

    /// Checks that the replica holds `employer` and that `userID` has `permission` there.
    ///
    /// - Throws: `CommandFailure` naming the employers the replica holds, or the missing right.
    static func require(_ permission: FicheDomain.Permission, at employer: String, for userID: String,
                        in database: AppDatabase) throws {
        let codes = try database.employers().map(\.code)
        guard codes.contains(employer) else {
            throw codes.isEmpty ? CommandFailure(.unknownEmployer, ["employer": employer], said: ["held": .noEmployer])
                : CommandFailure(.unknownEmployer, ["employer": employer, "held": codes.joined(separator: ", ")])
        }
        guard try database.accessRights(of: userID, on: database.clock.today).may(permission, at: employer) else {
            throw CommandFailure(.noRight, ["user": userID, "employer": employer, "right": permission.rawValue])
        }
    }
}
