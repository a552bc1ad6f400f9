import FicheTerminal

/// The command palette (F9 or `:`): type a few letters, see the matching actions with their
/// keys, Enter runs the selected one. Matching is fuzzy and ignores accents.
///
/// ```swift
/// var palette = CommandPalette(title: "Commandes", entries: HelpEntry.entries(…))
/// palette.type("qui")
/// palette.selectedAction   // "app.quit"
/// ```
public struct CommandPalette: Hashable, Sendable {
    public var title: String
    public var entries: [HelpEntry]
    public private(set) var query: String = ""
    public private(set) var selection: Int = 0

    public init(title: String, entries: [HelpEntry]) {
        self.title = title
        self.entries = entries
    }

    /// The entries matching the query, best first.
    public var matches: [HelpEntry] {
        FuzzyMatch.rank(entries, query: query) { $0.label + " " + $0.action.rawValue }
    }

    public var selectedAction: ActionID? {
        let found = matches
        return found.indices.contains(selection) ? found[selection].action : nil
    }

    public mutating func type(_ text: String) {
        query += text
        selection = 0
    }

    public mutating func deleteBackward() {
        if !query.isEmpty { query.removeLast() }
        selection = 0
    }

    public mutating func moveSelection(_ step: Int) {
        let count = matches.count
        guard count > 0 else { return }
        selection = max(0, min(count - 1, selection + step))
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        let found = matches
        let panel = Panel(title: title, width: min(area.width - 4, 70), height: min(area.height - 2, 14))
        let frame = panel.frame(in: area)
        let inside = panel.render(into: &buffer, in: Rect(x: frame.x, y: area.y + 1, width: frame.width, height: frame.height))
        buffer.write("› " + query + buffer.glyphs.caret, in: inside.line(0), role: .fieldFocused)
        buffer.placeCursor(x: inside.x + min(2 + DisplayWidth.of(query), max(0, inside.width - 1)), y: inside.y)
        for (offset, entry) in found.prefix(max(0, inside.height - 1)).enumerated() {
            var line = inside.line(offset + 1)
            let role: StyleRole = offset == selection ? .selected : .dialog
            buffer.fill(line, role: role)
            let sign = buffer.glyphs.selectedRow
            if !sign.isEmpty {
                // Plain: `>` before the chosen command, as on a list's selected row.
                buffer.write(offset == selection ? sign : " ", x: line.x, y: line.y, role: role, maxWidth: 1)
                line = line.inset(left: 2)
            }
            let keyWidth = DisplayWidth.of(entry.keys)
            buffer.write(entry.label, x: line.x, y: line.y, role: role, maxWidth: max(0, line.width - keyWidth - 1))
            buffer.write(entry.keys, x: line.maxX - keyWidth, y: line.y, role: offset == selection ? .selected : .keyHintKey)
        }
    }
}
