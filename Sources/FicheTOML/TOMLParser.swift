/// The reader behind `TOMLReader`: walks the text scalar by scalar, counting lines, so that
/// every error it throws names the line where the reading stopped.
struct TOMLParser {
    /// How deep arrays and inline tables may nest, and how many parts a dotted key may have:
    /// far beyond any real file, low enough that a malicious one cannot exhaust the stack.
    static let maximumDepth = 64

    let scalars: [Unicode.Scalar]
    let file: String
    var index = 0
    var line = 1

    init(scalars: [Unicode.Scalar], file: String) {
        self.scalars = scalars
        self.file = file
    }

    // MARK: Cursor

    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    func fail(_ message: String) -> FileIssue {
        FileIssue(file: file, line: line, message: message)
    }

    mutating func skipSpaces() {
        while let c = peek, c == " " || c == "\t" { index += 1 }
    }

    mutating func skipComment() {
        guard peek == "#" else { return }
        while let c = peek, c != "\n" { index += 1 }
    }

    /// Skips spaces, comments and line breaks.
    mutating func skipBlank() {
        while true {
            skipSpaces()
            skipComment()
            if peek == "\r" && peek(1) == "\n" { index += 1 }
            if peek == "\n" {
                index += 1
                line += 1
            } else {
                return
            }
        }
    }

    mutating func expectLineEnd() throws(FileIssue) {
        skipSpaces()
        skipComment()
        if peek == "\r" && peek(1) == "\n" { index += 1 }
        guard let c = peek else { return }
        guard c == "\n" else { throw fail("unexpected '\(c)' after value; one key = value per line") }
    }

    mutating func expect(_ c: Unicode.Scalar, _ what: String) throws(FileIssue) {
        guard peek == c else { throw fail("expected \(what)") }
        index += 1
    }

    // MARK: Document

    mutating func parseDocument() throws(FileIssue) -> TOMLTable {
        let root = TOMLNode(line: 1, explicitlyDefined: true)
        var current = root
        while true {
            skipBlank()
            guard let c = peek else { break }
            if c == "[" {
                if peek(1) == "[" {
                    index += 2
                    skipSpaces()
                    let path = try parseKey()
                    skipSpaces()
                    guard peek == "]" && peek(1) == "]" else { throw fail("expected ']]' to close the array-of-tables header") }
                    index += 2
                    current = try openArrayTable(root, path)
                } else {
                    index += 1
                    skipSpaces()
                    let path = try parseKey()
                    skipSpaces()
                    try expect("]", "']' to close the table header")
                    current = try openTable(root, path)
                }
                try expectLineEnd()
            } else {
                let keyLine = line
                let path = try parseKey()
                skipSpaces()
                try expect("=", "'=' after key '\(path.joined(separator: "."))'")
                skipSpaces()
                let (value, itemLines) = try parseValue(depth: 1)
                try insert(value, at: path, into: current, line: keyLine, itemLines: itemLines)
                try expectLineEnd()
            }
        }
        return root.freeze(file: file)
    }

    /// Walks `path` from `node`, creating implicit tables; arrays of tables resolve to their last element.
    func descend(_ node: TOMLNode, _ path: ArraySlice<String>) throws(FileIssue) -> TOMLNode {
        var node = node
        for key in path {
            switch node.entries[key] {
            case nil:
                let child = TOMLNode(line: line, explicitlyDefined: false)
                node.set(key, .table(child))
                node = child
            case .table(let child)?:
                node = child
            case .tableArray(let nodes, _)?:
                guard let last = nodes.last else { throw fail("empty array of tables '\(key)'") }
                node = last
            case .value?:
                throw fail("key '\(key)' is a value, not a table")
            }
        }
        return node
    }

    func openTable(_ root: TOMLNode, _ path: [String]) throws(FileIssue) -> TOMLNode {
        let parent = try descend(root, path.dropLast())
        let name = path.joined(separator: ".")
        guard let key = path.last else { throw fail("empty table name") }
        switch parent.entries[key] {
        case nil:
            let node = TOMLNode(line: line, explicitlyDefined: true)
            parent.set(key, .table(node))
            return node
        case .table(let node)?:
            guard !node.explicitlyDefined else { throw fail("table [\(name)] is defined twice") }
            node.explicitlyDefined = true
            return node
        case .tableArray?:
            throw fail("[\(name)] is an array of tables; use [[\(name)]]")
        case .value?:
            throw fail("key '\(name)' is a value, not a table")
        }
    }

    func openArrayTable(_ root: TOMLNode, _ path: [String]) throws(FileIssue) -> TOMLNode {
        let parent = try descend(root, path.dropLast())
        let name = path.joined(separator: ".")
        guard let key = path.last else { throw fail("empty table name") }
        let node = TOMLNode(line: line, explicitlyDefined: true)
        switch parent.entries[key] {
        case nil:
            parent.set(key, .tableArray([node], line: line))
        case .tableArray(let nodes, let firstLine)?:
            parent.set(key, .tableArray(nodes + [node], line: firstLine))
        case .table?:
            throw fail("[\(name)] is a table; cannot use [[\(name)]]")
        case .value?:
            throw fail("key '\(name)' is a value, not an array of tables")
        }
        return node
    }

    func insert(_ value: TOMLValue, at path: [String], into node: TOMLNode, line: Int, itemLines: [Int]) throws(FileIssue) {
        let parent = try descend(node, path.dropLast())
        guard let key = path.last else { throw fail("empty key") }
        guard parent.entries[key] == nil else {
            throw FileIssue(file: file, line: line, message: "duplicate key '\(path.joined(separator: "."))'")
        }
        parent.set(key, .value(value, line: line, itemLines: itemLines))
    }

    // MARK: Keys

    mutating func parseKey() throws(FileIssue) -> [String] {
        var parts: [String] = []
        while true {
            guard parts.count < TOMLParser.maximumDepth else { throw fail("key has more than \(TOMLParser.maximumDepth) dotted parts") }
            parts.append(try parseSimpleKey())
            skipSpaces()
            guard peek == "." else { return parts }
            index += 1
            skipSpaces()
        }
    }

    mutating func parseSimpleKey() throws(FileIssue) -> String {
        if peek == "\"" { return try parseBasicString() }
        if peek == "'" { return try parseLiteralString() }
        var key = ""
        while let c = peek, isBareKeyCharacter(c) {
            key.unicodeScalars.append(c)
            index += 1
        }
        guard !key.isEmpty else {
            throw fail(peek.map { "unexpected '\($0)' where a key was expected" } ?? "a key was expected")
        }
        return key
    }

    func isBareKeyCharacter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
    }

    // MARK: Values

    /// A value, and for an array the line of each of its items. `depth` counts the arrays
    /// and inline tables around it.
    mutating func parseValue(depth: Int) throws(FileIssue) -> (TOMLValue, itemLines: [Int]) {
        guard let c = peek else { throw fail("a value was expected") }
        guard depth <= TOMLParser.maximumDepth else { throw fail("values nest more than \(TOMLParser.maximumDepth) deep") }
        switch c {
        case "\"": return (.string(try parseBasicString()), [])
        case "'": return (.string(try parseLiteralString()), [])
        case "[": return try parseArray(depth: depth)
        case "{": return (try parseInlineTable(depth: depth), [])
        default: return (try parseScalarToken(), [])
        }
    }

    mutating func parseBasicString() throws(FileIssue) -> String {
        if peek(1) == "\"" && peek(2) == "\"" { throw fail("multi-line strings are not supported") }
        index += 1
        var out = ""
        while true {
            guard let c = peek, c != "\n" else { throw fail("unterminated string") }
            index += 1
            if c == "\"" { return out }
            if c == "\\" {
                guard let e = peek else { throw fail("unterminated string") }
                index += 1
                switch e {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "b": out.unicodeScalars.append("\u{8}")
                case "f": out.unicodeScalars.append("\u{C}")
                case "u", "U":
                    let length = e == "u" ? 4 : 8
                    var hex = ""
                    for _ in 0..<length {
                        guard let h = peek else { throw fail("unterminated \\\(e) escape") }
                        hex.unicodeScalars.append(h)
                        index += 1
                    }
                    guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                        throw fail("invalid escape \\\(e)\(hex)")
                    }
                    out.unicodeScalars.append(scalar)
                default:
                    throw fail("invalid escape '\\\(e)' in string")
                }
            } else {
                out.unicodeScalars.append(c)
            }
        }
    }

    mutating func parseLiteralString() throws(FileIssue) -> String {
        if peek(1) == "'" && peek(2) == "'" { throw fail("multi-line strings are not supported") }
        index += 1
        var out = ""
        while true {
            guard let c = peek, c != "\n" else { throw fail("unterminated string") }
            index += 1
            if c == "'" { return out }
            out.unicodeScalars.append(c)
        }
    }

    mutating func parseArray(depth: Int) throws(FileIssue) -> (TOMLValue, itemLines: [Int]) {
        let openingLine = line
        index += 1
        var items: [TOMLValue] = []
        var lines: [Int] = []
        let unclosed = FileIssue(file: file, line: openingLine, message: "the array opened on this line is never closed with ']'")
        while true {
            skipBlank()
            guard peek != nil else { throw unclosed }
            if peek == "]" {
                index += 1
                return (.array(items), lines)
            }
            lines.append(line)
            items.append(try parseValue(depth: depth + 1).0)
            skipBlank()
            guard peek != nil else { throw unclosed }
            if peek == "," {
                index += 1
            } else if peek == "]" {
                index += 1
                return (.array(items), lines)
            } else {
                throw fail("expected ',' or ']' in array")
            }
        }
    }

    mutating func parseInlineTable(depth: Int) throws(FileIssue) -> TOMLValue {
        let node = TOMLNode(line: line, explicitlyDefined: true)
        index += 1
        skipSpaces()
        if peek == "}" {
            index += 1
            return .table(node.freeze(file: file))
        }
        while true {
            skipSpaces()
            let path = try parseKey()
            skipSpaces()
            try expect("=", "'=' in inline table")
            skipSpaces()
            let keyLine = line
            let (value, itemLines) = try parseValue(depth: depth + 1)
            try insert(value, at: path, into: node, line: keyLine, itemLines: itemLines)
            skipSpaces()
            if peek == "," {
                index += 1
            } else if peek == "}" {
                index += 1
                return .table(node.freeze(file: file))
            } else {
                throw fail("expected ',' or '}' in inline table (inline tables stay on one line)")
            }
        }
    }

    mutating func parseScalarToken() throws(FileIssue) -> TOMLValue {
        var token = ""
        while let c = peek, isBareKeyCharacter(c) || c == "+" || c == "." || c == ":" {
            token.unicodeScalars.append(c)
            index += 1
        }
        guard !token.isEmpty else {
            throw fail(peek.map { "unexpected '\($0)' where a value was expected" } ?? "a value was expected")
        }
        if token == "true" { return .boolean(true) }
        if token == "false" { return .boolean(false) }
        let chars = Array(token)
        if chars.count == 10, chars[4] == "-", chars[7] == "-",
           chars.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || $0.element.isASCII && $0.element.isNumber }) {
            guard let y = Int(String(chars[0..<4])), let m = Int(String(chars[5..<7])), let d = Int(String(chars[8..<10])),
                  let date = TOMLDate(year: y, month: m, day: d) else {
                throw fail("'\(token)' is not a valid date")
            }
            if peek == " " && peek(1).map({ ("0"..."9").contains($0) }) == true {
                throw fail("date-times are not supported; use a date")
            }
            return .date(date)
        }
        if token.contains(":") || (chars.count > 10 && chars[4] == "-") {
            throw fail("date-times and times are not supported; use a date")
        }
        return try number(token)
    }

    func number(_ token: String) throws(FileIssue) -> TOMLValue {
        let invalid = fail("'\(token)' is not a value (expected a string in quotes, a number, a date or true/false)")
        var body = Substring(token)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        // Underscores only between digits.
        let scalars = Array(body)
        for (i, c) in scalars.enumerated() where c == "_" {
            guard i > 0, i < scalars.count - 1, scalars[i - 1].isNumber, scalars[i + 1].isNumber else { throw invalid }
        }
        let cleaned = token.replacingOccurrences(of: "_", with: "")
        let digits = body.replacingOccurrences(of: "_", with: "")
        guard let first = digits.first, first.isASCII, first.isNumber else { throw invalid }
        let integerPart = digits.prefix { $0.isNumber }
        if integerPart.count > 1 && integerPart.first == "0" { throw fail("'\(token)': leading zeros are not allowed") }
        guard digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-") }) else {
            throw invalid
        }
        if digits.allSatisfy(\.isNumber) {
            guard let value = Int(cleaned) else { throw fail("'\(token)' is too large for an integer") }
            return .integer(value)
        }
        if let dot = digits.firstIndex(of: ".") {
            let after = digits.index(after: dot)
            guard after < digits.endIndex, digits[after].isNumber else { throw invalid }
        }
        guard let value = Double(cleaned), value.isFinite else { throw invalid }
        return .float(value)
    }
}
