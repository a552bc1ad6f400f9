import FicheDomain
import Foundation

extension LocalDate {
    /// The calendar date of `date` in UTC (grants are valid by day).
    init(utc date: Date) {
        self.init(dayNumber: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}

extension LocalDate {
    /// Today on the clerk's machine, in its own time zone (Brussels for the users of Fiche).
    public static var today: LocalDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? LocalDate(utc: Date())
    }
}
