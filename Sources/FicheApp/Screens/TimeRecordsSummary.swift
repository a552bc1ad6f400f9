import FicheDomain
import FicheReplica

/// What a dossier's time records add up to in one year: days per absence type, absence days
/// per month, and what each day of a month shows on the calendar.
///
/// Rejected records count for nothing; draft, submitted and validated ones count (the clerk
/// sees an absence as soon as it is entered). Days are working days of the dossier's own
/// schedule: a half day counts 0,5 and a weekend or a public holiday 0.
struct TimeRecordsSummary {
    /// One line of the year totals.
    struct Total: Hashable {
        var code: String
        /// Working days, for day and half-day types.
        var days: Double
        /// Minutes, for hour-based records, lateness and overtime.
        var minutes: Int
    }

    let year: Int
    let records: [TimeRecord]
    let calendar: WorkCalendar
    let catalogue: AbsenceCatalogue

    init(card: DossierCard, year: Int, rules: RuleBook) {
        self.year = year
        self.records = card.timeRecords.filter(\.isActive)
        self.catalogue = rules.absenceCatalogue
        // try?: display only; every save for this employer needs the same calendar and refuses with the rule file's error, so no record is written on this guess.
        let holidays = (try? rules.holidayCalendar(for: card.employer)) ?? HolidayCalendar(id: "", rules: [])
        self.calendar = card.career.isEmpty
            ? WorkCalendar(holidays: holidays, schedule: .fullTime)
            : WorkCalendar(holidays: holidays, career: Career(periods: card.career))
    }

    private var yearDays: ClosedRange<LocalDate> {
        LocalDate(year: year, month: 1, day: 1).flatMap { first in
            LocalDate(year: year, month: 12, day: 31).map { first...$0 }
        } ?? LocalDate(dayNumber: 0)...LocalDate(dayNumber: 0)
    }

    /// Days of `record` that fall in `range` and are to be worked.
    private func days(of record: TimeRecord, in range: ClosedRange<LocalDate>) -> Double {
        guard record.kind == .absence, !record.isHourBased else { return 0 }
        let from = max(record.start, range.lowerBound), to = min(record.end, range.upperBound)
        guard from <= to else { return 0 }
        return (from...to).reduce(0) { $0 + calendar.absenceDays(on: $1, part: record.dayPart) }
    }

    /// Totals per type, in catalogue order, only the types used this year.
    var totals: [Total] {
        let range = yearDays
        var byCode: [String: Total] = [:]
        for record in records {
            let code = record.typeCode ?? record.kind.rawValue
            var total = byCode[code] ?? Total(code: code, days: 0, minutes: 0)
            if record.kind == .absence && !record.isHourBased {
                total.days += days(of: record, in: range)
            } else if range.contains(record.start), record.kind != .clocking {
                total.minutes += record.durationMinutes
            }
            byCode[code] = total
        }
        let order = catalogue.codes
        return byCode.values
            .filter { $0.days > 0 || $0.minutes > 0 }
            .sorted { (order.firstIndex(of: $0.code) ?? order.count, $0.code) < (order.firstIndex(of: $1.code) ?? order.count, $1.code) }
    }

    /// Absence days per month, January first.
    var daysPerMonth: [Double] {
        (1...12).map { month in
            guard let month = YearMonth(year: year, month: month) else { return 0 }
            return records.reduce(0) { $0 + days(of: $1, in: month.days) }
        }
    }

    /// The record of each day of `month` that shows on the calendar (the first one that day).
    func recordsByDay(in month: YearMonth) -> [Int: TimeRecord] {
        var result: [Int: TimeRecord] = [:]
        for record in records where record.kind == .absence {
            let from = max(record.start, month.firstDay), to = min(record.end, month.lastDay)
            guard from <= to else { continue }
            for date in from...to where result[date.day] == nil { result[date.day] = record }
        }
        return result
    }

    /// The public holiday on `date`, if any.
    func holiday(on date: LocalDate) -> Holiday? { calendar.holidays.holiday(on: date) }

    /// Whether `date` is a scheduled working day (a weekend or a day off of a part-time schedule is not).
    func isScheduled(_ date: LocalDate) -> Bool { calendar.scheduledDay(on: date) != .off }
}
