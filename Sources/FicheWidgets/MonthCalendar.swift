import FicheTerminal

/// A month as a calendar grid, Monday first, with a short code on each day (`CA` annual leave,
/// `MA` sickness, `JF` a public holiday). Weekend days show `··`, so a day off reads without
/// colour; the caller's codes (lower case for part of a day, say) and a legend say the rest.
///
/// ```swift
/// let calendar = MonthCalendar(year: 2026, month: 3, weekdayNames: ["Lu", "Ma", "Me", "Je", "Ve", "Sa", "Di"],
///                              days: [2: .init(code: "CA", kind: .absence)])
/// calendar.render(into: &buffer, rect: area)
/// ```
public struct MonthCalendar: Hashable, Sendable {
    /// What a day of the grid shows.
    public struct Day: Hashable, Sendable {
        public enum Kind: Hashable, Sendable { case workday, weekend, holiday, absence }
        /// Two characters; empty on a plain working day.
        public var code: String
        public var kind: Kind

        public init(code: String, kind: Kind) {
            self.code = code
            self.kind = kind
        }
    }

    public var year: Int
    public var month: Int
    /// Two-letter weekday names, Monday first, in the user's language.
    public var weekdayNames: [String]
    /// What each day (1-based) shows; missing days are plain working days, or weekend days.
    public var days: [Int: Day]
    /// Columns per day: 2 for the number, a space, the code, a space.
    public var cellWidth: Int

    public init(year: Int, month: Int, weekdayNames: [String], days: [Int: Day], cellWidth: Int = 6) {
        self.year = year
        self.month = month
        self.weekdayNames = weekdayNames
        self.days = days
        self.cellWidth = max(5, cellWidth)
    }

    /// Width of the grid.
    public var width: Int { 7 * cellWidth }

    /// Lines the grid takes: the weekday names and every week of the month.
    public var height: Int {
        let slots = CalendarHeatmap.firstWeekday(year: year, month: month) + FormField.daysIn(month: month, year: year)
        return 1 + (slots + 6) / 7
    }

    public func render(into buffer: inout CellBuffer, rect: Rect) {
        guard rect.height > 0 else { return }
        for (index, name) in weekdayNames.prefix(7).enumerated() {
            buffer.write(DisplayWidth.fit(name, to: cellWidth - 1), x: rect.x + index * cellWidth + 1, y: rect.y,
                         role: index >= 5 ? .dim : .columnHeader)
        }
        let first = CalendarHeatmap.firstWeekday(year: year, month: month)
        for day in 1...FormField.daysIn(month: month, year: year) {
            let slot = first + day - 1
            let x = rect.x + (slot % 7) * cellWidth, y = rect.y + 1 + slot / 7
            guard y < rect.maxY else { break }
            let isWeekend = slot % 7 >= 5
            let shown = days[day] ?? Day(code: isWeekend ? "··" : "", kind: isWeekend ? .weekend : .workday)
            let role: StyleRole = switch shown.kind {
            case .workday: .normal
            case .weekend: .dim
            case .holiday: .heatmap(1)
            case .absence: .heatmap(3)
            }
            let number = (day < 10 ? " " : "") + "\(day)"
            buffer.write(number, x: x, y: y, role: isWeekend ? .dim : .normal)
            buffer.write(DisplayWidth.fit(shown.code, to: cellWidth - 4), x: x + 3, y: y, role: role)
        }
    }
}
