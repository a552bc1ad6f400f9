import FicheTOML

/// One entry of an employer's absence catalogue (annual leave, sickness, strike…).
///
/// Read from `Rules/absence-types.toml`. The `code` is stable and language-neutral;
/// imports, exports and payroll files rely on it.
public struct AbsenceType: Hashable, Sendable, Codable, Identifiable {
    /// Stable code: `annual_leave`, `sick`, `unjustified`…
    public var code: String
    public var labels: Labels
    /// Which kind of record uses this type (absences; `lateness` and `overtime` are typed too).
    public var recordKind: TimeRecordKind
    public var unit: AbsenceUnit
    /// Whether the employer pays the day.
    public var paid: Bool
    /// Code sent to the payroll run.
    public var payrollCode: String
    /// How the days count for article 60 when a policy has no `[[policy.day]]` line for the type.
    public var art60: Art60Counting
    /// Who pays the day (`employer` for a paid type, `nobody` for an unpaid one unless the file
    /// says otherwise, e.g. maternity: `mutuality_or_insurer`).
    public var payer: DayPayer
    /// Who pays the day for a staff category whose payer differs from `payer` (maternity of a
    /// statutory worker: `employer`). See `payer(for:)`.
    public var payerByCategory: [StaffCategory: DayPayer]
    /// An incapacity for work (sickness, accident): for the categories under the guaranteed
    /// salary (contract staff), the employer pays it, then the mutuality or the insurer
    /// (`SicknessPayer`, `AbsencePayers`), instead of `payer(for:)`.
    public var isIncapacity: Bool
    /// Whether the days are reported as sickness days to payroll.
    public var countsAsSickness: Bool
    /// The first working days of each event the employer pays before `payer(for:)` takes over,
    /// for some categories (birth leave of contract staff: 3 days of each birth), judged by
    /// `EmployerDaysPayer`.
    public var employerDays: EmployerDaysRule?
    public var certificate: CertificateRule

    public var id: String { code }

    public init(code: String, labels: Labels, recordKind: TimeRecordKind = .absence, unit: AbsenceUnit,
                paid: Bool, payrollCode: String, art60: Art60Counting, payer: DayPayer? = nil,
                payerByCategory: [StaffCategory: DayPayer] = [:], isIncapacity: Bool = false, countsAsSickness: Bool = false,
                employerDays: EmployerDaysRule? = nil, certificate: CertificateRule = .none) {
        self.code = code
        self.labels = labels
        self.recordKind = recordKind
        self.unit = unit
        self.paid = paid
        self.payrollCode = payrollCode
        self.art60 = art60
        self.payer = payer ?? (paid ? .employer : .nobody)
        self.payerByCategory = payerByCategory
        self.isIncapacity = isIncapacity
        self.countsAsSickness = countsAsSickness
        self.employerDays = employerDays
        self.certificate = certificate
    }

    /// Who pays a day of this type for a worker of `category` (an incapacity of contract staff,
    /// a statutory worker's sickness past the capital and the employer's first days of an event
    /// are judged day by day by `AbsencePayers` instead).
    public func payer(for category: StaffCategory) -> DayPayer {
        payerByCategory[category] ?? payer
    }

    /// Every payer a day of this type can have, in the order paid, mutuality, unpaid: the
    /// payroll file has one column for each.
    public var possiblePayers: [DayPayer] {
        var payers = Set(payerByCategory.values).union([payer])
        if isIncapacity { payers.formUnion([.employer, .mutualityOrInsurer]) }
        if employerDays != nil { payers.insert(.employer) }
        return [DayPayer.employer, .mutualityOrInsurer, .nobody].filter { payers.contains($0) }
    }

    /// Whether a record may use `part` of a day with this type.
    public func allows(_ part: DayPart) -> Bool {
        switch unit {
        case .day: return part == .full
        case .halfDay, .hour: return true
        }
    }
}

extension AbsenceType {
    /// Reads one `[[absence_type]]` entry of `Rules/absence-types.toml`.
    init(table: TOMLTable) throws(RuleFileError) {
        try table.checkKeys(["code", "labels", "record_kind", "unit", "paid", "payroll_code", "art60",
                             "payer", "payer_by_category", "incapacity", "counts_as_sickness", "employer_days", "certificate"], in: "[[absence_type]]")
        let unitName = try table.string("unit")
        guard let unit = AbsenceUnit(rawValue: unitName) else {
            throw table.error("unit must be day, half_day or hour, found '\(unitName)'", at: "unit")
        }
        let art60Name = try table.string("art60")
        guard let art60 = Art60Counting(rawValue: art60Name) else {
            throw table.error("art60 must be counts, unpaid_capped or none, found '\(art60Name)'", at: "art60")
        }
        var payer: DayPayer?
        if let payerName = try table.optionalString("payer") {
            guard let value = DayPayer(rawValue: payerName) else {
                throw table.error("payer must be employer, mutuality_or_insurer or nobody, found '\(payerName)'", at: "payer")
            }
            payer = value
        }
        var byCategory: [StaffCategory: DayPayer] = [:]
        if let categories = try table.optionalTable("payer_by_category") {
            for entry in try categories.codedStrings(StaffCategory.self, unknown: { "unknown staff category '\($0)'" }) {
                guard let value = DayPayer(rawValue: entry.value) else {
                    throw categories.error("payer must be employer, mutuality_or_insurer or nobody, found '\(entry.value)'",
                                           at: entry.key)
                }
                byCategory[entry.code] = value
            }
        }
        let kindName = try table.optionalString("record_kind") ?? "absence"
        guard let kind = TimeRecordKind(rawValue: kindName), kind != .clocking else {
            throw table.error("record_kind must be absence, lateness or overtime, found '\(kindName)'", at: "record_kind")
        }
        let code = try table.string("code")
        guard !code.isEmpty, code.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
            throw table.error("code '\(code)' must be lower-case ASCII letters, digits and '_'", at: "code")
        }
        self.init(code: code, labels: try Labels(table: table.table("labels")), recordKind: kind, unit: unit,
                  paid: try table.boolean("paid"), payrollCode: try table.string("payroll_code"), art60: art60,
                  payer: payer, payerByCategory: byCategory, isIncapacity: try table.boolean("incapacity", default: false),
                  countsAsSickness: try table.boolean("counts_as_sickness", default: false),
                  employerDays: try table.optionalTable("employer_days").map { t throws(RuleFileError) in
                      try EmployerDaysRule(table: t)
                  },
                  certificate: try table.optionalTable("certificate").map { t throws(RuleFileError) in
                      try CertificateRule(table: t)
                  } ?? .none)
    }
}
