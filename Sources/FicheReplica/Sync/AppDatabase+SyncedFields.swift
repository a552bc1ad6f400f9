extension AppDatabase {
    /// A synced row's fields by server column name. Rows of a snapshot page share one column
    /// index and hold their values by position (no dictionary per row); pulled rows keep the
    /// dictionary they came in.
    ///
    /// `fields["niss"]` is nil when the row has no such field, `.some(nil)` when it is NULL.
    public struct SyncedFields: Sendable, Hashable, ExpressibleByDictionaryLiteral {
        /// The column names of a page and their positions, shared by all its rows.
        public final class Columns: Sendable {
            let names: [String]
            let positions: [String: Int]

            public init(_ names: [String]) {
                self.names = names
                var positions: [String: Int] = [:]
                for (position, name) in names.enumerated() where positions[name] == nil { positions[name] = position }
                self.positions = positions
            }

            /// The position of the column `name`, nil when the page has no such column.
            public func position(of name: String) -> Int? { positions[name] }
        }

        private enum Storage: Sendable {
            case dictionary([String: String?])
            case positional(Columns, ArraySlice<String?>)
        }

        private let storage: Storage

        public init(_ fields: [String: String?]) {
            storage = .dictionary(fields)
        }

        public init(dictionaryLiteral elements: (String, String?)...) {
            self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
        }

        /// A row of a page: `values` in the order of `columns`.
        public init(columns: Columns, values: ArraySlice<String?>) {
            storage = .positional(columns, values)
        }

        public subscript(name: String) -> String?? {
            switch storage {
            case .dictionary(let fields):
                return fields[name]
            case .positional(let columns, let values):
                guard let position = columns.positions[name] else { return nil }
                return .some(values[values.startIndex + position])
            }
        }

        /// The column index of a page's row (nil for a row that holds a dictionary).
        var columns: Columns? {
            if case .positional(let columns, _) = storage { return columns }
            return nil
        }

        /// The value at `position` of a page's row (`columns` tells the position); nil for a
        /// row that holds a dictionary.
        func value(at position: Int) -> String? {
            if case .positional(_, let values) = storage { return values[values.startIndex + position] }
            return nil
        }

        /// Every field by name.
        public var dictionary: [String: String?] {
            switch storage {
            case .dictionary(let fields):
                return fields
            case .positional(let columns, let values):
                var fields: [String: String?] = [:]
                for (position, name) in columns.names.enumerated() { fields[name] = .some(values[values.startIndex + position]) }
                return fields
            }
        }

        public static func == (left: SyncedFields, right: SyncedFields) -> Bool {
            left.dictionary == right.dictionary
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(dictionary)
        }
    }
}
