import ArgumentParser
import FicheApp
import FicheReplica
import FicheSync
import Foundation

/// `fiche login --server URL --user LOGIN`: signs this device in and keeps its token (mode 0600).
struct Login: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sign this computer in to a Fiche server; the device token is kept readable by you only.")

    @Option(help: "The server's address, e.g. https://fiche.example.brussels")
    var server: String

    @Option(help: "Your login.")
    var user: String

    @Flag(help: "Read the password from standard input instead of prompting.")
    var passwordStdin = false

    @Option(help: "A name for this computer, shown to supervisors (default: the host name).")
    var device: String?

    @Option(help: "Folder for Fiche's files (default: $XDG_DATA_HOME/fiche).")
    var dataDir: String?

    @Flag(help: "Accept a plain http:// server on another computer (the password then crosses the network unencrypted).")
    var insecure = false

    @Option(help: "Language of the messages: fr, nl or en (default: from LANG, else fr).")
    var lang: String?

    func validate() throws {
        try CommandLanguage.check(lang)
        do throws(ServerAddress.Refusal) {
            _ = try ServerAddress.check(server, allowPlainHTTP: insecure)
        } catch {
            let words = CommandLanguage.words(lang)
            switch error.reason {
            case .notAnAddress: throw ValidationError(words(.serverAddressInvalid))
            case .unencrypted: throw ValidationError(words(.serverAddressUnencrypted, ["server": server]))
            }
        }
    }

    func run() throws {
        let words = CommandLanguage.words(lang)
        do {
            let password = try readPassword(words)
            let folder = DataDirectory.resolve(flag: dataDir, environment: ProcessInfo.processInfo.environment)
            try DataDirectory.prepare(folder)
            let account = SyncAccount.of(server: server, login: user, dataDirectory: folder)
            let (credentials, sameDevice) = try account.signIn(server: server, login: user, password: password,
                                                              device: device ?? ProcessInfo.processInfo.hostName)
            try account.makeCurrent(dataDirectory: folder)
            print(words(sameDevice ? .signedInAgain : .signedIn,
                        ["user": user, "server": server, "device": credentials.deviceID, "path": account.tokenPath]))
            print(words(.loginNext))
        } catch {
            throw CommandFailure.report(error, words: words)
        }
    }

    private func readPassword(_ words: Strings) throws -> String {
        if passwordStdin {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw CommandFailure(.noPasswordOnStdin)
            }
            return line
        }
        guard let typed = getpass(words(.passwordPrompt, ["user": user])) else { throw CommandFailure(.noPasswordTyped) }
        let password = String(cString: typed)
        guard !password.isEmpty else { throw CommandFailure(.noPasswordTyped) }
        return password
    }
}
