import FicheTerminal

/// The tabs of a detail screen on one line, the current one in brackets and highlighted, so it
/// reads without colour: ` Identité  Carrière [Prestations] Art. 60  Historique `.
///
/// ```swift
/// TabBar(titles: ["Identité", "Carrière"], selected: 1).render(into: &buffer, rect: body.line(0))
/// ```
public struct TabBar: Hashable, Sendable {
    public var titles: [String]
    public var selected: Int

    public init(titles: [String], selected: Int) {
        self.titles = titles
        self.selected = selected
    }

    public func render(into buffer: inout CellBuffer, rect: Rect) {
        guard rect.height > 0 else { return }
        buffer.fill(rect.line(0), role: .columnHeader)
        var x = rect.x
        for (index, title) in titles.enumerated() {
            let current = index == selected
            let text = (current ? "[" : " ") + title + (current ? "]" : " ")
            guard x < rect.maxX else { break }
            if current { buffer.placeCursor(x: x, y: rect.y) }
            x += buffer.write(text, x: x, y: rect.y, role: current ? .selected : .columnHeader, maxWidth: rect.maxX - x)
            if index < titles.count - 1, x < rect.maxX {
                x += buffer.write(String(buffer.glyphs.vertical), x: x, y: rect.y, role: .columnHeader, maxWidth: rect.maxX - x)
            }
        }
    }
}
