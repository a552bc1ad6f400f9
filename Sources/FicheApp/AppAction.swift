import FicheTerminal

/// Everything the user can ask of the dossier list; keys reach these through the keymap's
/// action ids (`ActionRegistry`), so every one can be remapped.
public enum AppAction: Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, moveToStart, moveToEnd
    case help, palette, back, refresh
    case quit
    case resize(Size)
    /// An action of the registry this screen does not do yet: said on the message line.
    case unavailable(ActionID)

    /// The action for a registry id.
    public init(id: ActionID) {
        switch id {
        case "list.up": self = .moveUp
        case "list.down": self = .moveDown
        case "list.pageUp": self = .pageUp
        case "list.pageDown": self = .pageDown
        case "list.first": self = .moveToStart
        case "list.last": self = .moveToEnd
        case "app.help": self = .help
        case "app.palette": self = .palette
        case "app.back": self = .back
        case "view.refresh": self = .refresh
        case "app.quit": self = .quit
        default: self = .unavailable(id)
        }
    }
}
