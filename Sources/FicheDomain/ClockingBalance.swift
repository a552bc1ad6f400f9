/// Clocked time against the time a schedule expects, for one day or one week (the clocking form).
///
/// ```swift
/// let day = sheet.clockingBalance(on: date)
/// // day.workedMinutes 480, day.expectedMinutes 456, day.balanceMinutes 24, day.remainingMinutes 60
/// ```
public struct ClockingBalance: Hashable, Sendable {
    /// First and last day counted (the same day, or Monday to Sunday).
    public let start: LocalDate
    public let end: LocalDate
    /// Minutes clocked by records that count (rejected ones do not).
    public let workedMinutes: Int
    /// Minutes the schedule expects, less the time absences cover.
    public let expectedMinutes: Int
    /// The longest time that may be clocked over the period (9 h a day, 45 h a week).
    public let maximumMinutes: Int

    /// Worked minus expected: positive is time to recover later, negative time owed.
    public var balanceMinutes: Int { workedMinutes - expectedMinutes }
    /// Minutes that may still be clocked before the maximum is reached (never below zero).
    public var remainingMinutes: Int { max(0, maximumMinutes - workedMinutes) }

    public init(start: LocalDate, end: LocalDate, workedMinutes: Int, expectedMinutes: Int, maximumMinutes: Int) {
        self.start = start
        self.end = end
        self.workedMinutes = workedMinutes
        self.expectedMinutes = expectedMinutes
        self.maximumMinutes = maximumMinutes
    }
}

extension TimeSheet {
    /// Minutes of a full working day of a full-time 38-hour week (7 h 36).
    public static let fullDayMinutes = 456

    /// Clocked and expected time on `date`.
    ///
    /// - Parameter fullDayMinutes: the length of a full scheduled day; a half day counts half.
    public func clockingBalance(on date: LocalDate, fullDayMinutes: Int = TimeSheet.fullDayMinutes) -> ClockingBalance {
        ClockingBalance(start: date, end: date, workedMinutes: workedMinutes(on: date),
                        expectedMinutes: expectedMinutes(on: date, fullDayMinutes: fullDayMinutes),
                        maximumMinutes: maximumMinutesPerDay)
    }

    /// Clocked and expected time over the week (Monday to Sunday) that holds `date`.
    public func clockingBalance(weekOf date: LocalDate, fullDayMinutes: Int = TimeSheet.fullDayMinutes) -> ClockingBalance {
        let monday = date.adding(days: 1 - date.weekday.isoNumber)
        let days = (0..<7).map { monday.adding(days: $0) }
        return ClockingBalance(start: monday, end: days[6],
                               workedMinutes: days.reduce(0) { $0 + workedMinutes(on: $1) },
                               expectedMinutes: days.reduce(0) { $0 + expectedMinutes(on: $1, fullDayMinutes: fullDayMinutes) },
                               maximumMinutes: maximumMinutesPerWeek)
    }

    /// Minutes clocked on `date` by records that count.
    public func workedMinutes(on date: LocalDate) -> Int {
        records.filter { $0.isActive && $0.kind == .clocking && $0.start == date }.reduce(0) { $0 + $1.durationMinutes }
    }

    /// Minutes the schedule expects on `date`, less what active absences cover (never below zero).
    public func expectedMinutes(on date: LocalDate, fullDayMinutes: Int = TimeSheet.fullDayMinutes) -> Int {
        let scheduled = Int((calendar.workDay(on: date).days * Double(fullDayMinutes)).rounded())
        var absent = 0
        for record in records where record.isActive && record.kind == .absence && record.start <= date && date <= record.end {
            if record.isHourBased {
                absent += record.durationMinutes
            } else {
                absent += Int((calendar.absenceDays(on: date, part: record.dayPart) * Double(fullDayMinutes)).rounded())
            }
        }
        return max(0, scheduled - absent)
    }
}
