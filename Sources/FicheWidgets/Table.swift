import FicheTerminal

/// A table drawn from the rows currently visible: a header line, then one line per row.
///
/// The table never holds the whole list; its owner hands it the visible rows only (or a
/// `TableRowSource` it asks for the visible ones), so a list of 100,000 dossiers costs what a
/// screenful costs. A gutter on the left shows marks (`*`) and status glyphs (… ⚠ ✔ ✖) so
/// status never relies on colour; the sorted column carries ▲ or ▼. In plain glyphs
/// (`fiche --plain`) a column before it holds `>` on the selected row; the selected row takes the
/// buffer's cursor either way.
///
/// ```swift
/// let table = Table(columns: columns, rows: [TableRow(["Peeters, Jan", "AC-000007"], status: .pending)],
///                   selectedRow: 0, sort: TableSort(column: 0))
/// table.render(into: &buffer, rect: body)
/// ```
public struct Table: Sendable {
    public var columns: [TableColumn]
    /// The visible rows.
    public var rows: [TableRow]
    /// Index in `rows` of the highlighted row, if any.
    public var selectedRow: Int?
    public var sort: TableSort?
    /// Whether the mark-and-status gutter is drawn (by default when a row is marked or has a status).
    public var showsGutter: Bool

    public init(columns: [TableColumn], rows: [TableRow], selectedRow: Int?, sort: TableSort? = nil, showsGutter: Bool? = nil) {
        self.columns = columns
        self.rows = rows
        self.selectedRow = selectedRow
        self.sort = sort
        self.showsGutter = showsGutter ?? rows.contains { $0.isMarked || $0.status != .none }
    }

    /// A table of plain text rows, with no status or marks.
    public init(columns: [TableColumn], rows: [[String]], selectedRow: Int?) {
        self.init(columns: columns, rows: rows.map { TableRow($0) }, selectedRow: selectedRow, showsGutter: false)
    }

    /// A table showing `height` rows of `source` from row `top`: only those rows are requested.
    public init(columns: [TableColumn], source: some TableRowSource, top: Int, height: Int,
                selectedIndex: Int?, sort: TableSort? = nil, showsGutter: Bool = true) {
        let first = max(0, min(top, source.rowCount))
        let last = min(source.rowCount, first + max(0, Table.visibleRowCount(height: height)))
        let rows = (first..<last).map { source.row(at: $0) }
        let selected = selectedIndex.flatMap { (first..<last).contains($0) ? $0 - first : nil }
        self.init(columns: columns, rows: rows, selectedRow: selected, sort: sort, showsGutter: showsGutter)
    }

    /// Draws the rows from `top` that fit in `rect` (all rows given, not only the visible ones),
    /// with ⇡ on the header line and ⇣ on the last line when rows are out of view.
    /// - Returns: the rows shown, for the owner to clamp its `top` and page by `visible`.
    @discardableResult
    public func render(into buffer: inout CellBuffer, rect: Rect, top: Int) -> ScrollWindow {
        let window = ScrollWindow(total: rows.count, visible: Table.visibleRowCount(height: rect.height), top: top)
        var shown = self
        shown.rows = Array(rows[window.range])
        shown.selectedRow = selectedRow.flatMap { window.range.contains($0) ? $0 - window.first : nil }
        shown.render(into: &buffer, rect: rect)
        window.renderMarks(into: &buffer, top: rect.y, bottom: rect.maxY - 1, x: rect.maxX - 1)
        return window
    }

    /// How many rows fit below the header in a rectangle this tall.
    public static func visibleRowCount(height: Int) -> Int { max(0, height - 1) }

    /// Columns taken by the gutter (mark, status glyph, space).
    public var gutterWidth: Int { showsGutter ? 3 : 0 }

    /// The width of each column in `totalWidth` columns, with one space between columns.
    public func columnWidths(totalWidth: Int) -> [Int] {
        let gaps = max(0, columns.count - 1)
        var widths = columns.map(\.minimumWidth)
        var spare = totalWidth - gaps - widths.reduce(0, +)
        if spare < 0 {
            // Too narrow: shrink the widest columns first, never below 3.
            while spare < 0, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 3 {
                widths[widest] -= 1
                spare += 1
            }
            return widths
        }
        let totalWeight = columns.map(\.weight).reduce(0, +)
        guard totalWeight > 0 else { return widths }
        var given = 0
        for index in columns.indices where columns[index].weight > 0 {
            let share = spare * columns[index].weight / totalWeight
            widths[index] += share
            given += share
        }
        if let last = columns.indices.last(where: { columns[$0].weight > 0 }) { widths[last] += spare - given }
        return widths
    }

    public func render(into buffer: inout CellBuffer, rect: Rect) {
        guard rect.height > 0 else { return }
        // The selection's sign, when the glyphs have one (plain), comes before the gutter.
        let sign = min(DisplayWidth.of(buffer.glyphs.selectedRow), rect.width)
        let gutter = min(gutterWidth, rect.width - sign)
        let widths = columnWidths(totalWidth: rect.width - sign - gutter)
        buffer.fill(rect.line(0), role: .columnHeader)
        let titles = columns.enumerated().map { index, column in
            sort?.column == index ? column.title + " " + (sort?.indicator ?? "") : column.title
        }
        drawLine(titles, widths: widths, y: rect.y, x: rect.x + sign + gutter, role: .columnHeader, into: &buffer)
        for (offset, row) in rows.prefix(Table.visibleRowCount(height: rect.height)).enumerated() {
            let y = rect.y + 1 + offset
            let role: StyleRole = offset == selectedRow ? .selected : row.status.role
            buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: role)
            if offset == selectedRow {
                buffer.write(buffer.glyphs.selectedRow, x: rect.x, y: y, role: role, maxWidth: sign)
                buffer.placeCursor(x: rect.x, y: y)
            }
            let x = rect.x + sign
            if gutter > 0 {
                buffer.write(row.isMarked ? "*" : " ", x: x, y: y, role: row.isMarked && role != .selected ? .mark : role)
                buffer.write(row.status.glyph, x: x + 1, y: y, role: role, maxWidth: 1)
            }
            drawLine(row.cells, widths: widths, y: y, x: x + gutter, role: role, into: &buffer)
        }
    }

    private func drawLine(_ cells: [String], widths: [Int], y: Int, x: Int, role: StyleRole, into buffer: inout CellBuffer) {
        var column = x
        for (index, width) in widths.enumerated() {
            let text = index < cells.count ? cells[index] : ""
            buffer.write(text, in: Rect(x: column, y: y, width: width, height: 1), role: role,
                         alignRight: columns[index].alignRight)
            column += width + 1
        }
    }
}
