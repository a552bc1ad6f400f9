/// The JSON of a `SnapshotPage`, written and read directly as bytes.
///
/// A page holds up to 5,000 rows of text fields; Foundation's `JSONEncoder`/`JSONDecoder`
/// spent about as long on them as everything else in an initial sync together. The bytes
/// are the same JSON document the `Codable` conformance describes (any JSON reader, and
/// `JSONDecoder`, reads what `encodedJSON()` writes), and `init(json:)` reads any valid JSON
/// document of that shape, whoever wrote it (escapes, `\u` sequences, spaces, key order,
/// unknown keys skipped).
extension SnapshotPage {
    /// The page as UTF-8 JSON.
    public func encodedJSON() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + rowCount * 512)
        out.append(contentsOf: #"{"pinned_seq":"#.utf8)
        out.append(contentsOf: String(pinnedSeq).utf8)
        out.append(contentsOf: #","entity":"#.utf8)
        JSONBytes.appendString(entity.rawValue, to: &out)
        out.append(contentsOf: #","rows":["#.utf8)
        switch storage {
        case .table(let table):
            JSONBytes.appendRows(table, to: &out)
        case .dictionaries(let rows):
            for (index, row) in rows.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "{"))
                var first = true
                for (key, value) in row {
                    if !first { out.append(UInt8(ascii: ",")) }
                    first = false
                    JSONBytes.appendString(key, to: &out)
                    out.append(UInt8(ascii: ":"))
                    JSONBytes.appendOptionalString(value, to: &out)
                }
                out.append(UInt8(ascii: "}"))
            }
        }
        out.append(UInt8(ascii: "]"))
        if let nextToken {
            out.append(contentsOf: #","next_token":"#.utf8)
            JSONBytes.appendString(nextToken, to: &out)
        }
        out.append(contentsOf: #","done":"#.utf8)
        out.append(contentsOf: (done ? "true" : "false").utf8)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// Reads a page from UTF-8 JSON.
    ///
    /// - Throws: `JSONBytes.Malformed` when the bytes are not a JSON page.
    public init(json: UnsafeRawBufferPointer) throws {
        var reader = JSONBytes.Reader(json)
        self = try reader.snapshotPage()
    }
}

/// Byte-level JSON writing and reading for the few wire types that carry bulk rows.
public enum JSONBytes {
    /// Not JSON, or not the expected shape; `offset` is where reading stopped.
    public struct Malformed: Error, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "malformed JSON at byte \(offset): \(reason)" }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends `text` as a JSON string (quotes, backslash and control characters escaped).
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { appendEscaped($0, to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// A row as one JSON object with its keys in order (what the change log stores and pull
    /// answers carry), written without `JSONEncoder`.
    public static func object(_ row: [String: String?]) -> String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(row.count * 32)
        for (index, (key, value)) in row.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            appendOptionalString(value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `"name":` and `text` as a JSON string; `separator` comes first (`{` or `,`).
    static func appendMember(_ separator: UInt8, _ name: StaticString, _ text: String, to out: inout [UInt8]) {
        appendKey(separator, name, to: &out)
        appendString(text, to: &out)
    }

    /// Appends `"name":` and `number`; `separator` comes first (`{` or `,`).
    static func appendMember(_ separator: UInt8, _ name: StaticString, _ number: Int64, to out: inout [UInt8]) {
        appendKey(separator, name, to: &out)
        out.append(contentsOf: String(number).utf8)
    }

    /// Appends `separator` and `"name":` (a key known to need no escape).
    static func appendKey(_ separator: UInt8, _ name: StaticString, to out: inout [UInt8]) {
        out.append(separator)
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    /// Appends `text` as a JSON string, or `null`.
    static func appendOptionalString(_ text: String?, to out: inout [UInt8]) {
        if let text {
            appendString(text, to: &out)
        } else {
            out.append(contentsOf: "null".utf8)
        }
    }

    /// Appends UTF-8 bytes escaped for the inside of a JSON string: runs that need no escape
    /// are copied at once.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var start = 0
        for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            start = index + 1
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            default:
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        hex[Int(byte >> 4)], hex[Int(byte & 0x0f)]])
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// Appends the rows of `table` as JSON objects separated by commas (the keys escaped once).
    static func appendRows(_ table: TextTable, to out: inout [UInt8]) {
        let keys = table.columns.enumerated().map { column, name in
            var key: [UInt8] = column == 0 ? [UInt8(ascii: "{")] : [UInt8(ascii: ",")]
            appendString(name, to: &key)
            key.append(UInt8(ascii: ":"))
            return key
        }
        var column = 0
        var first = true
        table.forEachValue { value in
            if column == 0 && !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(contentsOf: keys[column])
            if let value {
                out.append(UInt8(ascii: "\""))
                appendEscaped(value, to: &out)
                out.append(UInt8(ascii: "\""))
            } else {
                out.append(contentsOf: "null".utf8)
            }
            column += 1
            if column == keys.count {
                out.append(UInt8(ascii: "}"))
                column = 0
            }
        }
    }

    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        init(_ bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
        }

        func fail(_ reason: String) -> Malformed { Malformed(offset: position, reason: reason) }

        mutating func skipSpaces() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x0a, 0x0d, 0x09: position += 1
                default: return
                }
            }
        }

        mutating func peek() throws -> UInt8 {
            skipSpaces()
            guard position < bytes.count else { throw fail("unexpected end") }
            return bytes[position]
        }

        mutating func expect(_ byte: UInt8) throws {
            guard try peek() == byte else { throw fail("expected '\(Character(UnicodeScalar(byte)))'") }
            position += 1
        }

        /// Consumes `word` (true, false, null) if it is next.
        mutating func take(_ word: StaticString) throws -> Bool {
            _ = try peek()
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return false }
            position += count
            return true
        }

        mutating func snapshotPage() throws -> SnapshotPage {
            var pinned: Int64?
            var entity: SyncEntity?
            var rows: SnapshotPage.Storage?
            var nextToken: String?
            var done: Bool?
            try object { reader, key in
                switch key {
                case "pinned_seq": pinned = try reader.integer()
                case "entity":
                    let raw = try reader.string()
                    guard let value = SyncEntity(rawValue: raw) else { throw reader.fail("unknown entity \(raw)") }
                    entity = value
                case "rows": rows = try reader.pageRows()
                case "next_token": nextToken = try reader.optionalString()
                case "done":
                    if try reader.take("true") { done = true } else if try reader.take("false") { done = false } else {
                        throw reader.fail("done must be true or false")
                    }
                default: try reader.skipValue()
                }
            }
            skipSpaces()
            guard position == bytes.count else { throw fail("trailing bytes") }
            guard let pinned, let entity, let rows, let done else { throw fail("a page needs pinned_seq, entity, rows and done") }
            switch rows {
            case .table(let table):
                return SnapshotPage(pinnedSeq: pinned, entity: entity, table: table, nextToken: nextToken, done: done)
            case .dictionaries(let rows):
                return SnapshotPage(pinnedSeq: pinned, entity: entity, rows: rows, nextToken: nextToken, done: done)
            }
        }

        mutating func rows() throws -> [[String: String?]] {
            var rows: [[String: String?]] = []
            try array { reader in
                var row: [String: String?] = [:]
                row.reserveCapacity(20)
                try reader.object { reader, key in row[key] = .some(try reader.optionalString()) }
                rows.append(row)
            }
            return rows
        }

        /// The rows as one table when every row has the same fields (in any order), without a
        /// dictionary per row; otherwise as dictionaries, read again from the same place.
        mutating func pageRows() throws -> SnapshotPage.Storage {
            let start = position
            // try?: "is it one table?"; otherwise the same rows are read again as dictionaries, which throw.
            if let table = try? tableRows() { return .table(table) }
            position = start
            return .dictionaries(try rows())
        }

        /// Differently shaped rows (a field missing, extra or repeated) throw `Malformed`. Values
        /// go into the table as bytes, without a String each.
        mutating func tableRows() throws -> TextTable {
            var columns: [String] = []
            var table = TextTable(columns: [])
            var firstRow: [String?] = []
            var rowCells: [TextTable.Cell] = []
            var filled: [Bool] = []
            var keys: [[UInt8]] = []
            var rowCount = 0
            try array { reader in
                if rowCount == 0 {
                    try reader.object { reader, key in
                        guard !columns.contains(key) else { throw reader.fail("repeated field \(key)") }
                        columns.append(key)
                        firstRow.append(try reader.optionalString())
                    }
                    guard !columns.isEmpty else { throw reader.fail("a row without fields") }
                    table = TextTable(columns: columns)
                    table.reserveRows(1024)
                    table.append(firstRow)
                    keys = columns.map { Array($0.utf8) }
                    filled = Array(repeating: false, count: columns.count)
                    rowCells = Array(repeating: .null, count: columns.count)
                } else {
                    var seen = 0
                    var expected = 0
                    try reader.object(keys: keys, expected: { expected }) { reader, key, known in
                        // Fields come in the first row's order: that place is checked on the bytes
                        // (no String made for the key), the other columns searched by name.
                        let column: Int
                        if let known {
                            column = known
                        } else if let key, let found = columns.firstIndex(of: key) {
                            column = found
                        } else {
                            throw reader.fail("unexpected field \(key ?? "")")
                        }
                        guard !filled[column] else { throw reader.fail("repeated field \(columns[column])") }
                        filled[column] = true
                        rowCells[column] = try reader.optionalString(into: &table)
                        seen += 1
                        expected = column + 1
                    }
                    guard seen == columns.count else { throw reader.fail("a row lacks a field") }
                    for index in filled.indices { filled[index] = false }
                    table.append(cells: rowCells)
                }
                rowCount += 1
            }
            return table
        }

        /// A JSON string or null, its bytes kept in `table` for a cell to point at.
        mutating func optionalString(into table: inout TextTable) throws -> TextTable.Cell {
            if try take("null") { return .null }
            try expect(UInt8(ascii: "\""))
            let start = position
            // Fast path: no escapes, then the bytes as they are.
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    let cell = table.store(utf8: UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
                    position += 1
                    return cell
                }
                if byte == UInt8(ascii: "\\") { break }
                guard byte >= 0x20 else { throw fail("control character in a string") }
                position += 1
            }
            position = start - 1
            var text = try string()
            return text.withUTF8 { table.store(utf8: UnsafeRawBufferPointer($0)) }
        }

        /// Reads `{ "key": value, … }`, handing each key to `member`, which must read the value.
        mutating func object(_ member: (inout Reader, String) throws -> Void) throws {
            // No key known in advance: every key is read as a String.
            try object(keys: [], expected: { 0 }) { reader, key, _ in try member(&reader, key ?? "") }
        }

        /// Reads `{ "key": value, … }` whose keys are mostly `keys[expected()]`: such a key is
        /// matched on its bytes and handed over as its position; any other as a String.
        mutating func object(keys: [[UInt8]], expected: () -> Int,
                             _ member: (inout Reader, String?, Int?) throws -> Void) throws {
            try expect(UInt8(ascii: "{"))
            if try peek() == UInt8(ascii: "}") {
                position += 1
                return
            }
            while true {
                let next = expected()
                if next < keys.count, try takeKey(keys[next]) {
                    try expect(UInt8(ascii: ":"))
                    try member(&self, nil, next)
                } else {
                    let key = try string()
                    try expect(UInt8(ascii: ":"))
                    try member(&self, key, nil)
                }
                let after = try peek()
                position += 1
                if after == UInt8(ascii: "}") { return }
                guard after == UInt8(ascii: ",") else { throw fail("expected ',' or '}'") }
            }
        }

        /// Consumes the string `"key"` if it is next, written without escapes.
        mutating func takeKey(_ key: [UInt8]) throws -> Bool {
            _ = try peek()
            let end = position + key.count + 2
            guard end <= bytes.count, bytes[position] == UInt8(ascii: "\""), bytes[end - 1] == UInt8(ascii: "\"") else {
                return false
            }
            for offset in key.indices where bytes[position + 1 + offset] != key[offset] { return false }
            position = end
            return true
        }

        /// Reads `[ value, … ]`, calling `element` to read each value.
        mutating func array(_ element: (inout Reader) throws -> Void) throws {
            try expect(UInt8(ascii: "["))
            if try peek() == UInt8(ascii: "]") {
                position += 1
                return
            }
            while true {
                try element(&self)
                let next = try peek()
                position += 1
                if next == UInt8(ascii: "]") { return }
                guard next == UInt8(ascii: ",") else { throw fail("expected ',' or ']'") }
            }
        }

        mutating func optionalString() throws -> String? {
            if try take("null") { return nil }
            return try string()
        }

        mutating func integer() throws -> Int64 {
            _ = try peek()
            let start = position
            if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            guard let value = Int64(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
            else { throw fail("expected an integer") }
            return value
        }

        mutating func string() throws -> String {
            try expect(UInt8(ascii: "\""))
            let start = position
            // Fast path: no escapes, then the bytes as they are.
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                    position += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") { break }
                guard byte >= 0x20 else { throw fail("control character in a string") }
                position += 1
            }
            var text = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: text, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard position < bytes.count else { throw fail("unfinished escape") }
                    let escape = bytes[position]
                    position += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
                    case UInt8(ascii: "b"): text.append(0x08)
                    case UInt8(ascii: "f"): text.append(0x0c)
                    case UInt8(ascii: "n"): text.append(0x0a)
                    case UInt8(ascii: "r"): text.append(0x0d)
                    case UInt8(ascii: "t"): text.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hexQuad()
                        if (0xD800..<0xDC00).contains(scalar) {
                            // A high surrogate must be followed by \u and a low one.
                            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                                  bytes[position + 1] == UInt8(ascii: "u") else { throw fail("lone surrogate") }
                            position += 2
                            let low = try hexQuad()
                            guard (0xDC00..<0xE000).contains(low) else { throw fail("bad surrogate pair") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let unicode = Unicode.Scalar(scalar) else { throw fail("bad \\u escape") }
                        text.append(contentsOf: Array(String(Character(unicode)).utf8))
                    default: throw fail("bad escape")
                    }
                default:
                    guard byte >= 0x20 else { throw fail("control character in a string") }
                    text.append(byte)
                }
            }
            throw fail("unfinished string")
        }

        mutating func hexQuad() throws -> UInt32 {
            guard position + 4 <= bytes.count else { throw fail("short \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                position += 1
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw fail("bad hex digit")
                }
                value = value << 4 | UInt32(digit)
            }
            return value
        }

        /// Skips any JSON value (for keys this reader does not know).
        mutating func skipValue() throws {
            switch try peek() {
            case UInt8(ascii: "{"): try object { reader, _ in try reader.skipValue() }
            case UInt8(ascii: "["): try array { reader in try reader.skipValue() }
            case UInt8(ascii: "\""): _ = try string()
            default:
                if try take("true") || take("false") || take("null") { return }
                let start = position
                while position < bytes.count, "+-.0123456789eE".utf8.contains(bytes[position]) { position += 1 }
                guard position > start else { throw fail("unexpected character") }
            }
        }
    }
}
