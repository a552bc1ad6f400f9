import FicheDomain

extension OfficeClock {
    /// The clock of this target's replicas: 24 November 2026, 10:00 in Brussels, whatever the
    /// machine's date and zone (a test that passes today passes next year).
    static let tests = OfficeClock.fixed(at: LocalDate(dayNumber: 20_781), hour: 10)  // 2026-11-24
}
