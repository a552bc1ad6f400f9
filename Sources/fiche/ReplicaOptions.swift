import ArgumentParser
import FicheApp
import FicheReplica
import Foundation

/// The options every command on the replica takes: which account's replica (`--user`, `--demo`,
/// `--data-dir`) and the language of its messages (`--lang`).
struct ReplicaOptions: ParsableArguments {
    @Option(help: "The account to use (default: the last one signed in).")
    var user: String?

    @Flag(help: "Use the demo replica, as the demo's user.")
    var demo = false

    @Option(help: "Folder for Fiche's files (default: $XDG_DATA_HOME/fiche).")
    var dataDir: String?

    @Option(help: "Language of the messages: fr, nl or en (default: from LANG, else fr).")
    var lang: String?

    func validate() throws { try CommandLanguage.check(lang) }

    /// The folder the options name, else the default one.
    var folder: String { DataDirectory.resolve(flag: dataDir, environment: ProcessInfo.processInfo.environment) }

    /// The messages' words.
    var words: Strings { CommandLanguage.words(lang) }

    /// The replica and its user (`CommandReplica.open`).
    func open() throws -> (AppDatabase, String) { try CommandReplica.open(in: folder, user: user, demo: demo) }
}
