/// Rows of one table as text, the column names held once: the bulk form snapshot rows take on
/// both sides of the wire, so that thousands of rows cost no dictionary each.
///
/// ```swift
/// var table = TextTable(columns: ["id", "employer_code"])
/// table.append(["D-1", "CPAS-IXL"])
/// table[0, "employer_code"]   // "CPAS-IXL"
/// ```
public struct TextTable: Sendable, Hashable {
    /// Column names, in order.
    public private(set) var columns: [String]
    /// Row after row: row `r`'s value of column `c` is at `r * columns.count + c`.
    public private(set) var values: [String?]

    public init(columns: [String], values: [String?] = []) {
        self.columns = columns
        self.values = columns.isEmpty ? [] : values
    }

    /// The rows as dictionaries, every column named in each (NULL as `.some(nil)`).
    public init(rows: [[String: String?]]) {
        var columns: [String] = []
        var known = Set<String>()
        for row in rows {
            for key in row.keys.sorted() where known.insert(key).inserted { columns.append(key) }
        }
        self.init(columns: columns)
        values.reserveCapacity(rows.count * columns.count)
        for row in rows {
            for column in columns { values.append(row[column] ?? nil) }
        }
    }

    /// Number of rows.
    public var rowCount: Int { columns.isEmpty ? 0 : values.count / columns.count }

    /// The value at `row` of the column at position `column`.
    public subscript(row: Int, column: Int) -> String? {
        get { values[row * columns.count + column] }
        set { values[row * columns.count + column] = newValue }
    }

    /// The value at `row` of the column named `name`, nil when NULL or no such column.
    public subscript(row: Int, name: String) -> String? {
        guard let column = columns.firstIndex(of: name) else { return nil }
        return self[row, column]
    }

    /// The values of one row, in column order.
    public func row(_ row: Int) -> ArraySlice<String?> {
        values[row * columns.count ..< (row + 1) * columns.count]
    }

    /// Appends a row of `columns.count` values.
    public mutating func append(_ row: some Collection<String?>) {
        precondition(row.count == columns.count, "a row needs one value per column")
        values.append(contentsOf: row)
    }

    /// Appends one value; a row is complete after `columns.count` of them.
    public mutating func appendValue(_ value: String?) {
        values.append(value)
    }

    /// Reserves room for `rows` rows.
    public mutating func reserveRows(_ rows: Int) {
        values.reserveCapacity(rows * columns.count)
    }

    /// Keeps only the rows for which `keep` answers true.
    public mutating func filterRows(_ keep: (Int) -> Bool) {
        let width = columns.count
        guard width > 0 else { return }
        var kept: [String?] = []
        kept.reserveCapacity(values.count)
        for row in 0..<rowCount where keep(row) { kept.append(contentsOf: values[row * width ..< (row + 1) * width]) }
        values = kept
    }

    /// Drops the columns named in `names`, with their values.
    public mutating func removeColumns(_ names: Set<String>) {
        let kept = columns.indices.filter { !names.contains(columns[$0]) }
        guard kept.count < columns.count else { return }
        var table = TextTable(columns: kept.map { columns[$0] })
        table.reserveRows(rowCount)
        for row in 0..<rowCount {
            for column in kept { table.appendValue(self[row, column]) }
        }
        self = table
    }

    /// Keeps the first `count` rows.
    public mutating func truncateRows(to count: Int) {
        guard count < rowCount else { return }
        values.removeLast(values.count - count * columns.count)
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
}
