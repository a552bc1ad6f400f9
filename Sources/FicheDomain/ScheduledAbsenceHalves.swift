/// The scheduled half days a dossier's day-based absences of some types cover, day by day in
/// date order, on days the worker is of one of some staff categories: what the counts of days
/// that run out (the sick-leave capital, an event's employer days) walk.
///
/// A half day is a bit (1 the morning, 2 the afternoon) of the day's schedule that a record's
/// day part covers; days without one are left out. Public holidays are kept (`isHoliday`):
/// each count says what a holiday inside the absence is.
enum ScheduledAbsenceHalves {
    struct Day {
        var date: LocalDate
        var halves: Int
        var isHoliday: Bool
    }

    /// - Parameters:
    ///   - types: the absence type codes counted.
    ///   - from: the first day counted (earlier days of a record are left out).
    ///   - categories: the staff categories whose days count; `category` is the dossier's, for
    ///     days no career period covers.
    static func days(of records: [TimeRecord], types: Set<String>, from: LocalDate? = nil,
                     categories: Set<StaffCategory>, career: Career, category: StaffCategory,
                     calendar: WorkCalendar) -> [Day] {
        var covered: [Int: Int] = [:]
        for record in records where record.kind == .absence && !record.isHourBased && record.start <= record.end
            && types.contains(record.typeCode ?? "") {
            let first = from.map { max(record.start, $0) } ?? record.start
            guard first <= record.end else { continue }
            for date in first...record.end { covered[date.dayNumber, default: 0] |= record.dayPart.halves }
        }
        return covered.keys.sorted().compactMap { day in
            let date = LocalDate(dayNumber: day)
            guard categories.contains(career.period(on: date)?.category ?? category) else { return nil }
            let halves = calendar.scheduledDay(on: date).halves & (covered[day] ?? 0)
            guard halves != 0 else { return nil }
            return Day(date: date, halves: halves, isHoliday: calendar.holidays.isHoliday(date))
        }
    }
}
