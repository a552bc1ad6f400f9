/// Rows of one table as text, the column names held once: the bulk form snapshot rows take on
/// both sides of the wire, so that thousands of rows cost no dictionary each. The values are
/// kept as UTF-8 bytes one after the other, so that a page read from the store is written as
/// JSON, and a page read from JSON is stored, without a String per value.
///
/// ```swift
/// var table = TextTable(columns: ["id", "employer_code"])
/// table.append(["D-1", "CPAS-IXL"])
/// table[0, "employer_code"]   // "CPAS-IXL"
/// ```
public struct TextTable: Sendable, Hashable {
    /// Where a value's bytes are in `text`; `count` is -1 for NULL.
    struct Cell: Sendable {
        var start: Int
        var count: Int

        static let null = Cell(start: 0, count: -1)
    }

    /// Column names, in order.
    public private(set) var columns: [String]
    /// Every value's UTF-8, one after the other (a value set again leaves its old bytes here).
    private var text: [UInt8] = []
    /// Row after row: row `r`'s value of column `c` is at `r * columns.count + c`.
    private var cells: [Cell] = []

    public init(columns: [String], values: [String?] = []) {
        self.columns = columns
        guard !columns.isEmpty else { return }
        cells.reserveCapacity(values.count)
        for value in values { appendValue(value) }
    }

    /// The rows as dictionaries, every column named in each (NULL as `.some(nil)`).
    public init(rows: [[String: String?]]) {
        var columns: [String] = []
        var known = Set<String>()
        for row in rows {
            for key in row.keys.sorted() where known.insert(key).inserted { columns.append(key) }
        }
        self.init(columns: columns)
        cells.reserveCapacity(rows.count * columns.count)
        for row in rows {
            for column in columns { appendValue(row[column] ?? nil) }
        }
    }

    /// Every value, row after row.
    public var values: [String?] { cells.map(string) }

    /// Number of rows.
    public var rowCount: Int { columns.isEmpty ? 0 : cells.count / columns.count }

    private func string(_ cell: Cell) -> String? {
        guard cell.count >= 0 else { return nil }
        return text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[cell.start ..< cell.start + cell.count]), as: UTF8.self) }
    }

    /// The value at `row` of the column at position `column`.
    public subscript(row: Int, column: Int) -> String? {
        get { string(cells[row * columns.count + column]) }
        set { cells[row * columns.count + column] = store(newValue) }
    }

    /// The value at `row` of the column named `name`, nil when NULL or no such column.
    public subscript(row: Int, name: String) -> String? {
        guard let column = columns.firstIndex(of: name) else { return nil }
        return self[row, column]
    }

    /// The values of one row, in column order.
    public func row(_ row: Int) -> ArraySlice<String?> {
        ArraySlice(cells[row * columns.count ..< (row + 1) * columns.count].map(string))
    }

    /// Calls `body` with each value's UTF-8 (nil for NULL), row after row.
    public func forEachValue(_ body: (UnsafeBufferPointer<UInt8>?) -> Void) {
        text.withUnsafeBufferPointer { all in
            for cell in cells {
                body(cell.count < 0 ? nil : UnsafeBufferPointer(rebasing: all[cell.start ..< cell.start + cell.count]))
            }
        }
    }

    /// Appends a row of `columns.count` values.
    public mutating func append(_ row: some Collection<String?>) {
        precondition(row.count == columns.count, "a row needs one value per column")
        for value in row { appendValue(value) }
    }

    /// Appends one value; a row is complete after `columns.count` of them.
    public mutating func appendValue(_ value: String?) {
        cells.append(store(value))
    }

    /// Appends one value given as UTF-8; a row is complete after `columns.count` of them.
    public mutating func appendValue(utf8 bytes: UnsafeRawBufferPointer) {
        cells.append(store(utf8: bytes))
    }

    /// Keeps `value`'s bytes, for a cell to point at.
    private mutating func store(_ value: String?) -> Cell {
        guard var value else { return .null }
        return value.withUTF8 { store(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// Keeps UTF-8 bytes, for a cell to point at.
    mutating func store(utf8 bytes: UnsafeRawBufferPointer) -> Cell {
        let cell = Cell(start: text.count, count: bytes.count)
        text.append(contentsOf: bytes)
        return cell
    }

    /// Appends a row of cells made by `store(utf8:)` (or `.null`), one per column.
    mutating func append(cells row: [Cell]) {
        cells.append(contentsOf: row)
    }

    /// Reserves room for `rows` rows (of about 16 bytes a value).
    public mutating func reserveRows(_ rows: Int) {
        cells.reserveCapacity(rows * columns.count)
        text.reserveCapacity(rows * columns.count * 16)
    }

    /// Keeps only the rows for which `keep` answers true.
    public mutating func filterRows(_ keep: (Int) -> Bool) {
        let width = columns.count
        guard width > 0 else { return }
        var kept: [Cell] = []
        kept.reserveCapacity(cells.count)
        for row in 0..<rowCount where keep(row) { kept.append(contentsOf: cells[row * width ..< (row + 1) * width]) }
        cells = kept
    }

    /// Drops the columns named in `names`, with their values.
    public mutating func removeColumns(_ names: Set<String>) {
        let kept = columns.indices.filter { !names.contains(columns[$0]) }
        guard kept.count < columns.count else { return }
        let width = columns.count
        var remaining: [Cell] = []
        remaining.reserveCapacity(rowCount * kept.count)
        for row in 0..<rowCount {
            for column in kept { remaining.append(cells[row * width + column]) }
        }
        columns = kept.map { columns[$0] }
        cells = remaining
    }

    /// Keeps the first `count` rows.
    public mutating func truncateRows(to count: Int) {
        guard count < rowCount else { return }
        cells.removeLast(cells.count - count * columns.count)
    }

    /// The rows as dictionaries (the shape of `SnapshotPage.rows`).
    public var dictionaries: [[String: String?]] {
        (0..<rowCount).map { row in
            var fields: [String: String?] = [:]
            fields.reserveCapacity(columns.count)
            for (column, name) in columns.enumerated() { fields[name] = .some(self[row, column]) }
            return fields
        }
    }

    public static func == (left: TextTable, right: TextTable) -> Bool {
        left.columns == right.columns && left.values == right.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(columns)
        hasher.combine(values)
    }
}
