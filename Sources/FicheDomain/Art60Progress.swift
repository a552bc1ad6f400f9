/// The running count of qualifying days of an article 60 worker and the projected date the
/// target is reached — the number the follow-up cell watches — with what did not count and why.
///
/// Counted per scheduled working day from the contract start, each day under the policy in
/// force THAT day (`Rules/art60-policies.toml`): worked days and public holidays count; an
/// absence day counts, extends the reference window, or does neither, by its type and who paid
/// it (a sickness or accident day: the employer for the guaranteed salary, then the mutuality
/// or insurer, `SicknessPayer`). Since 1 March 2026 sickness paid by the mutuality, the 10
/// unpaid days and vocational training only extend the window. Rejected records are ignored;
/// draft and submitted ones count, so the projection reacts as soon as an absence is entered.
/// Days are converted to the unemployment day system of the policy (6 per week: a full-time
/// day is worth 6/5). Future days are projected as worked, except absences already entered.
///
/// The target and the window come from the policy in force on the day the contract ends (its
/// end, else its planned end, else the day the target is reached), for the worker's age that
/// day (UVCW: the age at the end of the contract matters).
///
/// ```swift
/// let progress = try Art60Progress(contract: contract, birthDate: person.birthDate, rules: rules,
///                                  calendar: workCalendar, records: records, asOf: today)
/// progress.qualifyingDays        // 187.2
/// progress.projectedTargetDate   // 2027-04-09
/// progress.notCounted            // [sick, mutuality_or_insurer, extends, 18 days]
/// ```
public struct Art60Progress: Hashable, Sendable {
    /// The policy the target and window come from.
    public let policyID: String
    public let band: Art60AgeBand
    public let asOf: LocalDate
    /// Qualifying days counted up to `asOf`, in the unemployment day system of each day's policy.
    public let qualifyingDays: Double
    public var targetDays: Int { band.targetDays }
    /// Contract working days scheduled from the start up to `asOf`.
    public let scheduledDays: Double
    /// Contract working days (not converted) worked up to `asOf`.
    public let workedDays: Double
    /// Contract working days of counted absences and public holidays up to `asOf`.
    public let assimilatedDays: Double
    /// Unpaid absence days counted within the yearly cap up to `asOf`.
    public let unpaidCountedDays: Double
    /// Absence days up to `asOf` that did not count, by reason, most days first.
    public let notCounted: [Art60NotCounted]
    /// The day the target is (or was) reached; `nil` if not within ten years or the contract ended first.
    public let projectedTargetDate: LocalDate?
    /// Last day of the reference window before any extension (contract start + window months − 1 day).
    public let baseWindowEnd: LocalDate
    /// Calendar days the window is extended by: days of absences entered (up to the projected
    /// date) whose outcome is `extends`.
    public let extensionDays: Int
    /// The ids of the policies that judged the days up to `asOf`, in date order (two for a
    /// contract running across a reform).
    public let dayPolicyIDs: [String]

    /// The revision of the count below. Raise it with any change that can give another result
    /// from the same inputs: projections stored with another revision are then recomputed.
    public static let countRevision = 1

    /// Last day of the reference window, extended by `extensionDays`.
    public var windowEnd: LocalDate { baseWindowEnd.adding(days: extensionDays) }

    /// Absence days that did not count up to `asOf` (every reason).
    public var lostDays: Double { notCounted.reduce(0) { $0 + $1.days } }

    /// Whether the target has been reached by `asOf`.
    public var isReached: Bool { projectedTargetDate.map { $0 <= asOf } ?? false }

    /// Qualifying days still to go.
    public var remainingDays: Double { max(0, Double(targetDays) - qualifyingDays) }

    /// Whether the projected date falls within the (extended) reference window.
    public var isWithinWindow: Bool { projectedTargetDate.map { $0 <= windowEnd } ?? false }

    /// The day the contract has to run to, at least, for the worker to reach the target: the
    /// projected date, when it falls after `contractEnd` (the contract's end, else its planned
    /// end). The contract would end short of the target and the worker leave without the
    /// unemployment rights it is for. `nil` when the target falls on or before that day, when
    /// there is no end, or when no date is projected (then the target is out of reach).
    public func extensionNeeded(contractEnd: LocalDate?) -> LocalDate? {
        guard let contractEnd, let projectedTargetDate, projectedTargetDate > contractEnd else { return nil }
        return projectedTargetDate
    }

    /// A progress worked out earlier, from its figures as they were kept (`art60_projection`).
    public init(policyID: String, band: Art60AgeBand, asOf: LocalDate, qualifyingDays: Double, scheduledDays: Double,
                workedDays: Double, assimilatedDays: Double, unpaidCountedDays: Double, notCounted: [Art60NotCounted],
                projectedTargetDate: LocalDate?, baseWindowEnd: LocalDate, extensionDays: Int, dayPolicyIDs: [String]) {
        self.policyID = policyID
        self.band = band
        self.asOf = asOf
        self.qualifyingDays = qualifyingDays
        self.scheduledDays = scheduledDays
        self.workedDays = workedDays
        self.assimilatedDays = assimilatedDays
        self.unpaidCountedDays = unpaidCountedDays
        self.notCounted = notCounted
        self.projectedTargetDate = projectedTargetDate
        self.baseWindowEnd = baseWindowEnd
        self.extensionDays = extensionDays
        self.dayPolicyIDs = dayPolicyIDs
    }

    /// Computes the progress of `contract` on `asOf`.
    ///
    /// - Parameters:
    ///   - birthDate: the worker's birth date; the age when the contract ends selects the band.
    ///   - rules: the policies, the absence catalogue and the guaranteed salary.
    ///   - calendar: the worker's schedule and the CPAS holidays.
    ///   - records: the worker's time records (other dossiers are ignored).
    /// - Throws: `art60.no_policy`, `art60.no_age_band`.
    public init(contract: Art60Contract, birthDate: LocalDate, rules: RuleBook, calendar: WorkCalendar,
                records: [TimeRecord], asOf: LocalDate) throws(RuleViolation) {
        try self.init(contract: contract, birthDate: birthDate, policies: rules.art60Policies,
                      catalogue: rules.absenceCatalogue, guaranteedSalary: rules.guaranteedSalary,
                      calendar: calendar, records: records, asOf: asOf)
    }

    /// Computes the progress under explicit `policies` (dated, any order; see the other initialiser).
    public init(contract: Art60Contract, birthDate: LocalDate, policies: [Art60Policy], catalogue: AbsenceCatalogue,
                guaranteedSalary: GuaranteedSalaryRule, calendar: WorkCalendar, records: [TimeRecord],
                asOf: LocalDate) throws(RuleViolation) {
        let policies = policies.sorted { $0.validFrom < $1.validFrom }
        // The day loop below refers to policies by their place in `policies` (no copy per day).
        func policyIndex(on date: LocalDate) throws(RuleViolation) -> Int {
            guard let index = policies.lastIndex(where: { $0.applies(to: date) }) else {
                throw .art60PolicyMissing(contractStart: date)
            }
            return index
        }
        func target(on date: LocalDate) throws(RuleViolation) -> (policy: Art60Policy, band: Art60AgeBand) {
            let policy = policies[try policyIndex(on: date)]
            return (policy, try policy.band(forAge: birthDate.age(on: date)))
        }
        // Without a fixed end, the goal of each day is the policy of that day for the age that
        // day: it changes only with the policy or a birthday, so it is looked up then.
        var dayGoal: (policy: Int, age: Int, units: Int)?
        func dayGoalUnits(on date: LocalDate, policy: Int) throws(RuleViolation) -> Int {
            let age = birthDate.age(on: date)
            if let dayGoal, dayGoal.policy == policy, dayGoal.age == age { return dayGoal.units }
            let units = try policies[policy].band(forAge: age).targetDays * 10
            dayGoal = (policy, age, units)
            return units
        }
        var fixedTarget: (policy: Art60Policy, band: Art60AgeBand)?
        if let end = contract.end ?? contract.plannedEnd { fixedTarget = try target(on: end) }
        let fixedGoalUnits = fixedTarget.map { $0.band.targetDays * 10 }

        let absences = records
            .filter { $0.dossierID == contract.dossierID && $0.isActive && $0.kind == .absence && !$0.isHourBased }
            .sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        let sickness = SicknessPayer(rule: guaranteedSalary, incapacities: absences.compactMap { record in
            catalogue.type(record.typeCode ?? "")?.isIncapacity == true ? record.start...record.end : nil
        })

        // Everything is counted in half days to stay exact; qualifying units are half days × week
        // days of the day's policy, so the target is target days × 10.
        struct Reason: Hashable { var typeCode: String; var payer: DayPayer; var outcome: Art60DayOutcome; var overCap: Bool }
        // Days acquired before the contract count from its first day.
        let priorUnits = max(0, min(contract.priorDays, Art60Contract.maximumPriorDays)) * 10
        var scheduledHalves = 0, worked = 0, assimilated = 0, unpaid = 0, units = priorUnits, extendedDays = 0
        var lost: [Reason: Int] = [:]
        var unpaidUsed: [Int: Int] = [:]
        var reached: (date: LocalDate, target: (policy: Art60Policy, band: Art60AgeBand))?
        var dayPolicyIDs: [String] = []
        var lastDayPolicy = -1
        var snapshot = (scheduled: 0, worked: 0, assimilated: 0, unpaid: 0, units: priorUnits)
        // The walk compares day numbers, read once: a worker's count walks every day of a year or
        // more, and a watch over every contract walks millions.
        var date = contract.start
        var dayNumber = date.dayNumber
        let lastDayNumber = (contract.end ?? contract.start.adding(days: 3653)).dayNumber
        let asOfNumber = asOf.dayNumber
        let policyFirst = policies.map(\.validFrom.dayNumber)
        let policyLast = policies.map { $0.validTo?.dayNumber ?? Int.max }
        let absenceStart = absences.map(\.start.dayNumber), absenceEnd = absences.map(\.end.dayNumber)
        let schedules = ScheduledHalves(calendar)
        var index = 0
        var dayPolicy = try policyIndex(on: date)
        var weekDays = policies[dayPolicy].unemploymentWeekDays
        // The holidays of the year being walked, asked once per year.
        var holidayYear = date.year
        var holidays = calendar.holidays.holidayDayNumbers(in: holidayYear)

        while dayNumber <= lastDayNumber {
            if dayNumber < policyFirst[dayPolicy] || dayNumber > policyLast[dayPolicy] {
                dayPolicy = try policyIndex(on: date)
                weekDays = policies[dayPolicy].unemploymentWeekDays
            }
            let isPast = dayNumber <= asOfNumber
            if isPast && lastDayPolicy != dayPolicy {
                dayPolicyIDs.append(policies[dayPolicy].id)
                lastDayPolicy = dayPolicy
            }
            if date.year != holidayYear {
                holidayYear = date.year
                holidays = calendar.holidays.holidayDayNumbers(in: holidayYear)
            }
            let scheduled = schedules.halves(on: dayNumber)
            var counted = 0
            var extendsToday = false
            if scheduled != 0 && holidays[dayNumber] != nil {
                counted = scheduled.nonzeroBitCount
                assimilated += counted
            } else {
                var remaining = scheduled
                while index < absences.count && absenceEnd[index] < dayNumber { index += 1 }
                // Sorted by start: the records from `index` on that started by `date`.
                var next = index
                while next < absences.count && absenceStart[next] <= dayNumber {
                    defer { next += 1 }
                    guard absenceEnd[next] >= dayNumber else { continue }
                    let record = absences[next]
                    let type = catalogue.type(record.typeCode ?? "")
                    let payer = type.map { $0.isIncapacity ? (sickness.payer(on: date) ?? $0.payer(for: .art60)) : $0.payer(for: .art60) } ?? .nobody
                    let judged = type.map { policies[dayPolicy].judge($0, payer: payer) } ?? (.neither, false)
                    guard scheduled != 0 else {
                        // A day off inside an absence (a weekend in a sickness) extends the window too.
                        if judged.outcome == .extends && !judged.capped && record.dayPart == .full { extendsToday = true }
                        continue
                    }
                    let part = remaining & record.dayPart.halves
                    guard part != 0 else { continue }
                    remaining &= ~part
                    let halves = part.nonzeroBitCount
                    var within = halves
                    if judged.capped {
                        let capHalves = Int((policies[dayPolicy].unpaidCapDaysPerYear * 2).rounded())
                        let used = unpaidUsed[date.year, default: 0]
                        within = max(0, min(halves, capHalves - used))
                        unpaidUsed[date.year] = used + within
                    }
                    let code = record.typeCode ?? ""
                    if within > 0 {
                        switch judged.outcome {
                        case .counts:
                            counted += within
                            if judged.capped { unpaid += within } else { assimilated += within }
                        case .extends:
                            extendsToday = true
                            if isPast { lost[Reason(typeCode: code, payer: payer, outcome: .extends, overCap: false), default: 0] += within }
                        case .neither:
                            if isPast { lost[Reason(typeCode: code, payer: payer, outcome: .neither, overCap: false), default: 0] += within }
                        }
                    }
                    if halves > within && isPast {
                        lost[Reason(typeCode: code, payer: payer, outcome: .neither, overCap: true), default: 0] += halves - within
                    }
                }
                worked += remaining.nonzeroBitCount
                counted += remaining.nonzeroBitCount
            }
            scheduledHalves += scheduled.nonzeroBitCount
            units += counted * weekDays
            if extendsToday { extendedDays += 1 }
            if isPast { snapshot = (scheduledHalves, worked, assimilated, unpaid, units) }
            if reached == nil {
                let goal: Int
                if let fixedGoalUnits { goal = fixedGoalUnits } else { goal = try dayGoalUnits(on: date, policy: dayPolicy) }
                if units >= goal {
                    if let fixedTarget { reached = (date, fixedTarget) } else { reached = (date, try target(on: date)) }
                }
            }
            if reached != nil && dayNumber >= asOfNumber { break }
            date = date.nextDay
            dayNumber += 1
        }

        let reference: (policy: Art60Policy, band: Art60AgeBand)
        if let fixedTarget {
            reference = fixedTarget
        } else if let reached {
            reference = reached.target
        } else {
            reference = try target(on: max(asOf, contract.start))
        }
        self.policyID = reference.policy.id
        self.band = reference.band
        self.asOf = asOf
        self.baseWindowEnd = contract.start.adding(months: reference.band.windowMonths).adding(days: -1)
        self.extensionDays = extendedDays
        self.dayPolicyIDs = dayPolicyIDs
        self.qualifyingDays = Double(snapshot.units) / 10
        self.scheduledDays = Double(snapshot.scheduled) / 2
        self.workedDays = Double(snapshot.worked) / 2
        self.assimilatedDays = Double(snapshot.assimilated) / 2
        self.unpaidCountedDays = Double(snapshot.unpaid) / 2
        self.notCounted = lost.map { reason, halves in
            Art60NotCounted(typeCode: reason.typeCode, payer: reason.payer, outcome: reason.outcome,
                            overCap: reason.overCap, days: Double(halves) / 2)
        }.sorted { ($1.days, $0.typeCode, $0.payer.rawValue, $0.overCap ? 1 : 0)
            < ($0.days, $1.typeCode, $1.payer.rawValue, $1.overCap ? 1 : 0) }
        self.projectedTargetDate = reached?.date
    }
}
