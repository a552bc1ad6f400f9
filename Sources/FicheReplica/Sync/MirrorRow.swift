/// A server row as sync delivers it: the value, its owning employer and its version.
public struct MirrorRow<Value: Sendable>: Sendable {
    public var value: Value
    public var employerCode: String
    public var version: Int64

    public init(_ value: Value, employerCode: String, version: Int64) {
        self.value = value
        self.employerCode = employerCode
        self.version = version
    }
}
