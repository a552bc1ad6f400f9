import Foundation

/// A calendar month of a year, the unit of payroll runs.
///
/// Encodes as `"YYYY-MM"`.
public struct YearMonth: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// Creates a month, or `nil` when `month` is not 1…12.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    init(validYear year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` or `mm/yyyy`.
    public static func parse(_ text: String) throws(RuleViolation) -> YearMonth {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let y: Int?
        let m: Int?
        if trimmed.contains("-") {
            let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2 else { throw .dateFormat(text: text) }
            y = Int(parts[0]); m = Int(parts[1])
        } else {
            let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].count == 4, (1...2).contains(parts[0].count) else {
                throw .dateFormat(text: text)
            }
            y = Int(parts[1]); m = Int(parts[0])
        }
        guard let year = y, let month = m else { throw .dateFormat(text: text) }
        guard let value = YearMonth(year: year, month: month) else {
            throw .dateInvalid(year: year, month: month, day: 1)
        }
        return value
    }

    /// The first day of the month.
    public var firstDay: LocalDate { LocalDate.unchecked(year, month, 1) }

    /// The last day of the month (28, 29, 30 or 31).
    public var lastDay: LocalDate {
        LocalDate.unchecked(year, month, LocalDate.daysInMonth(year: year, month: month))
    }

    /// Every day of the month, in order.
    public var days: ClosedRange<LocalDate> { firstDay...lastDay }

    /// Whether `date` falls in this month.
    public func contains(_ date: LocalDate) -> Bool { date.year == year && date.month == month }

    /// The month `months` later (earlier when negative).
    public func adding(months: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + months
        return YearMonth(validYear: index / 12, month: index % 12 + 1)
    }

    /// The following month.
    public var next: YearMonth { adding(months: 1) }

    /// The preceding month.
    public var previous: YearMonth { adding(months: -1) }

    /// `YYYY-MM`.
    public var description: String { String(format: "%04d-%02d", year, month) }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}

extension YearMonth: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try YearMonth.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
