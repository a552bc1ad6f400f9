/// Who pays each absence day of one dossier, by the day's absence type and the worker's staff
/// category that day.
///
/// An incapacity (sickness, work accident) of a category under the guaranteed salary (contract
/// staff, `Rules/guaranteed-salary.toml`) is paid by the employer for the first 30 calendar
/// days, then by the mutuality or the insurer (`SicknessPayer`, relapse rule included). A sick
/// day of a category with a sick-leave capital (statutory staff, `Rules/sick-leave-capital.toml`)
/// is paid the salary while the capital lasts, then the waiting allowance (`SickLeaveCapital`).
/// The first days of an event of a type with employer days (birth leave of contract staff: 3
/// days of each birth) are paid by the employer (`EmployerDaysPayer`). Any other day is paid by
/// the type's payer for the category (`AbsenceType.payer(for:)`, from
/// `Rules/absence-types.toml`: maternity is paid by the mutuality for contract staff, by the
/// employer for statutory staff).
///
/// A day is judged by half (1 the morning, 2 the afternoon): the two halves differ only when a
/// count of days runs out at noon (the capital, an event's employer days).
///
/// ```swift
/// let payers = AbsencePayers(catalogue: rules.absenceCatalogue, guaranteedSalary: rules.guaranteedSalary,
///                            sickLeaveCapital: rules.sickLeaveCapital, career: career, category: .statutory,
///                            calendar: calendar, records: validatedRecords)
/// payers.payment(of: sick, on: date("2026-11-02"), category: .contractual)   // .mutualityOrInsurer
/// payers.payment(of: sick, on: date("2026-11-02"), category: .statutory)     // .salary, or .waitingAllowance past the capital
/// ```
public struct AbsencePayers: Hashable, Sendable {
    public let guaranteedSalary: GuaranteedSalaryRule
    /// The incapacities of the records given, merged into spells, and who pays each day of them.
    public let sickness: SicknessPayer
    /// The sick days past the capital, when a rule is given and the worker has (had) one of its categories.
    public let sickLeaveCapital: SickLeaveCapital?
    /// The employer's first days of each event, by absence type code (types with `employerDays`).
    public let employerDays: [String: EmployerDaysPayer]

    /// - Parameters:
    ///   - sickLeaveCapital: the capital of statutory staff (`nil`: their sick days are all salary).
    ///   - career: the dossier's career, from its first period (the capital's seniority), and
    ///     `category` its category for days no period covers.
    ///   - calendar: its work calendar over the days of the records (working days counted).
    ///   - records: the dossier's records that count (the caller chooses: validated ones for the
    ///     payroll), including the earlier days the rules count: the incapacities before the
    ///     period judged (relapse rule), the sick days of the whole career (capital), the
    ///     earlier days of an event with employer days (birth leave).
    public init(catalogue: AbsenceCatalogue, guaranteedSalary: GuaranteedSalaryRule,
                sickLeaveCapital: SickLeaveCapitalRule?, career: Career, category: StaffCategory,
                calendar: WorkCalendar, records: [TimeRecord]) {
        self.guaranteedSalary = guaranteedSalary
        sickness = SicknessPayer(rule: guaranteedSalary, incapacities: records.compactMap { record in
            guard record.kind == .absence, !record.isHourBased, record.start <= record.end,
                  catalogue.type(record.typeCode ?? "")?.isIncapacity == true else { return nil }
            return record.start...record.end
        })
        // A rule for categories the worker never had changes no day: not worked out.
        let categories = Set(career.periods.map(\.category)).union([category])
        self.sickLeaveCapital = sickLeaveCapital.flatMap { rule in
            rule.categories.isDisjoint(with: categories) ? nil
                : SickLeaveCapital(rule: rule, career: career, category: category, calendar: calendar, records: records)
        }
        var employerDays: [String: EmployerDaysPayer] = [:]
        for type in catalogue.types {
            guard let rule = type.employerDays, !rule.categories.isDisjoint(with: categories) else { continue }
            employerDays[type.code] = EmployerDaysPayer(rule: rule, typeCode: type.code, career: career,
                                                        category: category, calendar: calendar, records: records)
        }
        self.employerDays = employerDays
    }

    /// How half `half` (1 the morning, 2 the afternoon) of a day of `type` on `date` is paid for
    /// a worker of `category`.
    public func payment(of type: AbsenceType, on date: LocalDate, category: StaffCategory, half: Int = 1) -> DayPayment {
        if type.isIncapacity && guaranteedSalary.categories.contains(category) {
            switch sickness.payer(on: date) {
            case .employer: return .guaranteedSalary
            case .mutualityOrInsurer: return .mutualityOrInsurer
            case .nobody: return .nobody
            case nil: break
            }
        }
        if let capital = sickLeaveCapital, capital.rule.categories.contains(category),
           capital.rule.deductedTypes.contains(type.code), capital.waitingAllowanceHalves(on: date) & half != 0 {
            return .waitingAllowance
        }
        if let rule = type.employerDays, rule.categories.contains(category),
           let payer = employerDays[type.code], payer.employerHalves(on: date) & half != 0 {
            return .salary
        }
        switch type.payer(for: category) {
        case .employer: return .salary
        case .mutualityOrInsurer: return .mutualityOrInsurer
        case .nobody: return .nobody
        }
    }
}
