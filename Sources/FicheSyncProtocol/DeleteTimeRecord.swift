/// Mutation payload: the author withdraws an entry not yet validated (a draft, a submitted or a
/// rejected one). `TimeRecord.checkChangeable`, the same rule on both sides; the server keeps the
/// row as deleted and every device drops it.
public struct DeleteTimeRecord: Codable, Sendable, Hashable {
    public var recordID: String

    public init(recordID: String) {
        self.recordID = recordID
    }

    enum CodingKeys: String, CodingKey {
        case recordID = "record_id"
    }
}
