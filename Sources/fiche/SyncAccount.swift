import FicheReplica
import FicheSync
import Foundation

/// Where the files of one signed-in account live: `<data dir>/accounts/<host>-<login>/` holds
/// `device.json` (the device token, mode 0600) and `replica.sqlite`; `<data dir>/current-account`
/// names the account `fiche` and `fiche sync` use when no `--user` is given.
struct SyncAccount {
    let folder: String

    var tokenPath: String { folder + "/device.json" }
    var replicaPath: String { folder + "/replica.sqlite" }

    /// The account of `login` on `server`.
    static func of(server: String, login: String, dataDirectory: String) -> SyncAccount {
        let host = URL(string: server).map { ($0.host ?? "server") + ($0.port.map { "_\($0)" } ?? "") } ?? "server"
        let safe = "\(host)-\(login)".map { $0.isLetter || $0.isNumber || "._-@".contains($0) ? $0 : "_" }
        return SyncAccount(folder: dataDirectory + "/accounts/" + String(safe))
    }

    /// The account last signed in to, or the one of `login` if given.
    static func current(dataDirectory: String, login: String?) throws -> SyncAccount {
        let accounts = dataDirectory + "/accounts"
        if let login {
            // try?: no accounts folder is a first run; the error below then says there is no account.
            let names = (try? FileManager.default.contentsOfDirectory(atPath: accounts)) ?? []
            guard let name = names.sorted().first(where: { $0.hasSuffix("-" + login) }) else {
                throw CommandFailure(.noAccountFor, ["login": login, "folder": accounts])
            }
            return SyncAccount(folder: accounts + "/" + name)
        }
        guard let data = FileManager.default.contents(atPath: dataDirectory + "/current-account"),
              let name = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty
        else { throw CommandFailure(.notSignedIn) }
        return SyncAccount(folder: accounts + "/" + name)
    }

    /// Signs `login` in on `server`, keeping this account's device when it has one (so unsent
    /// entries keep their numbers), saves the token (mode 0600) and binds the replica to it.
    /// - Returns: the credentials, and whether the device is the one signed in before.
    func signIn(server: String, login: String, password: String, device: String) throws -> (DeviceCredentials, sameDevice: Bool) {
        guard let url = URL(string: server) else { throw CommandFailure(.notAnAddress, ["server": server]) }
        try DataDirectory.prepare(folder)
        // try?: "was a device signed in here?"; without a readable token the sign-in gets a new device, and sameDevice says so.
        let knownDevice = (try? DeviceCredentials.load(from: tokenPath))?.deviceID
        let credentials = try BlockingTask.run {
            try await SyncSession.signIn(server: server, login: login, password: password, device: device,
                                         knownDevice: knownDevice, transport: HTTPSyncTransport(server: url))
        }
        try credentials.save(to: tokenPath)
        let replica = try AppDatabase.open(at: replicaPath, clock: .system)
        try replica.bindSyncDevice(clientID: credentials.deviceID, userID: credentials.replicaUserID)
        return (credentials, knownDevice == credentials.deviceID)
    }

    /// Makes this the account used by default.
    func makeCurrent(dataDirectory: String) throws {
        let name = (folder as NSString).lastPathComponent
        guard FileManager.default.createFile(atPath: dataDirectory + "/current-account", contents: Data((name + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw CommandFailure(.currentAccountCannotWrite, ["path": dataDirectory + "/current-account"])
        }
    }
}
