/// The tabs of a dossier, in the order Tab walks them.
public enum DossierTab: String, CaseIterable, Sendable {
    case identity
    case career
    case timeRecords
    case art60
    case history
}
