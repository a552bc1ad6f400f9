import FicheTerminal

/// The keys of the default keymap for the dossier list: function keys with letter twins
/// (htop, mc), nothing that needs AltGr on a Belgian AZERTY keyboard.
public enum DefaultKeys {
    public static func action(for key: Key) -> AppAction? {
        switch key {
        case .up: return .moveUp
        case .down: return .moveDown
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .home: return .moveToStart
        case .end: return .moveToEnd
        case .function(10), .character("q"), .control("q"): return .quit
        default: return nil
        }
    }
}
