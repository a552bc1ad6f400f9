/// One field's change as the client saw it: the value it started from and the value it wants.
///
/// The server applies the change when its current value equals `old`, treats it as done when
/// it already equals `new`, and answers `conflict` otherwise. `nil` means "empty".
public struct FieldChange: Codable, Sendable, Hashable {
    public var old: String?
    public var new: String?

    public init(old: String?, new: String?) {
        self.old = old
        self.new = new
    }
}
