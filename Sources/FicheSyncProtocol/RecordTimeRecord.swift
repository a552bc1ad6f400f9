import FicheDomain

/// Mutation payload: enter a time record (absence, clocking, lateness or overtime).
///
/// `recordAbsence` uses the same payload with `kind` `absence`. Dates are `YYYY-MM-DD`;
/// minutes count from midnight. The record id is chosen by the client (a UUID) so that the
/// local row and the server row are the same record.
public struct RecordTimeRecord: Codable, Sendable, Hashable {
    public var recordID: String
    public var dossierID: String
    public var kind: String
    public var typeCode: String?
    public var start: String
    public var end: String
    /// `full`, `morning` or `afternoon`.
    public var dayPart: String?
    public var startMinute: Int?
    public var endMinute: Int?
    public var minutes: Int?
    public var certificateReceived: Bool?
    /// `draft` (kept by its author) or `submitted` (sent for validation, what the entry forms
    /// do); absent means `draft`.
    public var status: String?

    public init(recordID: String, dossierID: String, kind: String = "absence", typeCode: String?, start: String,
                end: String, dayPart: String? = nil, startMinute: Int? = nil, endMinute: Int? = nil,
                minutes: Int? = nil, certificateReceived: Bool? = nil, status: String? = nil) {
        self.recordID = recordID
        self.dossierID = dossierID
        self.kind = kind
        self.typeCode = typeCode
        self.start = start
        self.end = end
        self.dayPart = dayPart
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.minutes = minutes
        self.certificateReceived = certificateReceived
        self.status = status
    }

    /// Checks the record's numbers against `PushBounds` before anything else is read.
    ///
    /// - Throws: `RuleViolation.timeRangeInvalid` (`time.range`).
    public func checkBounds() throws(RuleViolation) {
        for minute in [startMinute, endMinute].compactMap({ $0 }) where !PushBounds.minuteOfDay.contains(minute) {
            throw .timeRangeInvalid(startMinute: startMinute ?? -1, endMinute: endMinute ?? -1)
        }
        if let minutes, !PushBounds.minutes.contains(minutes) {
            throw .timeRangeInvalid(startMinute: 0, endMinute: minutes)
        }
    }

    enum CodingKeys: String, CodingKey {
        case recordID = "record_id"
        case dossierID = "dossier_id"
        case kind
        case typeCode = "type"
        case start
        case end
        case dayPart = "day_part"
        case startMinute = "start_minute"
        case endMinute = "end_minute"
        case minutes
        case certificateReceived = "certificate_received"
        case status
    }
}
