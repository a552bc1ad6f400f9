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
        out.append(contentsOf: #"{"mutation_id":"#.utf8)
        out.append(contentsOf: String(mutationID).utf8)
        out.append(contentsOf: #","uuid":"#.utf8)
        JSONBytes.appendString(uuid, to: &out)
        out.append(contentsOf: #","status":"#.utf8)
        JSONBytes.appendString(status.rawValue, to: &out)
        if let reason {
            out.append(contentsOf: #","reason":"#.utf8)
            JSONBytes.appendString(reason, to: &out)
        }
        if let serverValue {
            out.append(contentsOf: #","server_value":"#.utf8)
            JSONBytes.appendString(serverValue, to: &out)
        }
        if let seq {
            out.append(contentsOf: #","seq":"#.utf8)
            out.append(contentsOf: String(seq).utf8)
        }
        out.append(UInt8(ascii: "}"))
    }
}
