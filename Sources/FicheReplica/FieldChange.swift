/// One field of a local change: the value before and after, as the outbox and the audit keep it.
public struct FieldChange: Hashable, Sendable {
    /// The value before the change (`nil` for a new row or an empty field).
    public var old: String?
    /// The value after the change (`nil` when the field is emptied).
    public var new: String?

    public init(old: String?, new: String?) {
        self.old = old
        self.new = new
    }
}
