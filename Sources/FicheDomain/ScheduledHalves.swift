/// The half days a work calendar's schedules plan on each day, holidays not taken off: what
/// `WorkCalendar.scheduledDay(on:)` answers, for loops that walk day numbers (the art. 60 count
/// walks every day of every contract).
struct ScheduledHalves {
    /// Day number of the first and last day of each schedule (`Int.max` when open-ended).
    private let first: [Int]
    private let last: [Int]
    /// Seven entries per schedule, Monday first: the half days worked (`WorkDay.halves`).
    private let halves: [Int]

    init(_ calendar: WorkCalendar) {
        first = calendar.schedules.map(\.start.dayNumber)
        last = calendar.schedules.map { $0.end?.dayNumber ?? Int.max }
        halves = calendar.schedules.flatMap { entry in
            Weekday.allCases.map { entry.schedule.workDay(on: $0).halves }
        }
    }

    /// The half days planned on day `dayNumber` (`LocalDate.dayNumber`): those of the last
    /// schedule in force that day, as `WorkCalendar.schedule(on:)` picks it; 0 when none is.
    func halves(on dayNumber: Int) -> Int {
        // 1970-01-01 (day 0) was a Thursday, the fourth day from Monday.
        let weekday = ((dayNumber % 7) + 7 + 3) % 7
        var entry = first.count - 1
        while entry >= 0 {
            if first[entry] <= dayNumber && dayNumber <= last[entry] { return halves[entry * 7 + weekday] }
            entry -= 1
        }
        return 0
    }
}
