import ArgumentParser
import FicheReplica
import FicheSync
import Foundation

/// `fiche passwd`: the signed-in user changes their own password on the server.
struct Passwd: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Change your password on the server (asks the current one, then the new one twice).")

    @Flag(help: "Read the current password, then the new one, from two lines of standard input.")
    var passwordStdin = false

    @Option(help: "The account to use (default: the last one signed in).")
    var user: String?

    @Option(help: "Folder for Fiche's files (default: $XDG_DATA_HOME/fiche).")
    var dataDir: String?

    func run() throws {
        do {
            let folder = DataDirectory.resolve(flag: dataDir, environment: ProcessInfo.processInfo.environment)
            let account = try SyncAccount.current(dataDirectory: folder, login: user)
            let (current, new) = try readPasswords()
            let credentials = try DeviceCredentials.load(from: account.tokenPath)
            guard let url = URL(string: credentials.server) else { throw CommandFailure("\(account.tokenPath): no server address") }
            let replica = try AppDatabase.open(at: account.replicaPath, clock: .system)
            let session = SyncSession(replica: replica, transport: HTTPSyncTransport(server: url),
                                      credentials: .file(account.tokenPath), exportDirectory: account.folder, maximumAttempts: 2)
            try BlockingTask.run { try await session.changePassword(current: current, new: new) }
            print("Password changed for \(credentials.login) on \(credentials.server); this computer stays signed in.")
        } catch {
            throw CommandFailure.report(error)
        }
    }

    private func readPasswords() throws -> (String, String) {
        if passwordStdin {
            guard let current = readLine(strippingNewline: true), let new = readLine(strippingNewline: true),
                  !current.isEmpty, !new.isEmpty else {
                throw CommandFailure("give the current password and the new one on two lines of standard input")
            }
            return (current, new)
        }
        let current = try prompt("Current password: ")
        let new = try prompt("New password (8 characters or more): ")
        guard try prompt("New password again: ") == new else { throw CommandFailure("the two new passwords differ; nothing was changed") }
        return (current, new)
    }

    private func prompt(_ text: String) throws -> String {
        guard let typed = getpass(text) else { throw CommandFailure("no password typed") }
        let password = String(cString: typed)
        guard !password.isEmpty else { throw CommandFailure("no password typed") }
        return password
    }
}
