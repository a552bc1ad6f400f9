import FicheTerminal

/// Everything the user can ask of the application; keys are mapped to these.
public enum AppAction: Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, moveToStart, moveToEnd
    case quit
    case resize(Size)
}
