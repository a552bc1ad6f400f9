import FicheSyncProtocol
import PostgresNIO

/// Text columns from PostgreSQL rows: text is kept as the UTF-8 it comes in (no `String` made),
/// other types printed; the `excluded` columns are left out.
struct PostgresTableBuilder {
    let excluded: Set<String>
    private var building: TextTable?
    private var kept: [Bool] = []

    init(excluded: Set<String>) {
        self.excluded = excluded
    }

    var table: TextTable { building ?? TextTable(columns: []) }

    mutating func append(_ row: PostgresRow) throws {
        if building == nil {
            var columns: [String] = []
            for cell in row {
                kept.append(!excluded.contains(cell.columnName))
                if !excluded.contains(cell.columnName) { columns.append(cell.columnName) }
            }
            building = TextTable(columns: columns)
            building?.reserveRows(1024)
        }
        for (index, cell) in row.enumerated() where kept[index] {
            switch cell.dataType {
            case .text, .varchar:
                if let bytes = cell.bytes {
                    bytes.withUnsafeReadableBytes { building?.appendValue(utf8: $0) }
                } else {
                    building?.appendValue(nil)
                }
            default:
                building?.appendValue(try PostgresTransaction.value(cell).string)
            }
        }
    }
}
