import FicheDomain

/// What the art. 60 projection of one contract reads, gathered from the replica beforehand so
/// that the projections of many contracts can be worked out side by side.
struct Art60ProjectionInput: Sendable {
    var contract: Art60Contract
    /// The worker's birth date; without one there is no progress.
    var birthDate: LocalDate?
    /// The worker's calendar; without one there is no progress.
    var calendar: WorkCalendar?
    /// The worker's absences.
    var records: [TimeRecord]

    /// The contract's progress on `asOf`, or `nil` without a birth date or calendar, or when the
    /// rules have none for the contract (its dossier's art. 60 tab shows why, and the contract is
    /// still listed when it ends).
    func progress(rules: RuleBook, asOf: LocalDate) -> Art60Progress? {
        guard let birthDate, let calendar else { return nil }
        // try?: no progress when the rules have none for the contract (see above).
        return try? Art60Progress(contract: contract, birthDate: birthDate, rules: rules, calendar: calendar,
                                  records: records, asOf: asOf)
    }
}
