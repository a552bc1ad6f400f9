/// The absence types an employer uses, looked up by code.
public struct AbsenceCatalogue: Hashable, Sendable, Codable {
    public private(set) var types: [AbsenceType]

    public init(types: [AbsenceType]) {
        self.types = types
    }

    /// The type with `code`, or `nil`.
    public func type(_ code: String) -> AbsenceType? {
        types.first { $0.code == code }
    }

    /// The type with `code`.
    ///
    /// - Throws: `RuleViolation.absenceTypeUnknown`.
    public func require(_ code: String) throws(RuleViolation) -> AbsenceType {
        guard let type = type(code) else { throw .absenceTypeUnknown(code: code) }
        return type
    }

    /// The codes, in catalogue order.
    public var codes: [String] { types.map(\.code) }
}
