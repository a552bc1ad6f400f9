extension PushResponse {
    /// The JSON document `JSONEncoder` writes for this answer, written as bytes.
    public var encodedJSON: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + 96 * results.count)
        out.append(contentsOf: #"{"results":["#.utf8)
        for (index, result) in results.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            result.appendJSON(to: &out)
        }
        out.append(UInt8(ascii: "]"))
        JSONBytes.appendMember(UInt8(ascii: ","), "last_mutation_id", lastMutationID, to: &out)
        JSONBytes.appendMember(UInt8(ascii: ","), "checkpoint", checkpoint, to: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }
}
