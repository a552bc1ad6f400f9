/// What a dossier's annual leave is worked out from, the same on a device and on the server:
/// its career periods (entry, exit, regime and category through the year), the person's birth
/// date (the age band) and the leave rules.
public struct LeaveAccount: Hashable, Sendable {
    public let career: Career
    public let birthDate: LocalDate
    public let rules: LeaveRules

    /// The account of a dossier with these career periods; nil without any (no balance is kept then).
    public init?(periods: [CareerPeriod], birthDate: LocalDate, rules: LeaveRules) {
        guard !periods.isEmpty else { return nil }
        career = Career(periods: periods)
        (self.birthDate, self.rules) = (birthDate, rules)
    }
}
