/// The orders the validation queue pages in, each by keyset on an index.
public enum ValidationQueueOrder: String, CaseIterable, Hashable, Sendable {
    /// The oldest start date first (the longest waiting): `time_record_open_by_start` forwards.
    case oldest
    /// The latest start date first: the same index backwards.
    case newest
    /// By dossier number, then start date: `dossier_list_by_number`, then each dossier's records.
    case dossier
}
