import FicheTerminal

/// Horizontal bars with their labels and values (dossiers per clerk): the longest bar fills
/// the width, eighths of a cell make short differences visible.
///
/// Several charts stacked (one per employer) share a scale and a label width so their bars
/// compare; reference values (175, 200, 250 dossiers per clerk) show as `┊` where a bar does
/// not reach them, and `renderAxis` writes them under the charts.
///
/// ```swift
/// var chart = BarChart(bars: bars, scaleMaximum: 300, references: [175, 200, 250])
/// chart.selected = 1
/// chart.render(into: &buffer, rect: rect)
/// chart.renderAxis(into: &buffer, rect: rect.line(rect.height - 2)) { "\(Int($0))" }
/// ```
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
    /// The value a full-width bar stands for; nil: the longest bar.
    public var scaleMaximum: Double?
    /// Values marked across the bars (`┊`) and on the axis.
    public var references: [Double]
    /// Index of the bar drawn as selected (its line in the selected role).
    public var selected: Int?
    /// Columns for the labels; nil: the longest label, at most a third of the width.
    public var labelWidth: Int?
    /// Columns for the values; nil: the longest value text.
    public var valueWidth: Int?

    public init(bars: [Bar], scaleMaximum: Double? = nil, references: [Double] = [], selected: Int? = nil,
                labelWidth: Int? = nil, valueWidth: Int? = nil) {
        self.bars = bars
        self.scaleMaximum = scaleMaximum
        self.references = references
        self.selected = selected
        self.labelWidth = labelWidth
        self.valueWidth = valueWidth
    }

    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The bar for `value` out of `maximum` in `width` cells.
    public static func bar(value: Double, maximum: Double, width: Int) -> String {
        guard maximum > 0, width > 0, value > 0 else { return "" }
        let eighthsTotal = Int((min(value, maximum) / maximum * Double(width * 8)).rounded())
        return String(repeating: "█", count: eighthsTotal / 8) + eighths[eighthsTotal % 8]
    }

    /// Where the parts of a line go in `rect`.
    struct Geometry {
        var labelWidth: Int
        var barX: Int
        var barWidth: Int
        var maximum: Double

        /// The bar column of `value`.
        func column(of value: Double) -> Int {
            guard maximum > 0 else { return barX }
            return barX + min(barWidth - 1, Int((value / maximum * Double(barWidth)).rounded(.down)))
        }
    }

    func geometry(in rect: Rect) -> Geometry {
        let labels = labelWidth ?? min(rect.width / 3, bars.map { DisplayWidth.of($0.label) }.max() ?? 0)
        let values = valueWidth ?? (bars.map { DisplayWidth.of($0.valueText) }.max() ?? 0)
        let barWidth = max(0, rect.width - labels - values - 2)
        return Geometry(labelWidth: labels, barX: rect.x + labels + 1, barWidth: barWidth,
                        maximum: scaleMaximum ?? (bars.map(\.value).max() ?? 0))
    }

    public func render(into buffer: inout CellBuffer, rect: Rect) {
        let shape = geometry(in: rect)
        for (offset, bar) in bars.prefix(rect.height).enumerated() {
            let y = rect.y + offset
            let isSelected = offset == selected
            if isSelected {
                buffer.fill(rect.line(offset), role: .selected)
                buffer.placeCursor(x: rect.x, y: y)
            }
            let text: StyleRole = isSelected ? .selected : .normal
            // Plain: `>` before the selected bar's label, as on a list's selected row.
            let sign = buffer.glyphs.selectedRow.isEmpty ? "" : (isSelected ? buffer.glyphs.selectedRow : " ")
            buffer.write(DisplayWidth.fit(sign + bar.label, to: shape.labelWidth), x: rect.x, y: y, role: text)
            let drawn = BarChart.bar(value: bar.value, maximum: shape.maximum, width: shape.barWidth)
            let drawnWidth = DisplayWidth.of(drawn)
            for reference in references where reference <= shape.maximum {
                let x = shape.column(of: reference)
                if x >= shape.barX + drawnWidth { buffer.write("┊", x: x, y: y, role: isSelected ? .selected : .dim) }
            }
            buffer.write(drawn, x: shape.barX, y: y, role: bar.isHighlighted ? .chartBarAlt : .chartBar)
            buffer.write(bar.valueText, x: shape.barX + 1 + drawnWidth, y: y, role: text)
        }
    }

    /// The scale under the charts on one line: `┴` at each reference, its value written after it
    /// (`label` gives the words, e.g. "175").
    public func renderAxis(into buffer: inout CellBuffer, rect: Rect, label: (Double) -> String) {
        let shape = geometry(in: rect)
        guard shape.barWidth > 0 else { return }
        buffer.write(String(repeating: "─", count: shape.barWidth), x: shape.barX, y: rect.y, role: .dim)
        var free = shape.barX
        for reference in references.sorted() where reference <= shape.maximum {
            let x = shape.column(of: reference)
            buffer.write("┴", x: x, y: rect.y, role: .dim)
            let text = label(reference)
            let start = max(free, x + 1)
            guard start + DisplayWidth.of(text) <= rect.maxX else { continue }
            buffer.write(text, x: start, y: rect.y, role: .normal)
            free = start + DisplayWidth.of(text) + 1
        }
    }
}
