import FicheTerminal

/// Every key of the current screen in a framed overlay, generated from the action registry
/// and the keymap in use (lazygit-style), so it always tells the truth.
public struct HelpOverlay: Hashable, Sendable {
    public var title: String
    public var entries: [HelpEntry]
    /// The first entry shown when they do not all fit (↑ ↓ PgUp PgDn scroll); clamped on render.
    public var top: Int

    public init(title: String, entries: [HelpEntry], top: Int = 0) {
        self.title = title
        self.entries = entries.filter { !$0.keys.isEmpty }
        self.top = top
    }

    /// The largest useful `top` for an overlay drawn in `area`.
    public func lastTop(in area: Rect) -> Int {
        max(0, entries.count - max(1, min(area.height - 2, entries.count + 2) - 2))
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        let keyWidth = min(18, entries.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let labelWidth = entries.map { DisplayWidth.of($0.label) }.max() ?? 0
        let panel = Panel(title: title, width: min(area.width - 2, keyWidth + labelWidth + 7), height: min(area.height - 2, entries.count + 2))
        let inside = panel.render(into: &buffer, in: area)
        let window = ScrollWindow(total: entries.count, visible: inside.height, top: min(top, lastTop(in: area)))
        for (offset, entry) in entries[window.range].enumerated() {
            let y = inside.y + offset
            buffer.write(DisplayWidth.fit(entry.keys, to: keyWidth), x: inside.x, y: y, role: .keyHintKey)
            buffer.write(entry.label, x: inside.x + keyWidth + 2, y: y, role: .dialog, maxWidth: inside.width - keyWidth - 2)
        }
        // More above or below: an arrow at the right edge says so.
        window.renderMarks(into: &buffer, top: inside.y, bottom: inside.y + inside.height - 1, x: inside.x + inside.width - 1)
    }
}
