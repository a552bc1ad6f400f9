/// The orders the dossier list offers. Each pages on its own index of `dossier_list`.
public enum DossierSortOrder: String, CaseIterable, Hashable, Sendable {
    /// Last name, first name (accents and case ignored).
    case name
    /// Dossier number, e.g. AC-000123.
    case number
    /// Employer, then name.
    case employer
    /// Payroll clerk, then name.
    case clerk
    /// Staff category, then name.
    case category
    /// Status (active, ended, suspended…), then name.
    case status

    /// The keyset columns, most significant first; `id` always breaks ties.
    var keyColumns: [String] {
        switch self {
        case .name: return ["sort_name", "id"]
        case .number: return ["number", "id"]
        case .employer: return ["employer_code", "sort_name", "id"]
        case .clerk: return ["clerk_sort", "sort_name", "id"]
        case .category: return ["category", "sort_name", "id"]
        case .status: return ["status", "sort_name", "id"]
        }
    }
}
