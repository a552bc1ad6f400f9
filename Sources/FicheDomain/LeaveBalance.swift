/// A dossier's annual leave for one year, as of one day: the days it is entitled to, those
/// carried from the year before, those taken (on or before the day), those planned (after it),
/// and what remains.
///
/// Taken and planned days are those of validated and submitted entries; drafts do not count
/// until they are submitted. Built by `LeaveLedger.balance(year:asOf:)`.
public struct LeaveBalance: Hashable, Sendable {
    public let year: Int
    public let asOf: LocalDate
    /// The year's days, pro rata of the time employed and of the regime, rounded up to the half day.
    public let entitlement: LeaveDays
    /// Days left from the year before, up to the carry-over rule's maximum.
    public let carriedOver: LeaveDays
    public let taken: LeaveDays
    public let planned: LeaveDays

    public init(year: Int, asOf: LocalDate, entitlement: LeaveDays, carriedOver: LeaveDays, taken: LeaveDays, planned: LeaveDays) {
        self.year = year
        self.asOf = asOf
        self.entitlement = entitlement
        self.carriedOver = carriedOver
        self.taken = taken
        self.planned = planned
    }

    /// Entitlement and carried days together.
    public var available: LeaveDays { entitlement + carriedOver }

    /// What is left once the taken and the planned days are subtracted (below zero when overdrawn).
    public var remaining: LeaveDays { available - taken - planned }
}
