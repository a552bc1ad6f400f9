import Foundation

/// Where Fiche reads the time: the instant now and the zone the office lives in.
///
/// Every date and time a user reads (today, the top bar's last sync, the history, ages, the
/// date in an export's file name) is Brussels time, whatever zone the machine is set to. The
/// clock is a value handed to the replica, the app, the sync client and the server; only
/// `OfficeClock.system` reads the wall clock, so a test fixes the date with `fixed(_:)` and
/// passes next year and in any zone.
///
/// ```swift
/// let clock = OfficeClock.fixed(at: LocalDate(year: 2026, month: 11, day: 24)!, hour: 10)
/// clock.today          // 2026-11-24
/// clock.clockTime(clock.now())   // "10:00"
/// ```
public struct OfficeClock: Sendable {
    /// The instant now.
    public let now: @Sendable () -> Date
    /// The office's zone: Europe/Brussels.
    public let zone: TimeZone

    public init(zone: TimeZone = OfficeClock.brussels, now: @escaping @Sendable () -> Date) {
        self.now = now
        self.zone = zone
    }

    /// Europe/Brussels (CET/CEST), the zone of every date Fiche shows.
    public static let brussels: TimeZone = TimeZone(identifier: "Europe/Brussels") ?? TimeZone(secondsFromGMT: 3_600) ?? .gmt

    /// The machine's wall clock, read in Brussels time. The one place production reads the time.
    public static let system = OfficeClock(now: { Date() })

    /// A clock stopped at `instant` (tests, benchmarks, replays).
    public static func fixed(_ instant: Date) -> OfficeClock {
        OfficeClock(now: { instant })
    }

    /// A clock stopped on `day` at `hour`:`minute`, Brussels time.
    public static func fixed(at day: LocalDate, hour: Int = 12, minute: Int = 0) -> OfficeClock {
        fixed(OfficeClock.instant(day, hour: hour, minute: minute))
    }

    /// Today's date in Brussels.
    public var today: LocalDate { localDate(of: now()) }

    /// The Brussels calendar date of `instant`.
    public func localDate(of instant: Date) -> LocalDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? LocalDate(dayNumber: Int((instant.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// `instant` as a Brussels wall-clock time, "HH:mm".
    public func clockTime(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// The instant of `day` at `hour`:`minute` in Brussels.
    public static func instant(_ day: LocalDate, hour: Int = 12, minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = brussels
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400)
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }
}
