/// A screen's worth of cells in memory.
///
/// Screens and widgets draw into a `CellBuffer`; the curses layer flushes it to the real
/// terminal (writing only cells that changed), and tests read it back as text.
///
/// ```swift
/// var buffer = CellBuffer(size: Size(width: 80, height: 24))
/// buffer.write("Dossiers", x: 0, y: 0, role: .header)
/// print(buffer.text())
/// ```
public struct CellBuffer: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// How frames and marks are drawn (`Glyphs.plain`: ASCII only, every written character folded).
    public let glyphs: Glyphs
    /// Where the terminal's cursor stands once this frame is drawn: the focused row of a list or
    /// the focused field of a form, set by the widget that draws it (the last one drawn wins, so
    /// a dialog takes it from the list under it). Nil hides the cursor.
    public var cursor: CellPosition?

    public init(size: Size, fill: Cell = .blank, glyphs: Glyphs = .unicode) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        self.cells = Array(repeating: fill, count: self.size.width * self.size.height)
        self.glyphs = glyphs
    }

    /// Puts the cursor on a cell of the screen (clamped to it).
    public mutating func placeCursor(x: Int, y: Int) {
        guard width > 0, height > 0 else { return }
        cursor = CellPosition(x: min(max(0, x), width - 1), y: min(max(0, y), height - 1))
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    public var bounds: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard contains(x: x, y: y) else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard contains(x: x, y: y) else { return }
            cells[y * width + x] = newValue
        }
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// Paints every cell of `rect` blank with `role`.
    public mutating func fill(_ rect: Rect, role: StyleRole, character: Character = " ") {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        let character = glyphs.shown(character)
        for y in y0..<y1 {
            for x in x0..<x1 { cells[y * width + x] = Cell(character, role: role) }
        }
    }

    /// Writes `text` from column `x` on line `y`, never past `maxWidth` columns nor the edge.
    ///
    /// A wide character that would not fit whole is replaced by a space.
    /// - Returns: the number of columns written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, role: StyleRole, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        for written in text {
            let character = glyphs.shown(written)
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column + w > limit {
                if column < limit, column >= 0 { self[column, y] = Cell(" ", role: role) }
                column = limit
                break
            }
            if column >= 0 {
                self[column, y] = Cell(character, role: role)
                if w == 2 { self[column + 1, y] = Cell(" ", role: role, isContinuation: true) }
            }
            column += w
        }
        return max(0, column - x)
    }

    /// Writes `text` cut (with an ellipsis) or padded to exactly `rect.width` columns.
    public mutating func write(_ text: String, in rect: Rect, role: StyleRole, alignRight: Bool = false) {
        guard rect.height > 0, rect.width > 0 else { return }
        let width = DisplayWidth.of(text)
        guard width <= rect.width else {
            write(DisplayWidth.fit(text, to: rect.width, alignRight: alignRight), x: rect.x, y: rect.y, role: role, maxWidth: rect.width)
            return
        }
        let padding = rect.width - width
        if padding > 0 {
            fill(Rect(x: alignRight ? rect.x : rect.x + width, y: rect.y, width: padding, height: 1), role: role)
        }
        write(text, x: alignRight ? rect.x + padding : rect.x, y: rect.y, role: role, maxWidth: width)
    }

    /// The screen as text, one line per row, trailing spaces removed.
    public func text() -> String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for y in 0..<height {
            var line = ""
            for x in 0..<width {
                let cell = cells[y * width + x]
                if !cell.isContinuation { line.append(cell.character) }
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The roles painted on each line, as runs: `3: 0-79 header` (first and last column).
    ///
    /// Runs of the `normal` role are left out so the layer shows what stands out.
    public func styleLayer() -> String {
        var lines: [String] = []
        for y in 0..<height {
            var runs: [String] = []
            var start = 0
            while start < width {
                let role = cells[y * width + start].role
                var end = start
                while end + 1 < width, cells[y * width + end + 1].role == role { end += 1 }
                if role != .normal { runs.append("\(start)-\(end) \(role.rawValue)") }
                start = end + 1
            }
            if !runs.isEmpty { lines.append("\(y): " + runs.joined(separator: ", ")) }
        }
        return lines.joined(separator: "\n")
    }
}
