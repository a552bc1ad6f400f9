import FicheDomain
import Foundation
import Synchronization

/// Dates as the server writes them: ISO 8601 UTC instants, and Brussels calendar days.
///
/// Both are asked for at every request; each keeps its last answer, which holds for the rest
/// of that second (ISO text, written to the second) or minute (the Brussels day: midnight and
/// the clock changes fall on whole minutes), so that a busy server does not build a calendar
/// and a formatter per request.
enum Timestamps {
    private static let lastISO = Mutex<(second: Int64, text: String)?>(nil)
    private static let lastDay = Mutex<(minute: Int64, day: LocalDate?)?>(nil)

    /// `2025-03-01T09:30:00Z`.
    static func iso(_ date: Date) -> String {
        let second = Int64(date.timeIntervalSince1970.rounded(.down))
        if let last = lastISO.withLock({ $0 }), last.second == second { return last.text }
        let text = Date(timeIntervalSince1970: Double(second)).formatted(.iso8601)
        lastISO.withLock { $0 = (second, text) }
        return text
    }

    /// The calendar day in Brussels at `date`.
    static func brusselsDay(_ date: Date) -> LocalDate? {
        let minute = Int64((date.timeIntervalSince1970 / 60).rounded(.down))
        if let last = lastDay.withLock({ $0 }), last.minute == minute { return last.day }
        let day = computeBrusselsDay(date)
        lastDay.withLock { $0 = (minute, day) }
        return day
    }

    private static func computeBrusselsDay(_ date: Date) -> LocalDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Brussels") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }
}
