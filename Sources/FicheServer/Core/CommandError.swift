/// An administration command that cannot be carried out; its message is one line for the operator.
public struct CommandError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ message: String) {
        self.description = message
    }
}
