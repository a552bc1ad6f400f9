import FicheDomain

/// Mutation payload: the medical certificate of an absence arrived on `receivedOn`, after the
/// absence was entered (`TimeRecord.receivingCertificate`, the same rule on both sides).
public struct RecordCertificate: Codable, Sendable, Hashable {
    public var recordID: String
    public var receivedOn: LocalDate

    public init(recordID: String, receivedOn: LocalDate) {
        self.recordID = recordID
        self.receivedOn = receivedOn
    }

    enum CodingKeys: String, CodingKey {
        case recordID = "record_id"
        case receivedOn = "received_on"
    }
}
