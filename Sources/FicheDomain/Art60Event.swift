/// One dated entry in an article 60 worker's follow-up log.
public struct Art60Event: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var contractID: String
    public var date: LocalDate
    public var kind: Art60EventKind
    /// The placement concerned, if any.
    public var placementID: String?
    /// Free text by the officer: facts only, never health details.
    public var note: String
    /// User id of who recorded it.
    public var recordedBy: String

    public init(id: String, contractID: String, date: LocalDate, kind: Art60EventKind, placementID: String? = nil,
                note: String = "", recordedBy: String) {
        self.id = id
        self.contractID = contractID
        self.date = date
        self.kind = kind
        self.placementID = placementID
        self.note = note
        self.recordedBy = recordedBy
    }
}
