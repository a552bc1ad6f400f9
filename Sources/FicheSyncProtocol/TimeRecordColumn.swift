import FicheDomain

/// One column of a time record, said once for every place that stores or sends it: its name in
/// the server's `time_records` table and in pulled rows, its name in the replica's `time_record`
/// table, how the replica stores it, and how its value is read from and written into a
/// `TimeRecord`. The list is `RecordTimeRecord.columns`; the server's insert, read-back and
/// added columns, the replica's row mapping and its upsert of pulled rows are made from it.
///
/// ```swift
/// let row = RecordTimeRecord.columns.map { ($0.name, $0.text(of: record)) }   // server insert
/// let back = try TimeRecordColumn.record(text: { name in row.first { $0.0 == name }?.1 })
/// ```
public final class TimeRecordColumn: Sendable {
    /// How the replica stores the value (the server stores every value as text).
    public enum Kind: Sendable {
        /// Text, or NULL.
        case text
        /// An integer, or NULL; as text on the server and the wire.
        case integer
        /// A boolean, never NULL; "1" or "0" on the server and the wire.
        case flag
    }

    /// A value as the record holds it.
    public enum Value: Hashable, Sendable {
        case text(String?)
        case integer(Int?)
        case flag(Bool)
    }

    /// When the value is set: once with the entry, again by an amendment of the entry, by a
    /// review, or with the booking of a correction (the server decides it, no amendment changes it).
    public enum Origin: Sendable {
        case identity, entry, review, correction
    }

    /// A value that cannot be written into a record: a required one missing, an unknown code,
    /// a date or month that does not read.
    public struct Unreadable: Error, Hashable, Sendable, CustomStringConvertible {
        public var column: String
        public var value: String?
        public var description: String { "\(column): '\(value ?? "NULL")' cannot be read" }
    }

    /// The name in the server's `time_records` table and in pulled rows.
    public let name: String
    /// The name in the replica's `time_record` table (the same unless the replica spelt it first).
    public let replicaName: String
    public let kind: Kind
    public let origin: Origin
    /// A row without a value is no time record.
    public let required: Bool
    /// The text a stored or pulled row without a value is read as.
    public let fallback: String?
    let get: @Sendable (TimeRecord) -> Value
    let set: @Sendable (inout TimeRecord, Value) throws(Unreadable) -> Void

    init(_ name: String, replica: String? = nil, _ kind: Kind, _ origin: Origin, required: Bool = false,
         fallback: String? = nil, get: @escaping @Sendable (TimeRecord) -> Value,
         set: @escaping @Sendable (inout TimeRecord, Value) throws(Unreadable) -> Void) {
        self.name = name
        self.replicaName = replica ?? name
        self.kind = kind
        self.origin = origin
        self.required = required
        self.fallback = fallback
        self.get = get
        self.set = set
    }

    /// The column's value in `record`.
    public func value(of record: TimeRecord) -> Value { get(record) }

    /// The value as the server stores and sends it.
    public func text(of record: TimeRecord) -> String? {
        switch get(record) {
        case .text(let text): text
        case .integer(let number): number.map(String.init)
        case .flag(let flag): flag ? "1" : "0"
        }
    }

    /// The value a stored or pulled text stands for (`fallback` when it is absent).
    public func value(text: String?) -> Value {
        let text = text ?? fallback
        switch kind {
        case .text: return .text(text)
        case .integer: return .integer(text.flatMap { Int($0) })
        case .flag: return .flag(text == "1")
        }
    }

    /// Writes `value` into `record`.
    ///
    /// - Throws: `Unreadable` when a required value is missing or a value does not read.
    public func write(_ value: Value, into record: inout TimeRecord) throws(Unreadable) {
        if required, value == .text(nil) || value == .integer(nil) { throw Unreadable(column: name, value: nil) }
        try set(&record, value)
    }

    /// A time record made of every column's value, `value(column)` giving each.
    ///
    /// - Throws: `Unreadable` naming the first column whose value cannot be written.
    public static func record(_ value: (TimeRecordColumn) -> Value) throws(Unreadable) -> TimeRecord {
        try record(byPosition: { _, column in value(column) })
    }

    /// A time record made of every column's value, `value(position, column)` giving each, where
    /// `position` is the column's place in `RecordTimeRecord.columns` (for readers that found
    /// each column's place in their rows once, rather than by name for every row).
    public static func record(byPosition value: (Int, TimeRecordColumn) -> Value) throws(Unreadable) -> TimeRecord {
        var record = TimeRecord(id: "", employerCode: "", dossierID: "", kind: .absence, typeCode: nil,
                                start: LocalDate(dayNumber: 0), end: LocalDate(dayNumber: 0), enteredBy: "")
        for (position, column) in RecordTimeRecord.columns.enumerated() {
            try column.write(value(position, column), into: &record)
        }
        return record
    }

    /// A time record from its columns as the server stores and sends them, `text(name)` giving
    /// each column's text.
    public static func record(text: (String) -> String?) throws(Unreadable) -> TimeRecord {
        try record { column in column.value(text: text(column.name)) }
    }

    // MARK: Making columns

    /// An optional text column (nil when the row holds none).
    static func text(_ name: String, replica: String? = nil, _ origin: Origin,
                     _ path: WritableKeyPath<TimeRecord, String?> & Sendable) -> TimeRecordColumn {
        TimeRecordColumn(name, replica: replica, .text, origin,
                         get: { .text($0[keyPath: path]) },
                         set: { record, value throws(Unreadable) in
                             guard case .text(let text) = value else { throw Unreadable(column: name, value: nil) }
                             record[keyPath: path] = text
                         })
    }

    /// A required text column.
    static func requiredText(_ name: String, _ origin: Origin, _ path: WritableKeyPath<TimeRecord, String> & Sendable) -> TimeRecordColumn {
        converted(name, origin, path, read: { $0 }, write: { $0 })
    }

    /// A required text column holding a value that reads from its text (`read`) and is written
    /// as text (`write`): codes, dates.
    static func converted<T>(_ name: String, replica: String? = nil, _ origin: Origin, fallback: String? = nil,
                             _ path: WritableKeyPath<TimeRecord, T> & Sendable,
                             read: @escaping @Sendable (String) -> T?,
                             write: @escaping @Sendable (T) -> String) -> TimeRecordColumn {
        TimeRecordColumn(name, replica: replica, .text, origin, required: true, fallback: fallback,
                         get: { .text(write($0[keyPath: path])) },
                         set: { record, value throws(Unreadable) in
                             guard case .text(let text) = value, let text, let read = read(text) else {
                                 throw Unreadable(column: name, value: Self.describe(value))
                             }
                             record[keyPath: path] = read
                         })
    }

    /// An optional text column holding a value that reads from its text: a month.
    static func optionalConverted<T>(_ name: String, _ origin: Origin, _ path: WritableKeyPath<TimeRecord, T?> & Sendable,
                                     read: @escaping @Sendable (String) -> T?,
                                     write: @escaping @Sendable (T) -> String) -> TimeRecordColumn {
        TimeRecordColumn(name, .text, origin,
                         get: { .text($0[keyPath: path].map(write)) },
                         set: { record, value throws(Unreadable) in
                             guard case .text(let text) = value else { throw Unreadable(column: name, value: nil) }
                             guard let text else { record[keyPath: path] = nil; return }
                             guard let read = read(text) else { throw Unreadable(column: name, value: text) }
                             record[keyPath: path] = read
                         })
    }

    /// An integer column (minutes).
    static func integer(_ name: String, _ origin: Origin, _ path: WritableKeyPath<TimeRecord, Int?> & Sendable) -> TimeRecordColumn {
        TimeRecordColumn(name, .integer, origin,
                         get: { .integer($0[keyPath: path]) },
                         set: { record, value throws(Unreadable) in
                             guard case .integer(let number) = value else { throw Unreadable(column: name, value: nil) }
                             record[keyPath: path] = number
                         })
    }

    /// A flag column.
    static func flag(_ name: String, replica: String? = nil, _ origin: Origin,
                     _ path: WritableKeyPath<TimeRecord, Bool> & Sendable) -> TimeRecordColumn {
        TimeRecordColumn(name, replica: replica, .flag, origin,
                         get: { .flag($0[keyPath: path]) },
                         set: { record, value throws(Unreadable) in
                             guard case .flag(let flag) = value else { throw Unreadable(column: name, value: nil) }
                             record[keyPath: path] = flag
                         })
    }

    /// The date a stored `YYYY-MM-DD` names, nil when it names none.
    @Sendable static func date(_ text: String) -> LocalDate? {
        // try?: the caller says which column did not read (`Unreadable`).
        try? LocalDate.parse(text)
    }

    /// The month a stored `YYYY-MM` names, nil when it names none.
    @Sendable static func month(_ text: String) -> YearMonth? {
        // try?: the caller says which column did not read (`Unreadable`).
        try? YearMonth.parse(text)
    }

    private static func describe(_ value: Value) -> String? {
        switch value {
        case .text(let text): text
        case .integer(let number): number.map(String.init)
        case .flag(let flag): flag ? "1" : "0"
        }
    }
}
