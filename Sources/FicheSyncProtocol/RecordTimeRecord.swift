import FicheDomain

/// Mutation payload: enter a time record (absence, clocking, lateness or overtime), as the form
/// built it: the domain's kinds, dates and minutes, spelled on the wire as `YYYY-MM-DD` and
/// minutes from midnight.
///
/// `recordAbsence` uses the same payload with `kind` `absence`. The record id is chosen by the
/// client (a UUID) so that the local row and the server row are the same record.
public struct RecordTimeRecord: Codable, Sendable, Hashable {
    public var recordID: String
    public var dossierID: String
    public var kind: TimeRecordKind
    public var typeCode: String?
    public var start: LocalDate
    public var end: LocalDate
    /// Absent means the whole day.
    public var dayPart: DayPart?
    public var startMinute: Int?
    public var endMinute: Int?
    public var minutes: Int?
    public var certificateReceived: Bool?
    /// `draft` (kept by its author) or `submitted` (sent for validation, what the entry forms
    /// do); absent means `draft`. The server refuses any other status.
    public var status: TimeRecordStatus?
    /// A correction: the validated entry this one replaces (or, with `cancellation`, only
    /// cancels). The server books it in the open month when a closed one is touched.
    public var replaces: String?
    /// The correction cancels `replaces` (same days) and counts for nothing itself.
    public var cancellation: Bool?
    /// Why the correction was made, in its author's words.
    public var correctionReason: String?

    public init(recordID: String, dossierID: String, kind: TimeRecordKind = .absence, typeCode: String?,
                start: LocalDate, end: LocalDate, dayPart: DayPart? = nil, startMinute: Int? = nil,
                endMinute: Int? = nil, minutes: Int? = nil, certificateReceived: Bool? = nil,
                status: TimeRecordStatus? = nil, replaces: String? = nil, cancellation: Bool? = nil,
                correctionReason: String? = nil) {
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
        self.replaces = replaces
        self.cancellation = cancellation
        self.correctionReason = correctionReason
    }

    /// The entry of a record as a form made it.
    public init(_ record: TimeRecord) {
        self.init(recordID: record.id, dossierID: record.dossierID, kind: record.kind, typeCode: record.typeCode,
                  start: record.start, end: record.end, dayPart: record.dayPart, startMinute: record.startMinute,
                  endMinute: record.endMinute, minutes: record.minutes, certificateReceived: record.certificateReceived,
                  status: record.status, replaces: record.replacesID, cancellation: record.isCancellation ? true : nil,
                  correctionReason: record.correctionReason)
    }

    /// The record the entry makes at `employerCode`, entered by `userID`.
    public func timeRecord(employerCode: String, enteredBy userID: String) -> TimeRecord {
        TimeRecord(id: recordID, employerCode: employerCode, dossierID: dossierID, kind: kind, typeCode: typeCode,
                   start: start, end: end, dayPart: dayPart ?? .full, startMinute: startMinute, endMinute: endMinute,
                   minutes: minutes, certificateReceived: certificateReceived ?? false, status: status ?? .draft,
                   enteredBy: userID, replacesID: replaces, isCancellation: cancellation ?? false,
                   correctionReason: correctionReason)
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

    /// The texts the entry carries, each at most the server's `maximumFieldLength`
    /// (`Mutation.texts`).
    public var texts: [String?] { [recordID, dossierID, typeCode, replaces, correctionReason] }

    /// Every key an entry can carry on the wire; the served OpenAPI document states each of them.
    public static var wireKeys: [String] { CodingKeys.allCases.map(\.rawValue) }

    enum CodingKeys: String, CodingKey, CaseIterable {
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
        case replaces
        case cancellation
        case correctionReason = "correction_reason"
    }
}

extension RecordTimeRecord {
    /// The columns of a time record as the server stores them and pulls send them, in the order
    /// the replica binds them. A new field of `TimeRecord` is one more column here and a
    /// migration of the replica's schema: the server's stores add the column, its insert and
    /// read-back carry it, pulls send it and the replica keeps it (docs/CODEBASE.md, "A field on
    /// time records").
    public static let columns: [TimeRecordColumn] = [
        .requiredText("id", .identity, \.id),
        .requiredText("employer_code", .identity, \.employerCode),
        .requiredText("dossier_id", .identity, \.dossierID),
        .converted("kind", .identity, \.kind, read: TimeRecordKind.init(rawValue:), write: \.rawValue),
        .text("type_code", .entry, \.typeCode),
        .converted("start_date", replica: "start", .entry, \.start, read: TimeRecordColumn.date, write: \.iso),
        .converted("end_date", replica: "end", .entry, \.end, read: TimeRecordColumn.date, write: \.iso),
        .converted("day_part", .entry, fallback: DayPart.full.rawValue, \.dayPart, read: DayPart.init(rawValue:),
                   write: \.rawValue),
        .integer("start_minute", .entry, \.startMinute),
        .integer("end_minute", .entry, \.endMinute),
        .integer("minutes", .entry, \.minutes),
        .flag("certificate_received", .entry, \.certificateReceived),
        .converted("status", .entry, \.status, read: TimeRecordStatus.init(rawValue:), write: \.rawValue),
        .requiredText("entered_by", .identity, \.enteredBy),
        .text("reviewed_by", .review, \.reviewedBy),
        .text("rejection_reason", .review, \.rejectionReason),
        .optionalConverted("correction_month", .correction, \.correctionMonth, read: TimeRecordColumn.month,
                           write: \.description),
        .text("replaces_id", .correction, \.replacesID),
        .flag("cancellation", replica: "is_cancellation", .correction, \.isCancellation),
        .text("correction_reason", .correction, \.correctionReason),
    ]
}

