import ArgumentParser
import FicheApp
import Foundation

/// `fiche` (or `fiche open`): the signed-in account's replica in the terminal; `--check-config`
/// checks themes and keymaps instead.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open the replica of the account signed in last (what `fiche` alone does).")

    @Flag(help: "Check every theme and keymap (shipped and in ~/.config/fiche) and report mistakes with file and line.")
    var checkConfig = false

    @Option(help: "The account to open (default: the last one signed in).")
    var user: String?

    @Option(help: "Folder for Fiche's files (default: $XDG_DATA_HOME/fiche).")
    var dataDir: String?

    @Option(help: "Interface language: fr, nl or en (default: from LANG, else fr).")
    var lang: String?

    @Option(help: "Colour theme (default: $FICHE_THEME, else default).")
    var theme: String?

    @Option(help: "Keymap: default, vim, mc, or one of yours (default: $FICHE_KEYMAP, else default).")
    var keymap: String?

    @Flag(help: "Plain display for screen readers and braille lines: ASCII frames, a sign for the selected row, the cursor on the focused row or field, each message on its own line (also FICHE_PLAIN=1).")
    var plain = false

    func validate() throws { try CommandLanguage.check(lang) }

    func run() throws {
        let words = CommandLanguage.words(lang)
        if checkConfig {
            let status = ConfigCheck.run(environment: ProcessInfo.processInfo.environment, words: words)
            if status != 0 { throw ExitCode(status) }
            return
        }
        // Signed in (fiche login): the account's replica, synced in the background. Not signed in:
        // nothing to open, and the message says how to sign in or try the demo.
        guard let account = SignedInAccount.find(dataDirectory: dataDir, login: user) else {
            throw CommandFailure.report(CommandFailure(.openNotSignedIn), words: words)
        }
        try account.openTerminal(lang: lang, theme: theme, keymap: keymap, plain: plain)
    }
}
