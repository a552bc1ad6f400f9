import FicheTerminal

/// The bottom line in the manner of htop and mc: each key, then what it does.
///
/// Build the hints from the keymap with `KeyHintBar.hints(…)` so the bar always shows the
/// keys the user's keymap really binds.
public struct KeyHintBar: Sendable {
    public var hints: [KeyHint]
    /// The role of the line behind the hints.
    public var fillRole: StyleRole

    public init(hints: [KeyHint], fillRole: StyleRole = .keyHint) {
        self.hints = hints
        self.fillRole = fillRole
    }

    /// Hints for `actions` in `context`: each action's key in `keymap` (its function key when
    /// it has one, as htop and mc show them, else its first key) and its label. Actions with
    /// no key in this keymap are left out.
    /// - Parameter label: the action's words in the user's language.
    public static func hints(for actions: [ActionID], in context: KeyContext, keymap: Keymap,
                             label: (ActionID) -> String) -> [KeyHint] {
        actions.compactMap { action in
            let keys = keymap.keys(for: action, in: context)
            let shown = keys.first { if case .function = $0 { return true } else { return false } } ?? keys.first
            return shown.map { KeyHint(key: $0.label, label: label(action)) }
        }
    }

    public func render(into buffer: inout CellBuffer, rect: Rect) {
        guard rect.height > 0 else { return }
        buffer.fill(rect.line(0), role: fillRole)
        var x = rect.x
        for hint in hints {
            let needed = DisplayWidth.of(hint.key) + DisplayWidth.of(hint.label) + 1
            if x + needed > rect.maxX { break }
            x += buffer.write(hint.key, x: x, y: rect.y, role: .keyHintKey)
            x += buffer.write(" " + hint.label, x: x, y: rect.y, role: fillRole)
            x += 2
        }
    }
}
