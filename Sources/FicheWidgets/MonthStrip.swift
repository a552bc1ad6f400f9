import FicheTerminal

/// A year in one strip of twelve months: the month's initial, a shade for how many days it
/// holds (· ░ ▒ ▓ █ against the busiest month) and the number itself, so it reads without colour.
///
/// ```swift
/// MonthStrip(initials: ["J", "F", …], values: totals, valueTexts: totals.map { strings.decimal($0) })
///     .render(into: &buffer, rect: area)   // 3 lines
/// ```
public struct MonthStrip: Hashable, Sendable {
    public var initials: [String]
    public var values: [Double]
    /// Each value as it should read (decimal comma), from the caller.
    public var valueTexts: [String]
    /// The month to point at (the one the calendar shows), 1-based; nil for none.
    public var current: Int?

    public init(initials: [String], values: [Double], valueTexts: [String], current: Int? = nil) {
        self.initials = initials
        self.values = values
        self.valueTexts = valueTexts
        self.current = current
    }

    /// Lines the strip takes.
    public static let height = 3

    public func render(into buffer: inout CellBuffer, rect: Rect) {
        let count = min(12, values.count)
        guard count > 0, rect.height > 0 else { return }
        let cell = max(3, rect.width / count)
        let highest = values.max() ?? 0
        for index in 0..<count {
            let x = rect.x + index * cell
            let isCurrent = current == index + 1
            let initial = index < initials.count ? initials[index] : ""
            buffer.write(DisplayWidth.fit(isCurrent ? "▸" + initial : initial, to: cell - 1), x: x, y: rect.y,
                         role: isCurrent ? .selected : .columnHeader)
            let level = CalendarHeatmap.level(of: values[index], highest: highest)
            if rect.height > 1 {
                buffer.write(String(repeating: CalendarHeatmap.shades[level], count: cell - 1), x: x, y: rect.y + 1,
                             role: .heatmap(level))
            }
            if rect.height > 2 {
                buffer.write(valueText(index, cell: cell), x: x, y: rect.y + 2, role: .normal)
            }
        }
    }

    /// The number under a month. It may use the whole cell ("5,5" in three columns) when the
    /// next month shows none; otherwise a space must part it from the next one, so a half
    /// reads "5½" rather than running into it ("5,512").
    private func valueText(_ index: Int, cell: Int) -> String {
        func shown(_ index: Int) -> Bool { index < values.count && index < valueTexts.count && values[index] > 0 }
        guard shown(index) else { return "" }
        let text = valueTexts[index]
        let room = shown(index + 1) && index + 1 < 12 ? cell - 1 : cell
        guard DisplayWidth.of(text) > room else { return text }
        for half in [",5", ".5"] where text.hasSuffix(half) {
            let short = text.dropLast(half.count) + "½"
            if DisplayWidth.of(String(short)) <= room { return String(short) }
        }
        return DisplayWidth.fit(text, to: room)
    }
}
