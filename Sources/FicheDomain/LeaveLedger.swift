/// A dossier's annual leave worked out from its career and its entries: the entitlement of a
/// year, the days carried over, each entry's days, the balance, and the rule that an annual
/// leave may not go beyond it.
///
/// The entitlement of a year is, for each career period in it, the full-time days of its
/// category at the person's age on 1 January × its regime × its calendar days in the year ÷
/// the days of the year, summed and rounded up to the half day: 26 days at 80 % all year are
/// 21; from 1 July full time, 13.5. An entry counts the part of each scheduled working day it
/// covers (a half day 0.5; a full day off on a half-day schedule 0.5); an entry in hours counts
/// its minutes, 7 h 36 being one day.
///
/// ```swift
/// let ledger = LeaveLedger(account: account, records: records, calendar: calendar)
/// ledger.balance(year: 2026, asOf: today).remaining.text   // "12.5"
/// try ledger.check(newLeave)                                 // leave.balance_exceeded
/// ```
public struct LeaveLedger: Sendable {
    public let account: LeaveAccount
    /// The dossier's absences that use the balance (any status; `counts` says which do).
    public let records: [TimeRecord]
    public let calendar: WorkCalendar

    public init(account: LeaveAccount, records: [TimeRecord], calendar: WorkCalendar) {
        self.account = account
        self.records = records.filter { account.rules.usesBalance($0) }
        self.calendar = calendar
    }

    /// Whether an entry uses up days: submitted or validated, and counting (not rejected, not
    /// cancelled, not a correction waiting for its review, not a cancellation).
    public static func counts(_ record: TimeRecord) -> Bool {
        record.isActive && (record.status == .validated || record.status == .submitted)
    }

    /// The year's entitlement, pro rata of the career periods in it.
    public func entitlement(year: Int) -> LeaveDays {
        guard let first = LocalDate(year: year, month: 1, day: 1), let last = LocalDate(year: year, month: 12, day: 31) else {
            return .zero
        }
        let age = account.birthDate.age(on: first)
        let yearDays = first.days(to: last) + 1
        // Σ full-time days × thousandths of the regime × calendar days, exact in integers.
        var weighted = 0
        for period in account.career.periods {
            let start = max(period.start, first), end = min(period.end ?? last, last)
            guard start <= end, let days = account.rules.fullTimeDays(category: period.category, age: age) else { continue }
            weighted += days * period.regime.thousandths * (start.days(to: end) + 1)
        }
        let denominator = 1000 * yearDays
        return LeaveDays(halfDays: (2 * weighted + denominator - 1) / denominator)
    }

    /// Days left unused in the year before `year`, at most what the category of the last
    /// period of that year may carry. Carried days are taken as used first in the year they
    /// arrive: what the year before had carried itself is not followed further.
    public func carriedOver(into year: Int) -> LeaveDays {
        guard let lastDay = LocalDate(year: year - 1, month: 12, day: 31),
              let period = account.career.periods.last(where: { $0.start <= lastDay }),
              period.start.year <= year - 1 else { return .zero }
        let maxDays = account.rules.carryOverMaxDays(category: period.category)
        guard maxDays > 0 else { return .zero }
        let left = entitlement(year: year - 1) - used(in: year - 1, excluding: [])
        return min(max(left, .zero), LeaveDays(halfDays: 2 * maxDays))
    }

    /// The days `record` uses in `year` (those of its days in the year), on `dates` only when given.
    public func days(of record: TimeRecord, in year: Int, on dates: ClosedRange<LocalDate>? = nil) -> LeaveDays {
        guard record.kind == .absence, record.start <= record.end else { return .zero }
        var total = LeaveDays.zero
        for date in record.dates where date.year == year && (dates.map { $0.contains(date) } ?? true) {
            if record.isHourBased {
                total = total + LeaveDays(minutes: calendar.workDay(on: date) == .off ? 0 : record.durationMinutes)
            } else {
                total = total + LeaveDays(days: calendar.absenceDays(on: date, part: record.dayPart))
            }
        }
        return total
    }

    /// The balance of `year` on `asOf`: taken up to and including that day, planned after it.
    public func balance(year: Int, asOf: LocalDate) -> LeaveBalance {
        var taken = LeaveDays.zero, planned = LeaveDays.zero
        for record in records where Self.counts(record) {
            taken = taken + days(of: record, in: year, on: LocalDate.unchecked(1, 1, 1)...asOf)
            planned = planned + days(of: record, in: year, on: asOf.adding(days: 1)...LocalDate.unchecked(9999, 12, 31))
        }
        return LeaveBalance(year: year, asOf: asOf, entitlement: entitlement(year: year), carriedOver: carriedOver(into: year),
                            taken: taken, planned: planned)
    }

    private func used(in year: Int, excluding ids: Set<String>) -> LeaveDays {
        records.filter { Self.counts($0) && !ids.contains($0.id) }.reduce(LeaveDays.zero) { $0 + days(of: $1, in: year) }
    }

    /// What remains of each year `record` touches once it is taken (the other entries as they
    /// stand; the entry it replaces left out).
    public func remaining(after record: TimeRecord) -> [(year: Int, remaining: LeaveDays)] {
        let others = Set([record.id] + (record.replacesID.map { [$0] } ?? []))
        return (record.start.year...max(record.start.year, record.end.year)).map { year in
            let left = entitlement(year: year) + carriedOver(into: year) - used(in: year, excluding: others)
            return (year, left - days(of: record, in: year))
        }
    }

    /// Checks that `record`, if it uses the balance, fits in what remains of each of its years.
    ///
    /// - Throws: `RuleViolation.leaveBalanceExceeded` with the year, the entry's days and the
    ///   days that remain without it.
    public func check(_ record: TimeRecord) throws(RuleViolation) {
        guard account.rules.usesBalance(record), !record.isCancellation else { return }
        for (year, after) in remaining(after: record) {
            let requested = days(of: record, in: year)
            guard requested > .zero, after < .zero else { continue }
            throw .leaveBalanceExceeded(year: year, requestedDays: requested.text, remainingDays: (after + requested).text)
        }
    }
}
