import Foundation

/// A working regime as a fraction of full time (100 %, 80 %, 50 %…), exact to 0.1 %.
///
/// Parses `"80 %"`, `"80"`, `"4/5"`, `"0.8"`; encodes as the number `0.8`.
public struct RegimeFraction: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Thousandths of full time: 1000 is full time, 800 is four fifths.
    public let thousandths: Int

    /// Full time.
    public static let fullTime = RegimeFraction(uncheckedThousandths: 1000)

    init(uncheckedThousandths: Int) { self.thousandths = uncheckedThousandths }

    /// Creates a regime from thousandths of full time; must be 1…1000.
    public init(thousandths: Int) throws(RuleViolation) {
        guard (1...1000).contains(thousandths) else { throw .regimeFraction(text: String(thousandths)) }
        self.thousandths = thousandths
    }

    /// Creates a regime from a fraction of full time (0 < f ≤ 1).
    public init(fraction: Double) throws(RuleViolation) {
        // Range-checked as a Double first: Int(_:) traps on values past Int's range ("-1e30").
        let thousandths = (fraction * 1000).rounded()
        guard thousandths.isFinite, (1...1000).contains(thousandths) else { throw .regimeFraction(text: String(fraction)) }
        try self.init(thousandths: Int(thousandths))
    }

    /// Parses `"80 %"`, `"80"`, `"4/5"`, `"19/38"` or `"0.8"`.
    public static func parse(_ text: String) throws(RuleViolation) -> RegimeFraction {
        let trimmed = text.replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: ",", with: ".")
        if trimmed.contains("/") {
            let parts = trimmed.split(separator: "/")
            guard parts.count == 2,
                  let n = Double(parts[0].trimmingCharacters(in: .whitespaces)),
                  let d = Double(parts[1].trimmingCharacters(in: .whitespaces)), d > 0 else {
                throw .regimeFraction(text: text)
            }
            do { return try RegimeFraction(fraction: n / d) } catch { throw .regimeFraction(text: text) }
        }
        guard let value = Double(trimmed) else { throw .regimeFraction(text: text) }
        let fraction = (value > 1 || text.contains("%")) ? value / 100 : value
        do { return try RegimeFraction(fraction: fraction) } catch { throw .regimeFraction(text: text) }
    }

    /// The fraction of full time (0.8 for 80 %).
    public var fraction: Double { Double(thousandths) / 1000 }

    /// Whether this is full time.
    public var isFullTime: Bool { thousandths == 1000 }

    /// The percentage as the server stores it: `80`, `50`, `100`, or `75.5`.
    public var percentText: String {
        thousandths % 10 == 0 ? String(thousandths / 10) : String(Double(thousandths) / 10)
    }

    /// `"80 %"`, `"50 %"`, `"62.5 %"`.
    public var description: String {
        thousandths % 10 == 0 ? "\(thousandths / 10) %" : String(format: "%.1f %%", Double(thousandths) / 10)
    }

    public static func < (lhs: RegimeFraction, rhs: RegimeFraction) -> Bool { lhs.thousandths < rhs.thousandths }
}

extension RegimeFraction: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Double.self)
        do {
            self = try RegimeFraction(fraction: value)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fraction)
    }
}
