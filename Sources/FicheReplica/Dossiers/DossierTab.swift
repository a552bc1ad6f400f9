/// A tab of the dossier screen; queue items say which one to open the dossier at.
///
/// Raw values are stable ids (the app maps them to its own tab and translated title).
public enum DossierTab: String, Sendable, Hashable, CaseIterable {
    case identity
    case career
    case timeRecords = "time_records"
    case art60
    case notes
    case history
}
