import FicheDomain

/// Dates written as `"2026-03-02"` in tests.
extension LocalDate: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        do {
            self = try LocalDate.parse(value)
        } catch {
            preconditionFailure("a test wrote \(value), which is not a date")
        }
    }
}
