/// One entry of the key-hint bar: the key to press and what it does ("F10", "Quitter").
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var label: String

    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }
}
