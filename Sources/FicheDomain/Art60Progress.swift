/// The running count of qualifying days of an article 60 worker and the projected date the
/// target is reached — the number the follow-up cell watches.
///
/// Counted per scheduled working day from the contract start: worked days, absences whose
/// type counts (sickness, work accident, leave, compensatory rest…), public holidays, and
/// unpaid absences up to the policy's cap per calendar year (10 days). Rejected records are
/// ignored; draft and submitted ones count, so the projection reacts as soon as an absence
/// is entered. Days are converted to the unemployment day system of the policy (6 per week:
/// a full-time day is worth 6/5). Future days are projected as worked, except absences
/// already entered for them.
///
/// ```swift
/// let progress = try Art60Progress(contract: contract, birthDate: person.birthDate, rules: rules,
///                                  calendar: workCalendar, records: records, asOf: today)
/// progress.qualifyingDays        // 187.2
/// progress.projectedTargetDate   // 2026-01-14
/// ```
public struct Art60Progress: Hashable, Sendable {
    public let policyID: String
    public let band: Art60AgeBand
    public let asOf: LocalDate
    /// Qualifying days counted up to `asOf`, in the policy's unemployment day system.
    public let qualifyingDays: Double
    public var targetDays: Int { band.targetDays }
    /// Contract working days (not converted) worked up to `asOf`.
    public let workedDays: Double
    /// Contract working days of counted absences and public holidays up to `asOf`.
    public let assimilatedDays: Double
    /// Unpaid absence days counted within the yearly cap up to `asOf`.
    public let unpaidCountedDays: Double
    /// Absence days that did not count up to `asOf` (over the cap, or types that never count).
    public let lostDays: Double
    /// The day the target is (or was) reached; `nil` if not within ten years or the contract ended first.
    public let projectedTargetDate: LocalDate?
    /// Last day of the reference window (contract start + window months − 1 day).
    public let windowEnd: LocalDate

    /// Whether the target has been reached by `asOf`.
    public var isReached: Bool { projectedTargetDate.map { $0 <= asOf } ?? false }

    /// Qualifying days still to go.
    public var remainingDays: Double { max(0, Double(targetDays) - qualifyingDays) }

    /// Whether the projected date falls within the reference window.
    public var isWithinWindow: Bool { projectedTargetDate.map { $0 <= windowEnd } ?? false }

    /// Computes the progress of `contract` on `asOf`.
    ///
    /// - Parameters:
    ///   - birthDate: the worker's birth date; the age at contract start selects the band.
    ///   - rules: the policies and the absence catalogue.
    ///   - calendar: the worker's schedule and the CPAS holidays.
    ///   - records: the worker's time records (other dossiers are ignored).
    /// - Throws: `art60.no_policy`, `art60.no_age_band`.
    public init(contract: Art60Contract, birthDate: LocalDate, rules: RuleBook, calendar: WorkCalendar,
                records: [TimeRecord], asOf: LocalDate) throws(RuleViolation) {
        let policy = try rules.art60Policy(forContractStart: contract.start)
        try self.init(contract: contract, birthDate: birthDate, policy: policy, catalogue: rules.absenceCatalogue,
                      calendar: calendar, records: records, asOf: asOf)
    }

    /// Computes the progress under an explicit `policy` (see the other initialiser).
    public init(contract: Art60Contract, birthDate: LocalDate, policy: Art60Policy, catalogue: AbsenceCatalogue,
                calendar: WorkCalendar, records: [TimeRecord], asOf: LocalDate) throws(RuleViolation) {
        let band = try policy.band(forAge: birthDate.age(on: contract.start))
        self.policyID = policy.id
        self.band = band
        self.asOf = asOf
        self.windowEnd = contract.start.adding(months: band.windowMonths).adding(days: -1)

        let absences = records
            .filter { $0.dossierID == contract.dossierID && $0.isActive && $0.kind == .absence && !$0.isHourBased }
            .sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        // Everything is counted in half days to stay exact; the target in half days × week days.
        let targetUnits = band.targetDays * 10
        let capHalves = Int((policy.unpaidCapDaysPerYear * 2).rounded())
        var worked = 0, assimilated = 0, unpaid = 0, lost = 0
        var unpaidUsed: [Int: Int] = [:]
        var reachedOn: LocalDate?
        var date = contract.start
        let lastDay = contract.end ?? contract.start.adding(days: 3653)
        var snapshot = (worked: 0, assimilated: 0, unpaid: 0, lost: 0)
        var index = 0

        while date <= lastDay {
            let scheduled = calendar.scheduledDay(on: date).halves
            if scheduled != 0 {
                if calendar.holidays.isHoliday(date) {
                    assimilated += scheduled.nonzeroBitCount
                } else {
                    var remaining = scheduled
                    while index < absences.count && absences[index].end < date { index += 1 }
                    for record in absences[index...] where record.start <= date {
                        guard record.end >= date else { continue }
                        let part = remaining & record.dayPart.halves
                        guard part != 0 else { continue }
                        remaining &= ~part
                        let halves = part.nonzeroBitCount
                        switch catalogue.type(record.typeCode ?? "")?.art60 ?? .none {
                        case .counts:
                            assimilated += halves
                        case .unpaidCapped:
                            let used = unpaidUsed[date.year, default: 0]
                            let counted = max(0, min(halves, capHalves - used))
                            unpaidUsed[date.year] = used + counted
                            unpaid += counted
                            lost += halves - counted
                        case .none:
                            lost += halves
                        }
                    }
                    worked += remaining.nonzeroBitCount
                }
            }
            if date <= asOf { snapshot = (worked, assimilated, unpaid, lost) }
            if reachedOn == nil && (worked + assimilated + unpaid) * policy.unemploymentWeekDays >= targetUnits {
                reachedOn = date
            }
            if reachedOn != nil && date >= asOf { break }
            date = date.adding(days: 1)
        }

        let counted = snapshot.worked + snapshot.assimilated + snapshot.unpaid
        self.qualifyingDays = Double(counted * policy.unemploymentWeekDays) / 10
        self.workedDays = Double(snapshot.worked) / 2
        self.assimilatedDays = Double(snapshot.assimilated) / 2
        self.unpaidCountedDays = Double(snapshot.unpaid) / 2
        self.lostDays = Double(snapshot.lost) / 2
        self.projectedTargetDate = reachedOn
    }
}
