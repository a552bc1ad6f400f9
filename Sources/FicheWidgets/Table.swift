import FicheTerminal

/// A table drawn from the rows currently visible: a header line, then one line per row.
///
/// The table never holds the whole list; its owner hands it the visible rows only, so a list
/// of 100,000 dossiers costs what a screenful costs.
public struct Table: Sendable {
    public var columns: [TableColumn]
    /// Text of the visible rows, one string per column.
    public var rows: [[String]]
    /// Index in `rows` of the highlighted row, if any.
    public var selectedRow: Int?
    /// The role of each row when not selected (for pending or rejected rows); `normal` if absent.
    public var rowRoles: [StyleRole]

    public init(columns: [TableColumn], rows: [[String]], selectedRow: Int?, rowRoles: [StyleRole] = []) {
        self.columns = columns
        self.rows = rows
        self.selectedRow = selectedRow
        self.rowRoles = rowRoles
    }

    /// How many rows fit below the header in a rectangle this tall.
    public static func visibleRowCount(height: Int) -> Int { max(0, height - 1) }

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
        let widths = columnWidths(totalWidth: rect.width)
        buffer.fill(rect.line(0), role: .columnHeader)
        drawLine(columns.map(\.title), widths: widths, y: rect.y, x: rect.x, role: .columnHeader, into: &buffer)
        for (offset, cells) in rows.prefix(Table.visibleRowCount(height: rect.height)).enumerated() {
            let y = rect.y + 1 + offset
            let role: StyleRole = offset == selectedRow ? .selected : (offset < rowRoles.count ? rowRoles[offset] : .normal)
            buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: role)
            drawLine(cells, widths: widths, y: y, x: rect.x, role: role, into: &buffer)
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
