import FicheTerminal

/// A trend in one line of block characters (▁▂▃▄▅▆▇█), one per value: absences per week,
/// hours per month.
public struct Sparkline: Hashable, Sendable {
    public var values: [Double]

    public init(values: [Double]) { self.values = values }

    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The line for the values, lowest as ▁ and highest as █; the last `width` values when too many.
    public func text(width: Int) -> String {
        let shown = values.suffix(max(0, width))
        guard let low = shown.min(), let high = shown.max() else { return "" }
        let span = high - low
        return String(shown.map { value in
            span == 0 ? Sparkline.levels[0] : Sparkline.levels[min(7, Int((value - low) / span * 7 + 0.5))]
        })
    }

    public func render(into buffer: inout CellBuffer, rect: Rect) {
        guard rect.height > 0 else { return }
        buffer.write(text(width: rect.width), x: rect.x, y: rect.y, role: .chartBar, maxWidth: rect.width)
    }
}
