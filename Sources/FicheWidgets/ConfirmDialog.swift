import FicheTerminal

/// Asks the user to confirm something that cannot be undone (deleting, rejecting).
///
/// Every word comes from the caller; the keys shown come from the keymap.
public struct ConfirmDialog: Hashable, Sendable {
    public var title: String
    public var message: String
    /// The hints under the message, e.g. `[KeyHint(key: "Enter", label: "Supprimer"), …]`.
    public var hints: [KeyHint]

    public init(title: String, message: String, hints: [KeyHint]) {
        self.title = title
        self.message = message
        self.hints = hints
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        let lines = TextWrap.lines(message, width: min(56, area.width - 6))
        let panel = Panel(title: title, width: min(60, area.width), height: lines.count + 5)
        let inside = panel.render(into: &buffer, in: area)
        for (offset, line) in lines.enumerated() {
            buffer.write(line, x: inside.x, y: inside.y + offset, role: .dialog, maxWidth: inside.width)
        }
        KeyHintBar(hints: hints, fillRole: .dialog).render(into: &buffer, rect: inside.line(inside.height - 1))
    }
}
