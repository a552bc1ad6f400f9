/// A value a field cannot take (an empty name, an unknown status…).
public struct FieldValueError: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: DossierField
    public var value: String?
    public var reason: String

    public init(field: DossierField, value: String?, reason: String) {
        self.field = field
        self.value = value
        self.reason = reason
    }

    public var description: String { "\(field.rawValue): \(reason)" }
}
