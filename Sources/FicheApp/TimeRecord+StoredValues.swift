import FicheDomain

extension TimeRecord {
    /// The entry's columns as text, as the outbox and the audit keep them (`start` `yyyy-mm-dd`,
    /// minutes after midnight): what fills a form to correct it, and what a summary reads.
    var storedValues: [String: String] {
        var values: [String: String] = ["kind": kind.rawValue, "start": start.iso, "end": end.iso,
                                        "day_part": dayPart.rawValue, "certificate_received": certificateReceived ? "1" : "0"]
        values["type_code"] = typeCode
        values["start_minute"] = startMinute.map(String.init)
        values["end_minute"] = endMinute.map(String.init)
        values["minutes"] = minutes.map(String.init)
        return values
    }
}
