/// Which days a dossier works: its weekly schedule(s), minus the employer's public holidays.
///
/// Answers "how many working days between two dates" for a regime, and counts absences so
/// that a weekend, a day off of a part-time schedule or a public holiday never counts.
///
/// ```swift
/// let calendar = WorkCalendar(holidays: brussels, schedule: try .usual(for: .parse("4/5")))
/// calendar.workingDays(from: may1, to: may31)   // 4/5 days in May, holidays excluded
/// ```
public struct WorkCalendar: Hashable, Sendable {
    public let holidays: HolidayCalendar
    /// Schedules with the first day they apply, in date order; no schedule before the first.
    public let schedules: [(start: LocalDate, end: LocalDate?, schedule: WorkSchedule)]

    /// A calendar with one schedule for all dates.
    public init(holidays: HolidayCalendar, schedule: WorkSchedule) {
        self.holidays = holidays
        self.schedules = [(LocalDate.unchecked(1, 1, 1), nil, schedule)]
    }

    /// A calendar following a dossier's career periods (no work outside them).
    public init(holidays: HolidayCalendar, career: Career) {
        self.holidays = holidays
        self.schedules = career.periods.map { ($0.start, $0.end, $0.schedule) }
    }

    public static func == (lhs: WorkCalendar, rhs: WorkCalendar) -> Bool {
        lhs.holidays == rhs.holidays && lhs.schedules.count == rhs.schedules.count
            && zip(lhs.schedules, rhs.schedules).allSatisfy { $0.start == $1.start && $0.end == $1.end && $0.schedule == $1.schedule }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(holidays)
        for entry in schedules {
            hasher.combine(entry.start)
            hasher.combine(entry.end)
            hasher.combine(entry.schedule)
        }
    }

    /// The schedule in force on `date`, if any.
    public func schedule(on date: LocalDate) -> WorkSchedule? {
        schedules.last { $0.start <= date && ($0.end.map { date <= $0 } ?? true) }?.schedule
    }

    /// What the schedule says for `date`, ignoring holidays.
    public func scheduledDay(on date: LocalDate) -> WorkDay {
        schedule(on: date)?.workDay(on: date.weekday) ?? .off
    }

    /// What is actually to be worked on `date`: `.off` on a public holiday.
    public func workDay(on date: LocalDate) -> WorkDay {
        holidays.isHoliday(date) ? .off : scheduledDay(on: date)
    }

    /// Working days from `start` to `end` inclusive, half days counting 0.5; holidays excluded.
    public func workingDays(from start: LocalDate, to end: LocalDate) -> Double {
        guard start <= end else { return 0 }
        return (start...end).reduce(0) { $0 + workDay(on: $1).days }
    }

    /// Scheduled days falling on a public holiday between `start` and `end` (paid as holidays).
    public func holidayDays(from start: LocalDate, to end: LocalDate) -> Double {
        guard start <= end else { return 0 }
        return (start...end).reduce(0) { total, date in
            holidays.isHoliday(date) ? total + scheduledDay(on: date).days : total
        }
    }

    /// Days of absence `part` on `date` counts: the part of the scheduled working day it covers.
    ///
    /// A full-day absence on a half-day schedule counts 0.5; a morning off on a
    /// schedule that only works afternoons counts 0; any absence on a holiday counts 0.
    public func absenceDays(on date: LocalDate, part: DayPart) -> Double {
        let overlap = workDay(on: date).halves & part.halves
        return Double(overlap.nonzeroBitCount) / 2
    }

    /// Working days an absence record counts, per day of the record; hour-based records count 0 days.
    public func absenceDays(of record: TimeRecord) -> Double {
        guard record.kind == .absence, !record.isHourBased, record.start <= record.end else { return 0 }
        return record.dates.reduce(0) { $0 + absenceDays(on: $1, part: record.dayPart) }
    }
}
