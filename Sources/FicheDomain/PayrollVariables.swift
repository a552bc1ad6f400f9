/// The figures a payroll run needs for one dossier and one month.
///
/// Only validated records count. Records booked as a correction in this month
/// (`TimeRecord.correctionMonth`) are reported apart, by the month they concern, so the
/// payroll can recompute that month.
///
/// Each absence day is counted by who pays it (`AbsencePayers`): the employer (salary, or the
/// guaranteed salary of a contract worker's incapacity), the employer's waiting allowance (a
/// statutory worker's sick day past the capital, counted apart from the salary), the mutuality
/// or the insurer, or nobody, for the worker's staff category that day (from the career period,
/// else the dossier's). Public holidays on scheduled days are paid under the `public_holiday`
/// code, except inside an absence not paid the full salary that day (a career break, sickness
/// after the guaranteed salary or past the capital): that holiday counts with the absence,
/// under its payer.
///
/// ```swift
/// let variables = PayrollVariables(dossierID: dossier.id, month: march, career: career, category: dossier.category,
///                                  calendar: workCalendar, records: records, catalogue: rules.absenceCatalogue,
///                                  guaranteedSalary: rules.guaranteedSalary, sickLeaveCapital: rules.sickLeaveCapital)
/// variables.workedDays                  // 19
/// variables.paidAbsenceDays["annual_leave"]
/// variables.mutualitySickDays           // 21: sick since 1 October, the guaranteed month is over
/// ```
public struct PayrollVariables: Hashable, Sendable, Codable {
    public var dossierID: String
    public var month: YearMonth
    /// Regimes in force during the month, in order (several when the regime changed).
    public var regimes: [RegimeSpan]
    /// Days the schedule plans in the month, public holidays included.
    public var scheduledDays: Double
    /// Scheduled days neither absent nor public holidays.
    public var workedDays: Double
    /// Absence days the employer pays (salary or guaranteed salary), by absence type code
    /// (includes `public_holiday`).
    public var paidAbsenceDays: [String: Double]
    /// Absence days the mutuality or the work-accident insurer pays, by absence type code.
    public var mutualityAbsenceDays: [String: Double]
    /// Absence days nobody pays, by absence type code.
    public var unpaidAbsenceDays: [String: Double]
    /// Hour-based absences (training hours…), in minutes, by absence type code.
    public var absenceMinutes: [String: Int]
    /// Days of types reported as sickness (sickness, work accident).
    public var sicknessDays: Double
    /// Days of incapacity the employer pays as guaranteed salary (within `paidAbsenceDays`).
    public var guaranteedSalaryDays: Double
    /// Days of types reported as sickness paid by the mutuality or the insurer.
    public var mutualitySickDays: Double
    /// Absence days of a statutory worker past the sick-leave capital ("en disponibilité pour
    /// maladie"), paid the waiting allowance by the employer, by absence type code; in none of
    /// `paidAbsenceDays`, `mutualityAbsenceDays`, `unpaidAbsenceDays`.
    public var waitingAllowanceDays: [String: Double]
    /// Days of types reported as sickness paid the waiting allowance (the sum of `waitingAllowanceDays`
    /// for those types).
    public var availabilitySickDays: Double
    /// The first day of each incapacity (sickness, accident; touching records are one) with a
    /// day in the month, in order.
    public var incapacityStarts: [LocalDate]
    public var overtimeMinutes: Int
    public var latenessMinutes: Int
    /// Ids of validated records of earlier, closed months booked in this month, keyed by the month they concern (`YYYY-MM`).
    public var corrections: [String: [String]]

    /// Computes the variables of `dossierID` for `month`.
    ///
    /// - Parameters:
    ///   - category: the dossier's staff category, for days no career period covers.
    ///   - career: the dossier's career from its first period (the sick-leave capital counts the
    ///     service from it), and `calendar` its schedules over the same days.
    ///   - records: the dossier's records of the month, those booked in it as corrections, and
    ///     the earlier ones the payers count: its incapacities of the months before (the relapse
    ///     rule continues a guaranteed period across a month end), a statutory worker's sick days
    ///     of the whole career (the capital), the birth leave of the months before (a birth's
    ///     employer days); records of other dossiers are ignored.
    ///   - sickLeaveCapital: the capital of statutory staff; `nil` pays all their sick days the salary.
    public init(dossierID: String, month: YearMonth, career: Career, category: StaffCategory, calendar: WorkCalendar,
                records: [TimeRecord], catalogue: AbsenceCatalogue, guaranteedSalary: GuaranteedSalaryRule,
                sickLeaveCapital: SickLeaveCapitalRule?, publicHolidayCode: String = "public_holiday") {
        self.dossierID = dossierID
        self.month = month
        let first = month.firstDay
        let last = month.lastDay
        regimes = career.periods.compactMap { period in
            let start = max(period.start, first)
            let end = min(period.end ?? last, last)
            guard start <= end else { return nil }
            return RegimeSpan(start: start, end: end, regime: period.regime, grade: period.grade, scale: period.scale)
        }
        let mine = records.filter { $0.dossierID == dossierID && $0.status == .validated }
        let ownMonth = mine.filter { $0.correctionMonth == nil || $0.correctionMonth == month }
        var corrections: [String: [String]] = [:]
        for record in mine where record.correctionMonth == month && !month.contains(record.start) {
            corrections[record.start.yearMonth.description, default: []].append(record.id)
        }
        self.corrections = corrections.mapValues { $0.sorted() }

        let payers = AbsencePayers(catalogue: catalogue, guaranteedSalary: guaranteedSalary,
                                   sickLeaveCapital: sickLeaveCapital, career: career, category: category,
                                   calendar: calendar, records: mine)
        var scheduledHalves = 0, workedHalves = 0, sicknessHalves = 0, guaranteedHalves = 0, mutualitySickHalves = 0
        var availabilitySickHalves = 0
        var paid: [String: Int] = [:], mutuality: [String: Int] = [:], unpaid: [String: Int] = [:], minutes: [String: Int] = [:]
        var waiting: [String: Int] = [:]
        var overtime = 0, lateness = 0
        let absences = ownMonth.filter { $0.kind == .absence && !$0.isHourBased }
            .sorted { ($0.start, $0.id) < ($1.start, $1.id) }

        for date in first...last {
            let scheduled = calendar.scheduledDay(on: date).halves
            guard scheduled != 0 else { continue }
            scheduledHalves += scheduled.nonzeroBitCount
            let isHoliday = calendar.holidays.isHoliday(date)
            let dayCategory = career.period(on: date)?.category ?? category
            var remaining = scheduled
            for record in absences where record.start <= date && date <= record.end {
                let part = remaining & record.dayPart.halves
                guard part != 0, let code = record.typeCode else { continue }
                let type = catalogue.type(code)
                for half in [1, 2] where part & half != 0 {
                    let payment = type.map { payers.payment(of: $0, on: date, category: dayCategory, half: half) } ?? .nobody
                    // A holiday inside an absence paid the full salary is paid as a holiday.
                    if isHoliday && payment.paysFullSalary { continue }
                    remaining &= ~half
                    switch payment {
                    case .salary: paid[code, default: 0] += 1
                    case .guaranteedSalary:
                        paid[code, default: 0] += 1
                        guaranteedHalves += 1
                    case .waitingAllowance: waiting[code, default: 0] += 1
                    case .mutualityOrInsurer: mutuality[code, default: 0] += 1
                    case .nobody: unpaid[code, default: 0] += 1
                    }
                    if type?.countsAsSickness ?? false {
                        sicknessHalves += 1
                        if payment == .mutualityOrInsurer { mutualitySickHalves += 1 }
                        if payment == .waitingAllowance { availabilitySickHalves += 1 }
                    }
                }
            }
            if isHoliday {
                if remaining != 0 { paid[publicHolidayCode, default: 0] += remaining.nonzeroBitCount }
            } else {
                workedHalves += remaining.nonzeroBitCount
            }
        }
        for record in ownMonth where month.contains(record.start) {
            switch record.kind {
            case .overtime: overtime += record.durationMinutes
            case .lateness: lateness += record.durationMinutes
            case .absence where record.isHourBased:
                minutes[record.typeCode ?? "", default: 0] += record.durationMinutes
            default: break
            }
        }
        scheduledDays = Double(scheduledHalves) / 2
        workedDays = Double(workedHalves) / 2
        sicknessDays = Double(sicknessHalves) / 2
        guaranteedSalaryDays = Double(guaranteedHalves) / 2
        mutualitySickDays = Double(mutualitySickHalves) / 2
        availabilitySickDays = Double(availabilitySickHalves) / 2
        waitingAllowanceDays = waiting.mapValues { Double($0) / 2 }
        incapacityStarts = payers.sickness.spells.filter { $0.start <= last && $0.end >= first }.map(\.start)
        paidAbsenceDays = paid.mapValues { Double($0) / 2 }
        mutualityAbsenceDays = mutuality.mapValues { Double($0) / 2 }
        unpaidAbsenceDays = unpaid.mapValues { Double($0) / 2 }
        absenceMinutes = minutes
        overtimeMinutes = overtime
        latenessMinutes = lateness
    }
}

extension PayrollVariables {
    /// The absence days `payer` pays, by absence type code (the employer's salary and guaranteed
    /// salary; its waiting allowance is `waitingAllowanceDays`).
    public func days(paidBy payer: DayPayer) -> [String: Double] {
        switch payer {
        case .employer: return paidAbsenceDays
        case .mutualityOrInsurer: return mutualityAbsenceDays
        case .nobody: return unpaidAbsenceDays
        }
    }
}
