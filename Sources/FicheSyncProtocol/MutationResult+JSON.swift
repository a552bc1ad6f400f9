extension MutationResult {
    /// The JSON document `JSONEncoder` writes for this result (absent fields left out), written
    /// as bytes: a push stores one per mutation and answers with all of them.
    public var encodedJSON: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(96)
        appendJSON(to: &out)
        return out
    }

    func appendJSON(to out: inout [UInt8]) {
        let comma = UInt8(ascii: ",")
        JSONBytes.appendMember(UInt8(ascii: "{"), "mutation_id", mutationID, to: &out)
        JSONBytes.appendMember(comma, "uuid", uuid, to: &out)
        JSONBytes.appendMember(comma, "status", status.rawValue, to: &out)
        if let reason { JSONBytes.appendMember(comma, "reason", reason, to: &out) }
        if let serverValue { JSONBytes.appendMember(comma, "server_value", serverValue, to: &out) }
        if let seq { JSONBytes.appendMember(comma, "seq", seq, to: &out) }
        out.append(UInt8(ascii: "}"))
    }
}
