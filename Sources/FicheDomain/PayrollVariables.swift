/// The figures a payroll run needs for one dossier and one month.
///
/// Only validated records count. Records booked as a correction in this month
/// (`TimeRecord.correctionMonth`) are reported apart, by the month they concern, so the
/// payroll can recompute that month. Public holidays on scheduled days are paid under the
/// `public_holiday` code.
///
/// ```swift
/// let variables = PayrollVariables(dossierID: dossier.id, month: march, career: career,
///                                  calendar: workCalendar, records: records, catalogue: rules.absenceCatalogue)
/// variables.workedDays                  // 19
/// variables.paidAbsenceDays["annual_leave"]
/// ```
public struct PayrollVariables: Hashable, Sendable, Codable {
    public var dossierID: String
    public var month: YearMonth
    /// Regimes in force during the month, in order (several when the regime changed).
    public var regimes: [RegimeSpan]
    /// Days the schedule plans in the month, public holidays included.
    public var scheduledDays: Double
    /// Scheduled days neither absent nor public holidays.
    public var workedDays: Double
    /// Paid absence days by absence type code (includes `public_holiday`).
    public var paidAbsenceDays: [String: Double]
    /// Unpaid absence days by absence type code.
    public var unpaidAbsenceDays: [String: Double]
    /// Hour-based absences (training hours…), in minutes, by absence type code.
    public var absenceMinutes: [String: Int]
    /// Days of types reported as sickness (sickness, work accident).
    public var sicknessDays: Double
    public var overtimeMinutes: Int
    public var latenessMinutes: Int
    /// Ids of validated records of earlier, closed months booked in this month, keyed by the month they concern (`YYYY-MM`).
    public var corrections: [String: [String]]

    /// Computes the variables of `dossierID` for `month`.
    public init(dossierID: String, month: YearMonth, career: Career, calendar: WorkCalendar, records: [TimeRecord],
                catalogue: AbsenceCatalogue, publicHolidayCode: String = "public_holiday") {
        self.dossierID = dossierID
        self.month = month
        let first = month.firstDay
        let last = month.lastDay
        regimes = career.periods.compactMap { period in
            let start = max(period.start, first)
            let end = min(period.end ?? last, last)
            guard start <= end else { return nil }
            return RegimeSpan(start: start, end: end, regime: period.regime, grade: period.grade, scale: period.scale)
        }
        let mine = records.filter { $0.dossierID == dossierID && $0.status == .validated }
        let ownMonth = mine.filter { $0.correctionMonth == nil || $0.correctionMonth == month }
        var corrections: [String: [String]] = [:]
        for record in mine where record.correctionMonth == month && !month.contains(record.start) {
            corrections[record.start.yearMonth.description, default: []].append(record.id)
        }
        self.corrections = corrections.mapValues { $0.sorted() }

        var scheduledHalves = 0, workedHalves = 0, sicknessHalves = 0
        var paid: [String: Int] = [:], unpaid: [String: Int] = [:], minutes: [String: Int] = [:]
        var overtime = 0, lateness = 0
        let absences = ownMonth.filter { $0.kind == .absence && !$0.isHourBased }
            .sorted { ($0.start, $0.id) < ($1.start, $1.id) }

        for date in first...last {
            let scheduled = calendar.scheduledDay(on: date).halves
            guard scheduled != 0 else { continue }
            scheduledHalves += scheduled.nonzeroBitCount
            if calendar.holidays.isHoliday(date) {
                paid[publicHolidayCode, default: 0] += scheduled.nonzeroBitCount
                continue
            }
            var remaining = scheduled
            for record in absences where record.start <= date && date <= record.end {
                let part = remaining & record.dayPart.halves
                guard part != 0, let code = record.typeCode else { continue }
                remaining &= ~part
                let halves = part.nonzeroBitCount
                let type = catalogue.type(code)
                if type?.paid ?? false { paid[code, default: 0] += halves } else { unpaid[code, default: 0] += halves }
                if type?.countsAsSickness ?? false { sicknessHalves += halves }
            }
            workedHalves += remaining.nonzeroBitCount
        }
        for record in ownMonth where month.contains(record.start) {
            switch record.kind {
            case .overtime: overtime += record.durationMinutes
            case .lateness: lateness += record.durationMinutes
            case .absence where record.isHourBased:
                minutes[record.typeCode ?? "", default: 0] += record.durationMinutes
            default: break
            }
        }
        scheduledDays = Double(scheduledHalves) / 2
        workedDays = Double(workedHalves) / 2
        sicknessDays = Double(sicknessHalves) / 2
        paidAbsenceDays = paid.mapValues { Double($0) / 2 }
        unpaidAbsenceDays = unpaid.mapValues { Double($0) / 2 }
        absenceMinutes = minutes
        overtimeMinutes = overtime
        latenessMinutes = lateness
    }
}
