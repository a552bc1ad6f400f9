import FicheTerminal

/// Every key of the current screen in a framed overlay, generated from the action registry
/// and the keymap in use (lazygit-style), so it always tells the truth.
public struct HelpOverlay: Hashable, Sendable {
    public var title: String
    public var entries: [HelpEntry]

    public init(title: String, entries: [HelpEntry]) {
        self.title = title
        self.entries = entries.filter { !$0.keys.isEmpty }
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        let keyWidth = min(18, entries.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let labelWidth = entries.map { DisplayWidth.of($0.label) }.max() ?? 0
        let panel = Panel(title: title, width: min(area.width - 2, keyWidth + labelWidth + 7), height: min(area.height - 2, entries.count + 2))
        let inside = panel.render(into: &buffer, in: area)
        for (offset, entry) in entries.prefix(inside.height).enumerated() {
            let y = inside.y + offset
            buffer.write(DisplayWidth.fit(entry.keys, to: keyWidth), x: inside.x, y: y, role: .keyHintKey)
            buffer.write(entry.label, x: inside.x + keyWidth + 2, y: y, role: .dialog, maxWidth: inside.width - keyWidth - 2)
        }
    }
}
