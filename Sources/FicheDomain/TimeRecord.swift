import Foundation

/// One entry of time management: an absence, a clocking, a lateness or overtime.
///
/// Stores the type, dates and whether a certificate was received — never a diagnosis or
/// symptom: that is health data Fiche must not hold.
///
/// ```swift
/// var leave = TimeRecord.absence(id: "r1", employerCode: "AC-IXL", dossierID: "d1", type: "annual_leave",
///                                from: monday, to: friday, enteredBy: "u-clerk")
/// leave = try leave.submitted()
/// leave = try leave.validated(by: supervisor, dossierPersonID: "p-42")
/// ```
public struct TimeRecord: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var employerCode: String
    public var dossierID: String
    public var kind: TimeRecordKind
    /// Absence type code from the catalogue (`sick`, `lateness`, `overtime`…); `nil` for clockings.
    public var typeCode: String?
    /// First day covered.
    public var start: LocalDate
    /// Last day covered (same as `start` for single-day records).
    public var end: LocalDate
    /// Part of each day an absence covers (`full` for clockings and hour records).
    public var dayPart: DayPart
    /// Start time in minutes after midnight, for clockings and hour-based absences.
    public var startMinute: Int?
    /// End time in minutes after midnight, for clockings and hour-based absences.
    public var endMinute: Int?
    /// Duration in minutes, for lateness and overtime.
    public var minutes: Int?
    /// Whether the medical certificate has been received (absence types that need one).
    public var certificateReceived: Bool
    public var status: TimeRecordStatus
    /// User id of the person who entered the record.
    public var enteredBy: String
    /// User id of the person who validated or rejected it.
    public var reviewedBy: String?
    /// Why it was rejected (required on rejection).
    public var rejectionReason: String?
    /// Payroll month the record is booked in when its own month is closed (a correction).
    public var correctionMonth: YearMonth?
    /// The validated entry this one corrects: once this one is validated, that one is cancelled.
    public var replacesID: String?
    /// A correction that only cancels the entry it replaces (same days): it never counts itself.
    public var isCancellation: Bool
    /// Why a correction was made, in its author's words: the payroll officer answers for every
    /// change to a month already paid. Nil for an entry that corrects nothing.
    public var correctionReason: String?

    public init(id: String, employerCode: String, dossierID: String, kind: TimeRecordKind, typeCode: String?,
                start: LocalDate, end: LocalDate, dayPart: DayPart = .full, startMinute: Int? = nil,
                endMinute: Int? = nil, minutes: Int? = nil, certificateReceived: Bool = false,
                status: TimeRecordStatus = .draft, enteredBy: String, reviewedBy: String? = nil,
                rejectionReason: String? = nil, correctionMonth: YearMonth? = nil, replacesID: String? = nil,
                isCancellation: Bool = false, correctionReason: String? = nil) {
        self.id = id
        self.employerCode = employerCode
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
        self.enteredBy = enteredBy
        self.reviewedBy = reviewedBy
        self.rejectionReason = rejectionReason
        self.correctionMonth = correctionMonth
        self.replacesID = replacesID
        self.isCancellation = isCancellation
        self.correctionReason = correctionReason
    }

    /// An absence over whole days (or one half day when `part` is not `.full`).
    public static func absence(id: String, employerCode: String, dossierID: String, type: String,
                               from start: LocalDate, to end: LocalDate, part: DayPart = .full,
                               certificateReceived: Bool = false, enteredBy: String) -> TimeRecord {
        TimeRecord(id: id, employerCode: employerCode, dossierID: dossierID, kind: .absence, typeCode: type,
                   start: start, end: end, dayPart: part, certificateReceived: certificateReceived,
                   enteredBy: enteredBy)
    }

    /// An absence of some hours within one day (`startMinute..<endMinute`).
    public static func hourAbsence(id: String, employerCode: String, dossierID: String, type: String,
                                   on date: LocalDate, fromMinute: Int, toMinute: Int, enteredBy: String) -> TimeRecord {
        TimeRecord(id: id, employerCode: employerCode, dossierID: dossierID, kind: .absence, typeCode: type,
                   start: date, end: date, startMinute: fromMinute, endMinute: toMinute, enteredBy: enteredBy)
    }

    /// A clocking: in at `inMinute`, out at `outMinute` (minutes after midnight).
    public static func clocking(id: String, employerCode: String, dossierID: String, on date: LocalDate,
                                inMinute: Int, outMinute: Int, enteredBy: String) -> TimeRecord {
        TimeRecord(id: id, employerCode: employerCode, dossierID: dossierID, kind: .clocking, typeCode: nil,
                   start: date, end: date, startMinute: inMinute, endMinute: outMinute, enteredBy: enteredBy)
    }

    /// A lateness of `minutes` on `date`.
    public static func lateness(id: String, employerCode: String, dossierID: String, on date: LocalDate,
                                minutes: Int, enteredBy: String) -> TimeRecord {
        TimeRecord(id: id, employerCode: employerCode, dossierID: dossierID, kind: .lateness, typeCode: "lateness",
                   start: date, end: date, minutes: minutes, enteredBy: enteredBy)
    }

    /// Overtime of `minutes` on `date`.
    public static func overtime(id: String, employerCode: String, dossierID: String, on date: LocalDate,
                                minutes: Int, enteredBy: String) -> TimeRecord {
        TimeRecord(id: id, employerCode: employerCode, dossierID: dossierID, kind: .overtime, typeCode: "overtime",
                   start: date, end: date, minutes: minutes, enteredBy: enteredBy)
    }

    /// Whether the record counts: not rejected or cancelled, not a cancellation, and a correction
    /// only once validated (until then the entry it corrects counts).
    public var isActive: Bool { Self.isActive(status: status, isCancellation: isCancellation, replacesID: replacesID) }

    /// `isActive` of an entry with these fields, for readers that do not build the whole entry.
    public static func isActive(status: TimeRecordStatus, isCancellation: Bool, replacesID: String?) -> Bool {
        switch status {
        case .rejected, .cancelled: return false
        case .validated: return !isCancellation
        case .draft, .submitted: return replacesID == nil
        }
    }

    /// Whether this is a correction of a validated entry still waiting for its review.
    public var isPendingCorrection: Bool { replacesID != nil && (status == .draft || status == .submitted) }

    /// Whether the record is an hour-based absence (a time range within one day).
    public var isHourBased: Bool { kind == .absence && startMinute != nil && endMinute != nil }

    /// Every date the record covers.
    public var dates: ClosedRange<LocalDate> { start...max(start, end) }

    /// Minutes of the day covered on each date (hours for hour-based absences, else the day part).
    var coveredMinutes: Range<Int> {
        if let s = startMinute, let e = endMinute, e > s { return s..<e }
        return dayPart.minuteRange
    }

    /// Minutes in a day: the longest a record may last, and the last minute a time may name.
    public static let minutesPerDay = 1440

    /// Minutes recorded: clocked time, hour-based absence length, or lateness/overtime duration.
    ///
    /// Always within 0…1440, even for a record stored before its values were checked, so that
    /// sums over records (a day, a week, a month) cannot overflow.
    public var durationMinutes: Int {
        if let minutes { return Self.clampedToDay(minutes) }
        if let s = startMinute, let e = endMinute { return max(0, Self.clampedToDay(e) - Self.clampedToDay(s)) }
        return 0
    }

    private static func clampedToDay(_ minutes: Int) -> Int { min(max(minutes, 0), minutesPerDay) }

    /// Checks the numbers and dates a record carries, whatever its kind: dates within
    /// `LocalDate.supportedRange`, times within the day (0…1440, start before end), a duration of
    /// 1…1440 minutes, and for a clocking a duration equal to its end minus its start.
    ///
    /// - Throws: `date.out_of_range`, `time.range` (times or duration), `clocking.minutes`.
    public func checkBounds() throws(RuleViolation) {
        try start.checkSupported()
        try end.checkSupported()
        if startMinute != nil || endMinute != nil || kind == .clocking {
            let s = startMinute ?? -1
            let e = endMinute ?? -1
            guard s >= 0, e <= Self.minutesPerDay, s < e else { throw .timeRangeInvalid(startMinute: s, endMinute: e) }
        }
        if let minutes {
            guard minutes > 0, minutes <= Self.minutesPerDay else { throw .timeRangeInvalid(startMinute: 0, endMinute: minutes) }
            if kind == .clocking, let s = startMinute, let e = endMinute, minutes != e - s {
                throw .clockingMinutesMismatch(minutes: minutes, expected: e - s)
            }
        }
    }

    // MARK: Status machine

    /// The record moved to `status`, if the status machine allows it.
    ///
    /// - Throws: `RuleViolation.statusTransition`.
    public func moved(to status: TimeRecordStatus) throws(RuleViolation) -> TimeRecord {
        guard self.status.canMove(to: status) else { throw .statusTransition(from: self.status, to: status) }
        var copy = self
        copy.status = status
        return copy
    }

    /// Submitted for validation.
    public func submitted() throws(RuleViolation) -> TimeRecord {
        try moved(to: .submitted)
    }

    /// Validated by `reviewer`, under the four-eyes rule.
    ///
    /// - Parameter dossierPersonID: the person the record's dossier belongs to.
    /// - Throws: `.validationOfOwnEntry`, `.validationOfOwnDossier`, `.statusTransition`.
    public func validated(by reviewer: User, dossierPersonID: String) throws(RuleViolation) -> TimeRecord {
        try checkFourEyes(reviewer, dossierPersonID: dossierPersonID)
        var copy = try moved(to: .validated)
        copy.reviewedBy = reviewer.id
        copy.rejectionReason = nil
        return copy
    }

    /// Rejected by `reviewer` with a reason, under the four-eyes rule.
    ///
    /// - Throws: `.rejectionReasonMissing`, `.validationOfOwnEntry`, `.validationOfOwnDossier`, `.statusTransition`.
    public func rejected(by reviewer: User, dossierPersonID: String, reason: String) throws(RuleViolation) -> TimeRecord {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .rejectionReasonMissing }
        try checkFourEyes(reviewer, dossierPersonID: dossierPersonID)
        var copy = try moved(to: .rejected)
        copy.reviewedBy = reviewer.id
        copy.rejectionReason = reason
        return copy
    }

    /// The absence with its medical certificate received on `date` (it arrived after the entry
    /// was saved, even after validation); nil when it was already recorded. The same rule on a
    /// device and on the server.
    ///
    /// - Throws: `.certificateNotAnAbsence`, `.certificateOnRejectedEntry`,
    ///   `.certificateBeforeAbsence`, `.certificateInFuture`.
    public func receivingCertificate(on date: LocalDate, today: LocalDate) throws(RuleViolation) -> TimeRecord? {
        guard kind == .absence else { throw .certificateNotAnAbsence(recordID: id) }
        guard status != .rejected else { throw .certificateOnRejectedEntry(recordID: id) }
        guard date >= start else { throw .certificateBeforeAbsence(received: date, start: start) }
        guard date <= today else { throw .certificateInFuture(received: date, today: today) }
        if certificateReceived { return nil }
        var copy = self
        copy.certificateReceived = true
        return copy
    }

    /// Back to draft for correction (after rejection, or withdrawn before review).
    public func reopened() throws(RuleViolation) -> TimeRecord {
        var copy = try moved(to: .draft)
        copy.reviewedBy = nil
        return copy
    }

    /// The four-eyes rule: no one reviews an entry they entered, or one about their own dossier.
    public func checkFourEyes(_ reviewer: User, dossierPersonID: String) throws(RuleViolation) {
        guard reviewer.id != enteredBy else { throw .validationOfOwnEntry(userID: reviewer.id) }
        if let own = reviewer.personID, own == dossierPersonID {
            throw .validationOfOwnDossier(userID: reviewer.id)
        }
    }
}
