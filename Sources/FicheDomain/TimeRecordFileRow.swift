/// The entry one row of a time-record file describes, read from its cells the same way by
/// `fiche import time-records` (the replica) and `fiche-server import time-records` (history).
///
/// Columns `dossier_number,type,from,to,unit,hours,certificate` (the caller finds the dossier);
/// `type` is an absence code of the catalogue, dates are DD/MM/YYYY (also D/M/YYYY) or
/// YYYY-MM-DD, `unit` is day (when empty), half_day or hour (`hours` then says how many, `7,6`
/// or `7.6`), `certificate` yes/no in any of 1/0, true/false, oui/non, ja/nee (empty: no).
/// A clocking, as badge readers write it, has `type` `clocking` (any case), `from` and `to` a
/// day and a time (`2027-01-04 08:00`, `04/01/2027 8:00`, `2027-01-04T08:00`) on the same day,
/// and `unit` hour or empty. Cells come trimmed, keyed by lower-case column name.
///
/// ```swift
/// switch TimeRecordFileRow.read(values) {
/// case .success(let row): row.record(id: id, employerCode: "AC-IXL", dossierID: "d1", status: .submitted, enteredBy: "u1")
/// case .failure(let failure): failure.issues   // [TimeRecordCellIssue(column: "from", problem: .empty)], in column order
/// }
/// ```
public enum TimeRecordFileRow: Hashable, Sendable {
    /// An absence over whole days, a half day, or some hours of one day.
    case absence(type: String, start: LocalDate, end: LocalDate, unit: AbsenceUnit, minutes: Int?, certificateReceived: Bool)
    /// In at `inMinute`, out at `outMinute` (minutes after midnight) on `day`.
    case clocking(day: LocalDate, inMinute: Int, outMinute: Int)

    public static let columns = ["dossier_number", "type", "from", "to", "unit", "hours", "certificate"]

    /// The entry the row's cells describe (every column but `dossier_number`), or every problem
    /// found, in the order of the columns.
    public static func read(_ values: [String: String]) -> Result<TimeRecordFileRow, TimeRecordRowFailure> {
        if values["type"]?.lowercased() == TimeRecordKind.clocking.rawValue { return readClocking(values) }
        var issues: [TimeRecordCellIssue] = []
        func required(_ column: String) -> String? {
            guard let value = values[column], !value.isEmpty else {
                issues.append(TimeRecordCellIssue(column: column, problem: .empty))
                return nil
            }
            return value
        }
        func date(_ column: String) -> LocalDate? {
            guard let text = required(column) else { return nil }
            do {
                return try LocalDate.parse(text)
            } catch {
                issues.append(TimeRecordCellIssue(column: column, problem: .date(error)))
                return nil
            }
        }
        let type = required("type")
        let start = date("from")
        let end = date("to")
        let unitText = (values["unit"] ?? "").isEmpty ? "day" : (values["unit"] ?? "day")
        let unit = AbsenceUnit(rawValue: unitText.lowercased())
        if unit == nil { issues.append(TimeRecordCellIssue(column: "unit", problem: .unknownUnit(unitText))) }
        var minutes: Int?
        if unit == .hour, let text = required("hours") {
            if let hours = DecimalText(text), case let total = hours.rounded(times: 60), (1...24 * 60).contains(total) {
                minutes = total
            } else {
                issues.append(TimeRecordCellIssue(column: "hours", problem: .hoursInvalid(text)))
            }
        }
        let certificateText = (values["certificate"] ?? "").lowercased()
        let certificate = Self.certificate(certificateText)
        if certificate == nil {
            issues.append(TimeRecordCellIssue(column: "certificate", problem: .certificateInvalid(certificateText)))
        }
        guard issues.isEmpty, let type, let start, let end, let unit, let certificate else { return .failure(TimeRecordRowFailure(issues: issues)) }
        return .success(.absence(type: type, start: start, end: end, unit: unit, minutes: minutes, certificateReceived: certificate))
    }

    /// Whether a certificate was received, as a cell says it (lower-cased); nil when it says neither.
    public static func certificate(_ text: String) -> Bool? {
        switch text {
        case "", "0", "no", "false", "non", "nee", "n": return false
        case "1", "yes", "true", "oui", "ja", "y": return true
        default: return nil
        }
    }

    /// The clocking a row describes (`from` and `to` a day and a time, on one day).
    private static func readClocking(_ values: [String: String]) -> Result<TimeRecordFileRow, TimeRecordRowFailure> {
        var issues: [TimeRecordCellIssue] = []
        func moment(_ column: String) -> (day: LocalDate, minute: Int)? {
            guard let text = values[column], !text.isEmpty else {
                issues.append(TimeRecordCellIssue(column: column, problem: .empty))
                return nil
            }
            let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
            let time = parts.count == 2 ? parts[1].split(separator: ":").map { Int($0) } : []
            // try?: "is this a date?"; a row whose day cannot be read is reported with the whole value.
            guard parts.count == 2, let day = try? LocalDate.parse(parts[0]), time.count == 2,
                  let hour = time[0], let minute = time[1], (0...24).contains(hour), (0..<60).contains(minute),
                  hour * 60 + minute <= TimeRecord.minutesPerDay else {
                issues.append(TimeRecordCellIssue(column: column, problem: .clockingTimeInvalid(text)))
                return nil
            }
            return (day, hour * 60 + minute)
        }
        let clockIn = moment("from")
        let clockOut = moment("to")
        let unit = (values["unit"] ?? "").lowercased()
        if !unit.isEmpty && unit != AbsenceUnit.hour.rawValue {
            issues.append(TimeRecordCellIssue(column: "unit", problem: .unknownUnit(unit)))
        }
        if let clockIn, let clockOut, clockIn.day != clockOut.day {
            issues.append(TimeRecordCellIssue(column: "to", problem: .clockingAcrossDays))
        }
        guard issues.isEmpty, let clockIn, let clockOut else { return .failure(TimeRecordRowFailure(issues: issues)) }
        return .success(.clocking(day: clockIn.day, inMinute: clockIn.minute, outMinute: clockOut.minute))
    }

    /// The column a rule's refusal of the row's entry points at.
    public static func column(of violation: RuleViolation) -> String? {
        switch violation {
        case .absenceTypeUnknown, .absenceUnitNotAllowed: return "type"
        case .dateRangeReversed, .absenceOnNonWorkingDays: return "to"
        case .absenceOverlap, .monthClosed, .clockingOverlap, .clockingDuringAbsence, .clockingInFuture: return "from"
        case .clockingTooLong, .clockingWeekTooLong, .timeRangeInvalid: return "to"
        case .certificateMissing: return "certificate"
        case .permissionDenied: return "dossier_number"
        default: return nil
        }
    }

    /// The first day the entry covers.
    public var start: LocalDate {
        switch self {
        case .absence(_, let start, _, _, _, _): return start
        case .clocking(let day, _, _): return day
        }
    }

    /// The entry as a time record of `dossierID` (a half day is a morning, as in the form).
    public func record(id: String, employerCode: String, dossierID: String, status: TimeRecordStatus,
                       enteredBy: String, reviewedBy: String? = nil) -> TimeRecord {
        var record: TimeRecord
        switch self {
        case .absence(let type, let start, let end, let unit, let minutes, let certificate):
            record = TimeRecord(id: id, employerCode: employerCode, dossierID: dossierID, kind: .absence, typeCode: type,
                                start: start, end: end, dayPart: unit == .halfDay ? .morning : .full, minutes: minutes,
                                certificateReceived: certificate, enteredBy: enteredBy)
        case .clocking(let day, let inMinute, let outMinute):
            record = TimeRecord.clocking(id: id, employerCode: employerCode, dossierID: dossierID, on: day,
                                         inMinute: inMinute, outMinute: outMinute, enteredBy: enteredBy)
        }
        record.status = status
        record.reviewedBy = reviewedBy
        return record
    }

    /// The entry's values in a fixed spelling (`absence|sick|2026-03-02|2026-03-04|day||1`): the
    /// same whatever separator, date format, case or decimal mark the file used.
    public var canonicalText: String {
        switch self {
        case .absence(let type, let start, let end, let unit, let minutes, let certificate):
            return ["absence", type, start.iso, end.iso, unit.rawValue, minutes.map(String.init) ?? "", certificate ? "1" : "0"]
                .joined(separator: "|")
        case .clocking(let day, let inMinute, let outMinute):
            return ["clocking", day.iso, String(inMinute), String(outMinute)].joined(separator: "|")
        }
    }
}
