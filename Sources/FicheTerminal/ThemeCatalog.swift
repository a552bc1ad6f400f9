import FicheTOML
import Foundation

/// Every theme Fiche can draw with: the shipped ones overlaid by the user's, with `base`
/// inheritance resolved, and every problem found on the way.
///
/// ```swift
/// let catalog = ThemeCatalog(locations: .standard(environment: env))
/// let theme = try catalog.theme(named: "light", depth: .color256)
/// ```
public struct ThemeCatalog: Sendable {
    /// Theme names, sorted.
    public let names: [String]
    /// Every mistake in every file, with file and line.
    public let issues: [FileIssue]
    private let definitions: [String: ThemeDefinition]

    public init(locations: ConfigLocations) {
        var issues: [FileIssue] = []
        var layers: [String: [(ThemeDefinition, ConfigLocations.File)]] = [:]
        for (name, files) in locations.files(shippedFolder: "Themes", userFolder: "themes", issues: &issues) {
            for file in files {
                do {
                    let table = try TOMLReader.parse(contentsOf: file.url, file: file.label)
                    layers[name, default: []].append((ThemeDefinition.read(table, name: name, issues: &issues), file))
                } catch {
                    issues.append(error)
                }
            }
        }
        // A user file named like a shipped theme overlays it.
        var raw: [String: (ThemeDefinition, ConfigLocations.File)] = [:]
        for (name, stack) in layers {
            guard var (merged, file) = stack.first else { continue }
            for (layer, layerFile) in stack.dropFirst() {
                if layer.base == nil {
                    let lowerBase = merged.base
                    merged = layer.inheriting(from: merged)
                    merged.base = lowerBase
                } else {
                    merged = layer
                }
                file = layerFile
            }
            raw[name] = (merged, file)
        }
        var resolved: [String: ThemeDefinition] = [:]
        func resolve(_ name: String, chain: [String]) -> ThemeDefinition? {
            if let done = resolved[name] { return done }
            guard let (definition, file) = raw[name] else { return nil }
            guard let base = definition.base else {
                resolved[name] = definition
                return definition
            }
            if chain.contains(base) {
                issues.append(FileIssue(file: file.label, line: 0,
                                          message: "base themes form a loop: \((chain + [name, base]).joined(separator: " → "))"))
                return nil
            }
            guard raw[base] != nil else {
                issues.append(FileIssue(file: file.label, line: 0, message: "base theme \"\(base)\" does not exist"))
                return nil
            }
            guard let parent = resolve(base, chain: chain + [name]) else { return nil }
            var merged = definition.inheriting(from: parent)
            merged.base = base
            resolved[name] = merged
            return merged
        }
        for name in raw.keys.sorted() { _ = resolve(name, chain: []) }
        self.definitions = resolved
        self.names = resolved.keys.sorted()
        self.issues = issues.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    /// The theme file `name`, with everything it inherits.
    public func definition(named name: String) -> ThemeDefinition? { definitions[name] }

    /// The theme `name` as a terminal of `depth` can show it.
    /// - Throws: a `FileIssue` naming the themes that exist when `name` is not one of them.
    public func theme(named name: String, depth: ColorDepth) throws(FileIssue) -> Theme {
        guard let definition = definitions[name] else {
            throw FileIssue(file: "--theme", line: 0,
                              message: "no theme named \"\(name)\" (available: \(names.joined(separator: ", ")))")
        }
        return definition.theme(for: depth)
    }
}
