import FicheDomain
import FicheReplica
import FicheTerminal
import Foundation

/// What every screen works with: the replica, the words, the keys, who is signed in, the
/// rules, and the clock (fixed in tests so snapshots and ages do not move).
public final class ScreenEnvironment {
    public let database: AppDatabase
    public let strings: Strings
    public let keymap: Keymap
    /// The signed-in user; their grants in the replica decide what they may see and do.
    public let user: User
    public let rules: RuleBook
    /// The office clock: the replica's, unless the app was given another (a test's fixed day).
    public let clock: OfficeClock
    /// Today in Brussels.
    public var today: LocalDate { clock.today }
    /// Where CSV exports are written when the user does not say (the data folder).
    public var exportFolder: String
    /// The sync badge's words, refreshed by the sync loop; nil when the replica is local only.
    public var syncStatus: SyncBadgeState?
    /// The plain display (`fiche --plain`), for screen readers and braille lines: ASCII frames
    /// (`Glyphs.plain`), `>` before the selected row, each message headed by a word for its kind,
    /// a change of sync told on the message line, and the terminal cursor on the focused row or field.
    public var plain = false
    /// Whether the queues worked out by rules are read off the key path, with a spinner (the
    /// terminal); headless tests read them at once unless they ask.
    public var readsInBackground = false

    public init(database: AppDatabase, strings: Strings, keymap: Keymap, user: User, rules: RuleBook,
                clock: OfficeClock? = nil, exportFolder: String = FileManager.default.currentDirectoryPath,
                syncStatus: SyncBadgeState? = nil) {
        self.database = database
        self.strings = strings
        self.keymap = keymap
        self.user = user
        self.rules = rules
        self.clock = clock ?? database.clock
        self.exportFolder = exportFolder
        self.syncStatus = syncStatus
    }

    /// The user's rights today, read from the replica's grants.
    public var rights: AccessRights {
        // try?: rights that cannot be read grant nothing, so actions are refused, never allowed; the screen's own reads put the failure on the message line.
        (try? database.accessRights(of: user.id, on: today)) ?? AccessRights(userID: user.id, grants: [], on: today)
    }

    /// The keys of `action` in `context` as the key-hint bar writes them ("F7", "Ctrl+K").
    public func keyNames(_ action: ActionID, in context: KeyContext) -> String {
        keymap.keys(for: action, in: context).map(\.name).joined(separator: " ")
    }
}
