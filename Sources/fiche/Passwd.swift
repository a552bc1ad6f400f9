import ArgumentParser
import FicheApp
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

    @Option(help: "Language of the messages: fr, nl or en (default: from LANG, else fr).")
    var lang: String?

    func validate() throws { try CommandLanguage.check(lang) }

    func run() throws {
        let words = CommandLanguage.words(lang)
        do {
            let folder = DataDirectory.resolve(flag: dataDir, environment: ProcessInfo.processInfo.environment)
            let account = try SyncAccount.current(dataDirectory: folder, login: user)
            let (current, new) = try readPasswords(words)
            let credentials = try DeviceCredentials.load(from: account.tokenPath)
            guard let url = URL(string: credentials.server) else { throw CommandFailure(.noServerAddress, ["path": account.tokenPath]) }
            let replica = try AppDatabase.open(at: account.replicaPath, clock: .system)
            let session = SyncSession(replica: replica, transport: HTTPSyncTransport(server: url),
                                      credentials: .file(account.tokenPath), exportDirectory: account.folder, maximumAttempts: 2)
            do {
                try BlockingTask.run { try await session.changePassword(current: current, new: new) }
            } catch SyncError.wrongPassword {
                throw CommandFailure(.wrongCurrentPassword)
            }
            print(words(.passwordChanged, ["user": credentials.login, "server": credentials.server]))
        } catch {
            throw CommandFailure.report(error, words: words)
        }
    }

    private func readPasswords(_ words: Strings) throws -> (String, String) {
        if passwordStdin {
            guard let current = readLine(strippingNewline: true), let new = readLine(strippingNewline: true),
                  !current.isEmpty, !new.isEmpty else {
                throw CommandFailure(.passwordsOnTwoLines)
            }
            return (current, new)
        }
        let current = try prompt(words(.currentPasswordPrompt))
        let new = try prompt(words(.newPasswordPrompt))
        guard try prompt(words(.newPasswordAgainPrompt)) == new else { throw CommandFailure(.newPasswordsDiffer) }
        return (current, new)
    }

    private func prompt(_ text: String) throws -> String {
        guard let typed = getpass(text) else { throw CommandFailure(.noPasswordTyped) }
        let password = String(cString: typed)
        guard !password.isEmpty else { throw CommandFailure(.noPasswordTyped) }
        return password
    }
}
