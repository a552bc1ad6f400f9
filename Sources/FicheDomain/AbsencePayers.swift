/// Who pays each absence day of one dossier, by the day's absence type and the worker's staff
/// category that day.
///
/// An incapacity (sickness, work accident) of a category under the guaranteed salary (contract
/// staff, `Rules/guaranteed-salary.toml`) is paid by the employer for the first 30 calendar
/// days, then by the mutuality or the insurer (`SicknessPayer`, relapse rule included); any
/// other day by the type's payer for the category (`AbsenceType.payer(for:)`, from
/// `Rules/absence-types.toml`: maternity is paid by the mutuality for contract staff, by the
/// employer for statutory staff).
///
/// ```swift
/// let payers = AbsencePayers(catalogue: rules.absenceCatalogue, guaranteedSalary: rules.guaranteedSalary,
///                            records: validatedRecords)
/// payers.payment(of: sick, on: date("2026-11-02"), category: .contractual)   // .mutualityOrInsurer
/// payers.payment(of: sick, on: date("2026-11-02"), category: .statutory)     // .salary
/// ```
public struct AbsencePayers: Hashable, Sendable {
    public let guaranteedSalary: GuaranteedSalaryRule
    /// The incapacities of the records given, merged into spells, and who pays each day of them.
    public let sickness: SicknessPayer

    /// - Parameter records: the dossier's records that count (the caller chooses: validated
    ///   ones for the payroll), including the incapacities before the period judged, which the
    ///   relapse rule needs.
    public init(catalogue: AbsenceCatalogue, guaranteedSalary: GuaranteedSalaryRule, records: [TimeRecord]) {
        self.guaranteedSalary = guaranteedSalary
        sickness = SicknessPayer(rule: guaranteedSalary, incapacities: records.compactMap { record in
            guard record.kind == .absence, !record.isHourBased, record.start <= record.end,
                  catalogue.type(record.typeCode ?? "")?.isIncapacity == true else { return nil }
            return record.start...record.end
        })
    }

    /// How a day of `type` on `date` is paid for a worker of `category`.
    public func payment(of type: AbsenceType, on date: LocalDate, category: StaffCategory) -> DayPayment {
        if type.isIncapacity && guaranteedSalary.categories.contains(category) {
            switch sickness.payer(on: date) {
            case .employer: return .guaranteedSalary
            case .mutualityOrInsurer: return .mutualityOrInsurer
            case .nobody: return .nobody
            case nil: break
            }
        }
        switch type.payer(for: category) {
        case .employer: return .salary
        case .mutualityOrInsurer: return .mutualityOrInsurer
        case .nobody: return .nobody
        }
    }
}
