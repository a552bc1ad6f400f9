/// A table while `TOMLParser` fills it: mutable, shared between the header that opened it
/// and the keys that walk through it, then frozen into a `TOMLTable`.
final class TOMLNode {
    enum Entry {
        case value(TOMLValue, line: Int, itemLines: [Int])
        case table(TOMLNode)
        case tableArray([TOMLNode], line: Int)
    }

    let line: Int
    var explicitlyDefined: Bool
    var order: [String] = []
    var entries: [String: Entry] = [:]

    init(line: Int, explicitlyDefined: Bool) {
        self.line = line
        self.explicitlyDefined = explicitlyDefined
    }

    func set(_ key: String, _ entry: Entry) {
        if entries[key] == nil { order.append(key) }
        entries[key] = entry
    }

    func freeze(file: String) -> TOMLTable {
        var table = TOMLTable(file: file, line: line)
        for key in order {
            guard let entry = entries[key] else { continue }
            switch entry {
            case .value(let value, let line, let itemLines):
                table.set(key, value, line: line, itemLines: itemLines)
            case .table(let node):
                table.set(key, .table(node.freeze(file: file)), line: node.line)
            case .tableArray(let nodes, let line):
                table.set(key, .array(nodes.map { .table($0.freeze(file: file)) }), line: line, itemLines: nodes.map(\.line))
            }
        }
        return table
    }
}
