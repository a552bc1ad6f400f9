/// One action of the registry: its id, the context it belongs to, and how it is described.
public struct ActionDescriptor: Hashable, Sendable {
    public var id: ActionID
    /// The context whose keymap section normally binds it.
    public var context: KeyContext
    /// Key of the translated label in the application's string tables (`action.list.open`).
    public var descriptionKey: String
    /// The English description used in docs/keybindings.md and `--check-config`.
    public var summary: String
    /// Deletes or rejects something: never on a bare Ctrl+letter, and always confirmed.
    public var isDestructive: Bool

    public init(_ id: ActionID, context: KeyContext, summary: String, isDestructive: Bool = false) {
        self.id = id
        self.context = context
        self.descriptionKey = "action." + id.rawValue
        self.summary = summary
        self.isDestructive = isDestructive
    }
}
