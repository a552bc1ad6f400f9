/// Where an employment stands.
public enum DossierStatus: String, Codable, Sendable, CaseIterable, Hashable {
    case active
    case suspended
    case left
}
