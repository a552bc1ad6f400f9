import FicheDomain

/// A reviewer's decision as a payload spells it: `"decision": "approve"`, or `"decision":
/// "reject"` with `"reason"` beside it (time records, IBAN changes).
extension ReviewDecision {
    static func decode<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, decision: Key, reason: Key) throws -> ReviewDecision {
        switch try container.decode(String.self, forKey: decision) {
        case "approve": return .approve
        case "reject": return .reject(reason: try container.decodeIfPresent(String.self, forKey: reason) ?? "")
        case let other:
            throw DecodingError.dataCorruptedError(forKey: decision, in: container,
                                                   debugDescription: "unknown decision '\(other)' (approve or reject)")
        }
    }

    func encode<Key: CodingKey>(into container: inout KeyedEncodingContainer<Key>, decision: Key, reason: Key) throws {
        switch self {
        case .approve:
            try container.encode("approve", forKey: decision)
        case .reject(let text):
            try container.encode("reject", forKey: decision)
            try container.encode(text, forKey: reason)
        }
    }
}
