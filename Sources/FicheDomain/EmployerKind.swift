/// The two kinds of local employers Fiche serves.
public enum EmployerKind: String, Codable, Sendable, CaseIterable, Hashable {
    /// Administration communale / gemeentebestuur.
    case commune
    /// CPAS / OCMW, the only employer under article 60 §7.
    case cpas
}
