/// The JSON of an empty `PullResponse` (no change, no result), written without `JSONEncoder`:
/// the answer a device at the head gets, the server's most frequent.
extension PullResponse {
    /// The page as UTF-8 JSON when it holds no change and no result, else nil (use `JSONEncoder`).
    public func encodedEmptyJSON() -> [UInt8]? {
        guard changes.isEmpty && results.isEmpty else { return nil }
        return Array(#"{"changes":[],"cursor":\#(cursor),"has_more":\#(hasMore),"last_mutation_id":\#(lastMutationID),"results":[]}"#.utf8)
    }
}
