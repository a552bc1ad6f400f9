/// What a refused entry held, to open its form again filled in: the stored columns as they were
/// typed (`type_code`, `start`, `start_minute`…) and the refused change the new entry corrects.
public struct RecordPrefill: Hashable, Sendable {
    /// Column → value as the outbox kept it (dates `yyyy-mm-dd`, minutes after midnight).
    public var values: [String: String]
    /// The local id of the refused change; it leaves the conflicts list once the new entry is saved.
    public var correcting: Int64

    public init(values: [String: String], correcting: Int64) {
        self.values = values
        self.correcting = correcting
    }
}
