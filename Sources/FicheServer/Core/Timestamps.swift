import FicheDomain
import Foundation

/// Dates as the server writes them: ISO 8601 UTC instants, and Brussels calendar days.
enum Timestamps {
    /// `2025-03-01T09:30:00Z`.
    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// The calendar day in Brussels at `date`.
    static func brusselsDay(_ date: Date) -> LocalDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Brussels") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }
}
