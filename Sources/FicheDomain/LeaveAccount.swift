/// What a dossier's annual leave is worked out from, the same on a device and on the server:
/// its career periods (entry, exit, regime and category through the year), the person's birth
/// date (the age band) and the leave rules.
public struct LeaveAccount: Hashable, Sendable {
    public let career: Career
    public let birthDate: LocalDate
    public let rules: LeaveRules

    public init(career: Career, birthDate: LocalDate, rules: LeaveRules) {
        self.career = career
        self.birthDate = birthDate
        self.rules = rules
    }
}
