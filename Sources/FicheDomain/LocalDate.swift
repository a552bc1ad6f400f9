import Foundation

/// A calendar date without time or time zone, as payroll rules speak of days.
///
/// Rules never depend on a time zone: "1 May" is a holiday wherever the clerk's machine is.
/// Encodes as `"YYYY-MM-DD"`; parses both `YYYY-MM-DD` and the Belgian `dd/mm/yyyy`.
///
/// ```swift
/// let easter = try LocalDate.parse("31/03/2024")
/// easter.adding(days: 1)      // 2024-04-01, Easter Monday
/// easter.weekday              // .sunday
/// ```
public struct LocalDate: Hashable, Sendable, Comparable, Strideable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or `nil` when the day does not exist (30 February, month 13…).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= LocalDate.daysInMonth(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The dates Fiche keeps: 1900-01-01 to 2200-12-31. A date outside is a typing or a
    /// forging error (`RuleViolation.dateOutOfRange`), and rules that walk day by day or month
    /// by month between two dates stay short.
    public static let supportedRange = LocalDate(dayNumber: -25_567)...LocalDate(dayNumber: 84_370)

    /// Checks that the date lies within `supportedRange`.
    ///
    /// - Throws: `RuleViolation.dateOutOfRange`.
    public func checkSupported() throws(RuleViolation) {
        guard LocalDate.supportedRange.contains(self) else { throw .dateOutOfRange(date: self) }
    }

    /// Creates the date `dayNumber` days after 1970-01-01 (negative before).
    public init(dayNumber: Int) {
        var z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        z = yoe + era * 400
        self.year = m <= 2 ? z + 1 : z
        self.month = m
        self.day = d
    }

    /// Parses `YYYY-MM-DD` or `dd/mm/yyyy` (also `d/m/yyyy` and `dd.mm.yyyy`).
    ///
    /// - Throws: `RuleViolation.dateFormat` when the text is not a date,
    ///   `RuleViolation.dateInvalid` when the day does not exist.
    public static func parse(_ text: String) throws(RuleViolation) -> LocalDate {
        if let (y, m, d) = isoParts(text) {
            guard let date = LocalDate(year: y, month: m, day: d) else { throw .dateInvalid(year: y, month: m, day: d) }
            return date
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts: [Substring]
        let order: (y: Int, m: Int, d: Int)
        if trimmed.contains("-") {
            parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            order = (0, 1, 2)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else {
                throw .dateFormat(text: text)
            }
        } else {
            let separator: Character = trimmed.contains("/") ? "/" : "."
            parts = trimmed.split(separator: separator, omittingEmptySubsequences: false)
            order = (2, 1, 0)
            guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count),
                  (1...2).contains(parts[1].count) else {
                throw .dateFormat(text: text)
            }
        }
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[order.y]), let m = Int(parts[order.m]), let d = Int(parts[order.d]) else {
            throw .dateFormat(text: text)
        }
        guard let date = LocalDate(year: y, month: m, day: d) else {
            throw .dateInvalid(year: y, month: m, day: d)
        }
        return date
    }

    /// The numbers of an exact `YYYY-MM-DD` (what the replica and the server store), read
    /// straight from the bytes: dates are parsed by the hundred thousand when a queue is read.
    private static func isoParts(_ text: String) -> (Int, Int, Int)? {
        let bytes = text.utf8
        guard bytes.count == 10 else { return nil }
        var numbers = (0, 0, 0)
        for (offset, byte) in bytes.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            if offset < 4 {
                numbers.0 = numbers.0 * 10 + digit
            } else if offset < 7 {
                numbers.1 = numbers.1 * 10 + digit
            } else {
                numbers.2 = numbers.2 * 10 + digit
            }
        }
        return numbers
    }

    /// Days since 1970-01-01; the basis for arithmetic and weekdays.
    public var dayNumber: Int { LocalDate.dayNumber(year: year, month: month, day: day) }

    /// Days since 1970-01-01 of a (year, month, day) triple, valid or not (used for clamped arithmetic).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The ISO weekday (Monday first).
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (ISO 4).
        Weekday.iso(dayNumber % 7 + 4)
    }

    /// The year and month this date falls in.
    public var yearMonth: YearMonth { YearMonth(validYear: year, month: month) }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// The day after, without the round trip through the day number (day-by-day loops).
    public var nextDay: LocalDate {
        if day < LocalDate.daysInMonth(year: year, month: month) { return LocalDate(valid: year, month, day + 1) }
        if month < 12 { return LocalDate(valid: year, month + 1, 1) }
        return LocalDate(valid: year + 1, 1, 1)
    }

    /// A date known to exist.
    private init(valid year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The same day `months` months later, clamped to the end of shorter months (31 Jan + 1 = 28/29 Feb).
    public func adding(months: Int) -> LocalDate {
        let target = yearMonth.adding(months: months)
        let d = min(day, LocalDate.daysInMonth(year: target.year, month: target.month))
        return LocalDate.unchecked(target.year, target.month, d)
    }

    /// Whole days from this date to `other` (positive when `other` is later).
    public func days(to other: LocalDate) -> Int { other.dayNumber - dayNumber }

    /// Age in completed years on `date` for a person born on this date.
    public func age(on date: LocalDate) -> Int {
        var age = date.year - year
        if (date.month, date.day) < (month, day) { age -= 1 }
        return age
    }

    /// `YYYY-MM-DD`, the storage and wire form.
    public var iso: String {
        Self.join((year, 4), (month, 2), (day, 2), separator: UInt8(ascii: "-"))
    }

    /// `dd/mm/yyyy`, the form Belgian clerks read and type.
    public var belgian: String {
        Self.join((day, 2), (month, 2), (year, 4), separator: UInt8(ascii: "/"))
    }

    /// Three zero-padded numbers joined by `separator`, written as bytes: `String(format:)`
    /// showed up in profiles of the server's push and of the payroll export, which write dates by
    /// the hundred thousand. A number that does not fit its field falls back to `String(format:)`.
    private static func join(_ first: (Int, Int), _ second: (Int, Int), _ third: (Int, Int), separator: UInt8) -> String {
        func fits(_ part: (Int, Int)) -> Bool { part.0 >= 0 && part.0 < (part.1 == 4 ? 10_000 : 100) }
        guard fits(first), fits(second), fits(third) else {
            let text = [first, second, third].map { String(format: "%0\($0.1)d", $0.0) }
            return text.joined(separator: String(UnicodeScalar(separator)))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        for (index, (value, width)) in [first, second, third].enumerated() {
            if index > 0 { bytes.append(separator) }
            var divisor = width == 4 ? 1_000 : 10
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { iso }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public func distance(to other: LocalDate) -> Int { days(to: other) }
    public func advanced(by n: Int) -> LocalDate { adding(days: n) }

    /// Number of days in a month of the proleptic Gregorian calendar.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether `year` has a 29 February.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Builds a date from parts the caller has already range-checked, without optionals.
    static func unchecked(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate(dayNumber: dayNumber(year: year, month: month, day: day))
    }
}

extension LocalDate: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try LocalDate.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
