import FicheTerminal

/// A framed box with a title, centred on the screen: the frame of dialogs, the help overlay
/// and the command palette.
public struct Panel: Hashable, Sendable {
    public var title: String
    public var width: Int
    public var height: Int

    public init(title: String, width: Int, height: Int) {
        self.title = title
        self.width = width
        self.height = height
    }

    /// The box's rectangle, centred in `area` and no larger than it.
    public func frame(in area: Rect) -> Rect {
        let w = min(width, area.width), h = min(height, area.height)
        return Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
    }

    /// Draws the box and its title; returns the inside, one cell in from the frame.
    @discardableResult
    public func render(into buffer: inout CellBuffer, in area: Rect) -> Rect {
        let box = frame(in: area)
        guard box.width >= 2, box.height >= 2 else { return Rect(x: box.x, y: box.y, width: 0, height: 0) }
        buffer.fill(box, role: .dialog)
        let inner = box.width - 2
        let glyphs = buffer.glyphs
        let edge = String(repeating: glyphs.horizontal, count: inner)
        buffer.write(String(glyphs.topLeft) + edge + String(glyphs.topRight), x: box.x, y: box.y, role: .dialog)
        for y in (box.y + 1)..<(box.maxY - 1) {
            buffer.write(String(glyphs.vertical), x: box.x, y: y, role: .dialog)
            buffer.write(String(glyphs.vertical), x: box.maxX - 1, y: y, role: .dialog)
        }
        buffer.write(String(glyphs.bottomLeft) + edge + String(glyphs.bottomRight), x: box.x, y: box.maxY - 1, role: .dialog)
        if !title.isEmpty {
            buffer.write(" " + title + " ", x: box.x + 2, y: box.y, role: .dialogTitle, maxWidth: max(0, inner - 2))
        }
        // A dialog takes the cursor from what is under it; a focused line inside takes it from the title.
        buffer.placeCursor(x: box.x + 3, y: box.y)
        return box.inset(top: 1, bottom: 1, left: 2, right: 2)
    }
}
