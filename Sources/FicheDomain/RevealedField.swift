
/// An identifier shown masked in lists that a clerk may ask to see in full (the read is audited).
public enum RevealedField: String, Codable, CaseIterable, Hashable, Sendable {
    case niss
    case iban

    /// The permission needed to see it in full.
    public var permission: Permission {
        switch self {
        case .niss: return .viewFullNISS
        case .iban: return .viewIBAN
        }
    }
}
