import FicheTOML
import Foundation

/// Every keymap Fiche can use: the shipped ones overlaid by the user's, with `base`
/// inheritance resolved, and every problem found on the way (file and line).
///
/// A keymap file has one section per context; each entry is an action id and its keys:
///
/// ```toml
/// name = "vim"
/// base = "default"
/// [list]
/// "list.down" = ["j", "Down"]
/// "record.delete" = "none"      # unbound in lists
/// ```
public struct KeymapCatalog: Sendable {
    /// Keymap names, sorted.
    public let names: [String]
    /// Every mistake in every file, with file and line.
    public let issues: [FileIssue]
    private let keymaps: [String: Keymap]

    public init(locations: ConfigLocations, registry: ActionRegistry = .standard) {
        var issues: [FileIssue] = []
        var layers: [String: [(map: Keymap, base: String?, file: ConfigLocations.File)]] = [:]
        for (name, files) in locations.files(shippedFolder: "Keymaps", userFolder: "keymaps", issues: &issues) {
            for file in files {
                do {
                    let table = try TOMLReader.parse(contentsOf: file.url, file: file.label)
                    let (map, base) = KeymapCatalog.read(table, name: name, registry: registry, issues: &issues)
                    layers[name, default: []].append((map, base, file))
                } catch {
                    issues.append(error)
                }
            }
        }
        // A user file named like a shipped keymap overlays it unless it names its own base.
        var raw: [String: (map: Keymap, base: String?, file: ConfigLocations.File)] = [:]
        for (name, stack) in layers {
            guard var top = stack.first else { continue }
            for layer in stack.dropFirst() {
                top = layer.base == nil ? (top.map.overlaid(with: layer.map), top.base, layer.file) : layer
            }
            raw[name] = top
        }
        var resolved: [String: Keymap] = [:]
        func resolve(_ name: String, chain: [String]) -> Keymap? {
            if let done = resolved[name] { return done }
            guard let entry = raw[name] else { return nil }
            guard let base = entry.base else {
                resolved[name] = entry.map
                return entry.map
            }
            if chain.contains(base) || base == name {
                issues.append(FileIssue(file: entry.file.label, line: 0,
                                          message: "base keymaps form a loop: \((chain + [name, base]).joined(separator: " → "))"))
                return nil
            }
            guard raw[base] != nil else {
                issues.append(FileIssue(file: entry.file.label, line: 0, message: "base keymap \"\(base)\" does not exist"))
                return nil
            }
            guard let parent = resolve(base, chain: chain + [name]) else { return nil }
            let merged = parent.overlaid(with: entry.map)
            resolved[name] = merged
            return merged
        }
        for name in raw.keys.sorted() { _ = resolve(name, chain: []) }
        self.keymaps = resolved
        self.names = resolved.keys.sorted()
        self.issues = issues.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    /// The keymap `name` with everything it inherits.
    /// - Throws: a `FileIssue` naming the keymaps that exist when `name` is not one of them.
    public func keymap(named name: String) throws(FileIssue) -> Keymap {
        guard let keymap = keymaps[name] else {
            throw FileIssue(file: "--keymap", line: 0,
                              message: "no keymap named \"\(name)\" (available: \(names.joined(separator: ", ")))")
        }
        return keymap
    }

    /// Reads one parsed keymap file; problems go to `issues` with their line.
    /// - Returns: the bindings the file itself makes, and the base it names.
    public static func read(_ file: TOMLTable, name: String, registry: ActionRegistry,
                            issues: inout [FileIssue]) -> (Keymap, String?) {
        var keymap = Keymap(name: name)
        var base: String?
        let contexts = Set(KeyContext.all.map(\.rawValue))
        func report(_ line: Int, _ message: String) {
            issues.append(FileIssue(file: file.file, line: line, message: message))
        }
        for key in file.keys {
            guard let value = file[key] else { continue }
            switch (key, value) {
            case ("name", _), ("description", _):
                continue
            case ("base", .string(let text)):
                base = text
            case ("base", _):
                report(file.line(of: "base"), "base must be a keymap name")
            case (let section, .table(let table)) where contexts.contains(section):
                let context = KeyContext(section)
                var owner: [Key: ActionID] = [:]
                var bound: [ActionID: [Key]] = [:]
                // In the order written, so that of two actions claiming a key the first one keeps it.
                let written = flatten(table, prefix: "").sorted { $0.table.line(of: $0.tableKey) < $1.table.line(of: $1.tableKey) }
                for (actionName, value, inTable, tableKey) in written {
                    let action = ActionID(actionName)
                    let line = inTable.line(of: tableKey)
                    guard let descriptor = registry.descriptor(for: action) else {
                        report(line, "unknown action \"\(actionName)\" in [\(section)]")
                        continue
                    }
                    let names: [String]
                    switch value {
                    case .string(let text): names = [text]
                    case .array(let items) where items.allSatisfy({ $0.string != nil }): names = items.compactMap(\.string)
                    default:
                        report(line, "keys of \(actionName) must be a list of key names, like [\"F2\", \"Ctrl+S\"], or \"none\"")
                        continue
                    }
                    var keys: [Key] = []
                    for (index, keyName) in names.enumerated() where keyName.lowercased() != "none" {
                        let line = inTable.line(of: tableKey, item: index)
                        guard let key = Key(name: keyName) else {
                            report(line, "unknown key \"\(keyName)\" for \(actionName)")
                            continue
                        }
                        if descriptor.isDestructive, case .control = key {
                            report(line, "\(actionName) deletes or rejects: it may not be on a bare Ctrl+letter (\(key.name))")
                            continue
                        }
                        if let other = owner[key], other != action {
                            report(line, "\(key.name) is bound to both \(other) and \(actionName) in [\(section)]")
                            continue
                        }
                        owner[key] = action
                        if !keys.contains(key) { keys.append(key) }
                    }
                    bound[action] = keys
                }
                keymap.bindings[context] = bound
            case (let other, _):
                report(file.line(of: other),
                       "unknown section or setting \"\(other)\" (contexts: \(KeyContext.all.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        return (keymap, base)
    }

    /// Action ids may be written `"list.open" = […]`, `list.open = […]` or as nested tables;
    /// all give "list.open", with the table and key it is written as (for its lines).
    private static func flatten(_ table: TOMLTable, prefix: String) -> [(name: String, value: TOMLValue, table: TOMLTable, tableKey: String)] {
        var result: [(name: String, value: TOMLValue, table: TOMLTable, tableKey: String)] = []
        for key in table.keys {
            guard let value = table[key] else { continue }
            let name = prefix.isEmpty ? key : prefix + "." + key
            if let inner = value.table {
                result += flatten(inner, prefix: name)
            } else {
                result.append((name, value, table, key))
            }
        }
        return result
    }
}
