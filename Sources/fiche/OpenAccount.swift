import FicheApp
import FicheReplica
import Foundation

/// `fiche` with no command: opens the replica of the account signed in last (or of `--user`).
enum OpenAccount {
    static func run(login: String?, dataDirectory: String?, lang: String?, theme: String?, keymap: String?) throws {
        let environment = ProcessInfo.processInfo.environment
        let strings = Strings(language: FicheApp.Language.choose(flag: lang, environment: environment))
        let folder = DataDirectory.resolve(flag: dataDirectory, environment: environment)
        let account: SyncAccount
        do {
            account = try SyncAccount.current(dataDirectory: folder, login: login)
        } catch {
            throw CommandFailure(strings["open.notSignedIn"])
        }
        let appearance = try Appearance.load(theme: theme, keymap: keymap, environment: environment)
        let database = try AppDatabase.open(at: account.replicaPath)
        guard let userID = try database.syncState().userID else { throw CommandFailure(strings["open.notSignedIn"]) }
        try TerminalSession.run(database: database, strings: strings, userID: userID, exportFolder: folder,
                                appearance: appearance, environment: environment)
    }
}
