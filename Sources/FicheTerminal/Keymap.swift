/// Which action each key runs, per context, falling back to `global`.
///
/// ```swift
/// let keymap = try catalog.keymap(named: "vim")
/// keymap.action(for: .character("j"), in: .list)   // "list.down"
/// keymap.keys(for: "app.quit", in: .list)           // [q, F10, Ctrl+Q]
/// ```
public struct Keymap: Hashable, Sendable {
    public var name: String
    /// For each context, each action's keys in the order the file lists them. An action
    /// listed with no keys (`"none"`) is unbound in that context.
    public var bindings: [KeyContext: [ActionID: [Key]]]

    public init(name: String, bindings: [KeyContext: [ActionID: [Key]]] = [:]) {
        self.name = name
        self.bindings = bindings
    }

    /// The action `key` runs in `context`, else in `global`; nil when the key is free.
    public func action(for key: Key, in context: KeyContext) -> ActionID? {
        if context != .global, let found = lookup(key, in: context) { return found }
        return lookup(key, in: .global)
    }

    /// The keys that run `action` in `context`: the context's own first, then the global ones
    /// the context does not take for something else. The first is the one hints show.
    public func keys(for action: ActionID, in context: KeyContext) -> [Key] {
        var keys = bindings[context]?[action] ?? []
        if context != .global, let global = bindings[.global]?[action] {
            for key in global where !keys.contains(key) && self.action(for: key, in: context) == action {
                keys.append(key)
            }
        }
        return keys
    }

    /// This keymap with `overlay` laid over it: for each action the overlay lists in a
    /// context, its keys replace the base's, and those keys are taken from other actions.
    public func overlaid(with overlay: Keymap) -> Keymap {
        var result = self
        result.name = overlay.name
        for (context, actions) in overlay.bindings {
            var section = result.bindings[context] ?? [:]
            let taken = Set(actions.values.flatMap { $0 })
            for (action, keys) in section where !keys.isEmpty {
                section[action] = keys.filter { !taken.contains($0) }
            }
            for (action, keys) in actions { section[action] = keys }
            result.bindings[context] = section
        }
        return result
    }

    private func lookup(_ key: Key, in context: KeyContext) -> ActionID? {
        guard let section = bindings[context] else { return nil }
        for (action, keys) in section where keys.contains(key) { return action }
        return nil
    }
}
