import ArgumentParser
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

    func validate() throws {
        do {
            _ = try ServerAddress.check(server, allowPlainHTTP: insecure)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        do {
            let password = try readPassword()
            let folder = DataDirectory.resolve(flag: dataDir, environment: ProcessInfo.processInfo.environment)
            try DataDirectory.prepare(folder)
            let account = SyncAccount.of(server: server, login: user, dataDirectory: folder)
            let (credentials, sameDevice) = try account.signIn(server: server, login: user, password: password,
                                                              device: device ?? ProcessInfo.processInfo.hostName)
            try account.makeCurrent(dataDirectory: folder)
            let again = sameDevice ? " again, same device" : ""
            print("Signed in\(again) as \(user) on \(server) (device \(credentials.deviceID)); token in \(account.tokenPath).")
            print("Next: fiche sync --once")
        } catch {
            throw CommandFailure.report(error)
        }
    }

    private func readPassword() throws -> String {
        if passwordStdin {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw CommandFailure("no password on standard input")
            }
            return line
        }
        guard let typed = getpass("Password for \(user): ") else { throw CommandFailure("no password typed") }
        let password = String(cString: typed)
        guard !password.isEmpty else { throw CommandFailure("no password typed") }
        return password
    }
}
