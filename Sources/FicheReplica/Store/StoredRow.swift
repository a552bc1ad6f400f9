import FicheDomain
import Foundation
import GRDB

/// Reading domain values back from replica rows, with errors that name the row.
struct StoredRow {
    let row: Row
    let table: String

    var id: String { (row["id"] as String?) ?? (row["code"] as String?) ?? "?" }

    func text(_ column: String) throws -> String {
        guard let value: String = row[column] else { throw fail("\(column) is empty") }
        return value
    }

    func optionalText(_ column: String) -> String? { row[column] }

    func int(_ column: String) throws -> Int {
        guard let value: Int = row[column] else { throw fail("\(column) is empty") }
        return value
    }

    func optionalInt(_ column: String) -> Int? { row[column] }

    func bool(_ column: String) -> Bool { (row[column] as Bool?) ?? false }

    func date(_ column: String) throws -> LocalDate {
        let text = try text(column)
        do { return try LocalDate.parse(text) } catch { throw fail("\(column): \(error)") }
    }

    func optionalDate(_ column: String) throws -> LocalDate? {
        guard let text: String = row[column] else { return nil }
        do { return try LocalDate.parse(text) } catch { throw fail("\(column): \(error)") }
    }

    func optionalMonth(_ column: String) throws -> YearMonth? {
        guard let text: String = row[column] else { return nil }
        do { return try YearMonth.parse(text) } catch { throw fail("\(column): \(error)") }
    }

    func value<T: RawRepresentable>(_ column: String, as type: T.Type) throws -> T where T.RawValue == String {
        let raw = try text(column)
        guard let value = T(rawValue: raw) else { throw fail("\(column) '\(raw)' is unknown") }
        return value
    }

    func json<T: Decodable>(_ column: String, as type: T.Type) throws -> T? {
        guard let text: String = row[column] else { return nil }
        do { return try JSONDecoder().decode(T.self, from: Data(text.utf8)) } catch { throw fail("\(column): \(error)") }
    }

    func fail(_ detail: String) -> StoredRowError { StoredRowError(table: table, id: id, detail: detail) }
}

/// Values stored as JSON text in one column (addresses, schedules).
enum JSONColumn {
    static func encode<T: Encodable>(_ value: T?) -> String? {
        guard let value else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // try?: JSONEncoder fails only on a NaN or infinite number; addresses and schedules hold text and fixed fractions.
        guard let data = try? encoder.encode(value) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
