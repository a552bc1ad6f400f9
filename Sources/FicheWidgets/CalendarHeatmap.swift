import FicheTerminal

/// A month as a calendar grid, Monday first, each day shaded by its value (absences, hours)
/// in five levels. The day number is always written and the level shown by a shade glyph
/// too (· ░ ▒ ▓ █), so the heatmap reads without colour.
public struct CalendarHeatmap: Hashable, Sendable {
    public var year: Int
    public var month: Int
    /// Value per day of the month (1-based); missing days count as 0.
    public var values: [Int: Double]
    /// Two-letter weekday names, Monday first, in the user's language.
    public var weekdayNames: [String]

    public init(year: Int, month: Int, values: [Int: Double], weekdayNames: [String]) {
        self.year = year
        self.month = month
        self.values = values
        self.weekdayNames = weekdayNames
    }

    static let shades = ["·", "░", "▒", "▓", "█"]

    /// The level 0–4 of `value` against the month's highest value.
    public func level(of value: Double) -> Int {
        CalendarHeatmap.level(of: value, highest: values.values.max() ?? 0)
    }

    /// The level 0–4 of `value` against `highest`: 0 for nothing, 4 for the highest.
    public static func level(of value: Double, highest: Double) -> Int {
        guard highest > 0, value > 0 else { return 0 }
        return max(1, min(4, Int((value / highest * 4).rounded(.up))))
    }

    /// 0 for Monday … 6 for Sunday, for day 1 of the month.
    public var firstWeekday: Int { CalendarHeatmap.firstWeekday(year: year, month: month) }

    /// 0 for Monday … 6 for Sunday, for day 1 of `month` (Zeller's congruence).
    public static func firstWeekday(year: Int, month: Int) -> Int {
        var y = year, m = month
        if m < 3 { m += 12; y -= 1 }
        let h = (1 + (13 * (m + 1)) / 5 + y + y / 4 - y / 100 + y / 400) % 7   // 0 = Saturday
        return (h + 5) % 7
    }

    /// Width of the grid: 7 columns of 5 cells.
    public static let width = 35

    public func render(into buffer: inout CellBuffer, rect: Rect) {
        for (index, name) in weekdayNames.prefix(7).enumerated() {
            buffer.write(DisplayWidth.fit(name, to: 4), x: rect.x + index * 5, y: rect.y, role: .columnHeader)
        }
        let days = FormField.daysIn(month: month, year: year)
        for day in 1...days {
            let slot = firstWeekday + day - 1
            let x = rect.x + (slot % 7) * 5, y = rect.y + 1 + slot / 7
            guard y < rect.maxY else { break }
            let level = self.level(of: values[day] ?? 0)
            let text = (day < 10 ? " " : "") + "\(day)" + CalendarHeatmap.shades[level] + " "
            buffer.write(text, x: x, y: y, role: .heatmap(level))
        }
    }
}
