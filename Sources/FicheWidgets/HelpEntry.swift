import FicheTerminal

/// One line of the help overlay or the command palette: an action, its keys, and its words.
public struct HelpEntry: Hashable, Sendable {
    public var action: ActionID
    /// The keys, as the hint bar writes them (`F3 /`).
    public var keys: String
    public var label: String

    public init(action: ActionID, keys: String, label: String) {
        self.action = action
        self.keys = keys
        self.label = label
    }

    /// Every action of `registry` usable in `context`, with its keys in `keymap` (actions of
    /// other contexts are left out; actions without keys are kept, with no key, for the palette).
    public static func entries(registry: ActionRegistry, keymap: Keymap, context: KeyContext,
                               label: (ActionDescriptor) -> String) -> [HelpEntry] {
        registry.actions.filter {
            $0.context == context || $0.context == .global || keymap.bindings[context]?[$0.id] != nil
        }.map { descriptor in
            let keys = keymap.keys(for: descriptor.id, in: context).map(\.label).joined(separator: " ")
            return HelpEntry(action: descriptor.id, keys: keys, label: label(descriptor))
        }
    }
}
