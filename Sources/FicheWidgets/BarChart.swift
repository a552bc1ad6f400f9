import FicheTerminal

/// Horizontal bars with their labels and values (dossiers per clerk): the longest bar fills
/// the width, eighths of a cell make short differences visible.
public struct BarChart: Hashable, Sendable {
    public struct Bar: Hashable, Sendable {
        public var label: String
        public var value: Double
        /// The value as it should read (with a decimal comma, a unit…), from the caller.
        public var valueText: String
        /// Drawn with the alternate colour (e.g. above a limit); the caller also says it in `valueText`.
        public var isHighlighted: Bool

        public init(label: String, value: Double, valueText: String, isHighlighted: Bool = false) {
            self.label = label
            self.value = value
            self.valueText = valueText
            self.isHighlighted = isHighlighted
        }
    }

    public var bars: [Bar]

    public init(bars: [Bar]) { self.bars = bars }

    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The bar for `value` out of `maximum` in `width` cells.
    public static func bar(value: Double, maximum: Double, width: Int) -> String {
        guard maximum > 0, width > 0, value > 0 else { return "" }
        let eighthsTotal = Int((min(value, maximum) / maximum * Double(width * 8)).rounded())
        return String(repeating: "█", count: eighthsTotal / 8) + eighths[eighthsTotal % 8]
    }

    public func render(into buffer: inout CellBuffer, rect: Rect) {
        let labelWidth = min(rect.width / 3, bars.map { DisplayWidth.of($0.label) }.max() ?? 0)
        let valueWidth = bars.map { DisplayWidth.of($0.valueText) }.max() ?? 0
        let barWidth = max(0, rect.width - labelWidth - valueWidth - 2)
        let maximum = bars.map(\.value).max() ?? 0
        for (offset, bar) in bars.prefix(rect.height).enumerated() {
            let y = rect.y + offset
            buffer.write(DisplayWidth.fit(bar.label, to: labelWidth), x: rect.x, y: y, role: .normal)
            let drawn = BarChart.bar(value: bar.value, maximum: maximum, width: barWidth)
            buffer.write(drawn, x: rect.x + labelWidth + 1, y: y, role: bar.isHighlighted ? .chartBarAlt : .chartBar)
            buffer.write(bar.valueText, x: rect.x + labelWidth + 2 + DisplayWidth.of(drawn), y: y, role: .normal)
        }
    }
}
