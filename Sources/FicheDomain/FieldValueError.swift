/// A value a dossier field cannot take (an empty name, an unknown status…), with a stable `code`
/// the app translates and the server answers with.
public struct FieldValueError: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: DossierField
    public var value: String?
    /// `field.required`, `language.unknown`, `dossier.status_unknown` or `field.not_on_device`.
    public var code: String

    public init(field: DossierField, value: String?, code: String) {
        self.field = field
        self.value = value
        self.code = code
    }

    public var description: String { "\(field.rawValue): \(code)" }
}
