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
    public let issues: [ConfigIssue]
    private let keymaps: [String: Keymap]

    public init(locations: ConfigLocations, registry: ActionRegistry = .standard) {
        var issues: [ConfigIssue] = []
        var layers: [String: [(map: Keymap, base: String?, file: ConfigLocations.File)]] = [:]
        for (name, files) in locations.files(shippedFolder: "Keymaps", userFolder: "keymaps") {
            for file in files {
                do {
                    let document = try ConfigDocument(contentsOf: file.url, file: file.label)
                    let (map, base) = KeymapCatalog.read(document, name: name, registry: registry, issues: &issues)
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
                issues.append(ConfigIssue(file: entry.file.label, line: 0,
                                          message: "base keymaps form a loop: \((chain + [name, base]).joined(separator: " → "))"))
                return nil
            }
            guard raw[base] != nil else {
                issues.append(ConfigIssue(file: entry.file.label, line: 0, message: "base keymap \"\(base)\" does not exist"))
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
    /// - Throws: a `ConfigIssue` naming the keymaps that exist when `name` is not one of them.
    public func keymap(named name: String) throws(ConfigIssue) -> Keymap {
        guard let keymap = keymaps[name] else {
            throw ConfigIssue(file: "--keymap", line: 0,
                              message: "no keymap named \"\(name)\" (available: \(names.joined(separator: ", ")))")
        }
        return keymap
    }

    /// Reads one keymap file; problems go to `issues` with their line.
    /// - Returns: the bindings the file itself makes, and the base it names.
    public static func read(_ document: ConfigDocument, name: String, registry: ActionRegistry,
                            issues: inout [ConfigIssue]) -> (Keymap, String?) {
        var keymap = Keymap(name: name)
        var base: String?
        let contexts = Set(KeyContext.all.map(\.rawValue))
        func report(_ line: Int, _ message: String) {
            issues.append(ConfigIssue(file: document.file, line: line, message: message))
        }
        for entry in document.root.entries ?? [] {
            switch (entry.key, entry.value) {
            case ("name", _), ("description", _):
                continue
            case ("base", .string(let text)):
                base = text
            case ("base", _):
                report(document.line(ofKey: "base"), "base must be a keymap name")
            case (let section, .table(let entries)) where contexts.contains(section):
                let context = KeyContext(section)
                var owner: [Key: ActionID] = [:]
                var bound: [ActionID: [Key]] = [:]
                let written = flatten(entries, prefix: "").map { (name: $0.0, value: $0.1, line: document.line(ofKey: $0.0, inSection: section)) }
                for (actionName, value, line) in written.sorted(by: { $0.line < $1.line }) {
                    let action = ActionID(actionName)
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
                    for keyName in names where keyName.lowercased() != "none" {
                        let keyLine = document.line(ofValue: keyName, afterKey: actionName, inSection: section)
                        guard let key = Key(name: keyName) else {
                            report(keyLine, "unknown key \"\(keyName)\" for \(actionName)")
                            continue
                        }
                        if descriptor.isDestructive, case .control = key {
                            report(keyLine, "\(actionName) deletes or rejects: it may not be on a bare Ctrl+letter (\(key.name))")
                            continue
                        }
                        if let other = owner[key], other != action {
                            report(keyLine, "\(key.name) is bound to both \(other) and \(actionName) in [\(section)]")
                            continue
                        }
                        owner[key] = action
                        if !keys.contains(key) { keys.append(key) }
                    }
                    bound[action] = keys
                }
                keymap.bindings[context] = bound
            case (let other, _):
                report(document.line(ofKey: other) == 0 ? document.line(ofKey: "", inSection: other) : document.line(ofKey: other),
                       "unknown section or setting \"\(other)\" (contexts: \(KeyContext.all.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        return (keymap, base)
    }

    /// Action ids may be written `"list.open" = […]` or as nested tables; both give "list.open".
    private static func flatten(_ entries: [(key: String, value: ConfigValue)], prefix: String) -> [(String, ConfigValue)] {
        var result: [(String, ConfigValue)] = []
        for entry in entries {
            let name = prefix.isEmpty ? entry.key : prefix + "." + entry.key
            if let inner = entry.value.entries { result += flatten(inner, prefix: name) } else { result.append((name, entry.value)) }
        }
        return result
    }
}
