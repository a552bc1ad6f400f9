import Foundation

/// A decimal number as Belgian offices write it, exactly: `7,6` (decimal comma) or `7.6`.
///
/// Only digits with at most one decimal sign: no sign, exponent, thousands separator, `nan` or
/// `inf`, so `1.234,5` or `1e3` is not a number rather than a surprise. Kept as an integer and a
/// scale, so `7,6` hours are 456 minutes, not 455.99999.
///
/// ```swift
/// DecimalText("7,6")?.rounded(times: 60)    // 456
/// DecimalText("3.5")?.rounded(times: 60)    // 210
/// DecimalText("1.234,5")                    // nil
/// ```
public struct DecimalText: Hashable, Sendable {
    /// The digits without the decimal sign: 76 for `7,6`.
    public let digits: Int
    /// How many of them are decimals: 1 for `7,6`.
    public let scale: Int

    /// Reads `text` (spaces around it ignored); nil when it is not a plain decimal number.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(omittingEmptySubsequences: false) { $0 == "," || $0 == "." }
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        if parts.count == 2 && fraction.isEmpty { return nil }
        // At most 15 digits: times any multiplier up to 1000, well inside Int.
        guard whole.count <= 9, fraction.count <= 6,
              (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber }),
              let digits = Int(whole + fraction) else { return nil }
        self.digits = digits
        self.scale = fraction.count
    }

    /// The number times `multiplier` (0…1000), rounded to the nearest whole (halves up): hours to minutes.
    public func rounded(times multiplier: Int) -> Int {
        var power = 1
        for _ in 0..<scale { power *= 10 }
        return (digits * multiplier + power / 2) / power
    }
}
