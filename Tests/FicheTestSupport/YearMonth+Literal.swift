import FicheDomain

/// Months written as `"2026-02"` in tests.
extension YearMonth: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        do {
            self = try YearMonth.parse(value)
        } catch {
            preconditionFailure("a test wrote \(value), which is not a month")
        }
    }
}
