import ArgumentParser
import FicheApp
import FicheReplica
import FicheSync
import Foundation

/// `fiche` with no subcommand after `fiche login`: the account's replica in the TUI, synced
/// with the server in the background.
struct SignedInAccount {
    let folder: String
    let account: SyncAccount

    /// The account last signed in to (or `login`'s); nil when there is none.
    static func find(dataDirectory: String?, login: String? = nil) -> SignedInAccount? {
        let folder = DataDirectory.resolve(flag: dataDirectory, environment: ProcessInfo.processInfo.environment)
        // try?: "is there an account?"; the caller then says none is signed in.
        guard let account = try? SyncAccount.current(dataDirectory: folder, login: login),
              FileManager.default.fileExists(atPath: account.tokenPath) else { return nil }
        return SignedInAccount(folder: folder, account: account)
    }

    func openTerminal(lang: String?, theme: String? = nil, keymap: String? = nil, plain: Bool = false) throws {
        let environment = ProcessInfo.processInfo.environment
        let strings = Strings(language: Language.choose(flag: lang, environment: environment))
        do {
            if let lang, Language(code: lang) == nil { throw CommandFailure(.langInvalid) }
            let appearance = try Appearance.load(theme: theme, keymap: keymap, plain: plain, environment: environment)
            let credentials = try DeviceCredentials.load(from: account.tokenPath)
            let replica = try AppDatabase.open(at: account.replicaPath, clock: .system)
            let background = try ServerSync.background(replica: replica, account: account, credentials: credentials)
            var user = try replica.user(login: credentials.login)
            if user == nil {
                // The first copy is not in yet (signed in, never synced): wait for it once, since
                // the screens need the account and its grants; offline, open what is there.
                FileHandle.standardError.write(Data((strings(.openCopying, ["server": credentials.server]) + "\n").utf8))
                // try?: offline the first copy waits; the screens open on what is there and the badge says offline.
                _ = try? BlockingTask.run { await background.syncOnce() }
                user = try replica.user(login: credentials.login)
            }
            try TerminalSession.run(database: replica, strings: strings, userID: user?.id ?? credentials.replicaUserID,
                                    userName: credentials.login, exportFolder: folder, appearance: appearance,
                                    environment: environment, background: background)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw CommandFailure.report(error, words: strings)
        }
    }
}
