import FicheDomain
import Foundation

extension LocalDate {
    /// The calendar date of `date` in UTC (grants are valid by day, as the server checks them).
    init(utc date: Date) {
        self.init(dayNumber: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
