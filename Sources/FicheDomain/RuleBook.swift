import FicheTOML
import Foundation

/// All rules that are data: absence catalogue, holidays, art. 60 policies, scales,
/// indexation, leave entitlements, the guaranteed salary, the sick-leave capital, workload
/// costs and retention, read from TOML files.
///
/// A change in the law is a change in a rule file, not in code. The default rules ship in
/// the module bundle; an employer may override any file with its own text.
///
/// ```swift
/// let rules = try RuleBook.bundled()
/// let sick = try rules.absenceCatalogue.require("sick")
/// let cpasRules = try rules.replacing(.absenceTypes, with: cpasCatalogueText)
/// ```
public struct RuleBook: Hashable, Sendable {
    public let absenceCatalogue: AbsenceCatalogue
    public let holidayRules: [HolidayRule]
    public let holidayCalendars: [HolidayCalendar]
    /// Calendar id an employer kind uses when its `Employer.holidayCalendarID` is empty.
    public let defaultCalendarIDs: [EmployerKind: String]
    public let art60Policies: [Art60Policy]
    public let scales: [SalaryScale]
    public let indexation: [IndexationCoefficient]
    public var leaveEntitlements: [LeaveEntitlement] { leaveRules.entitlements }
    /// Annual leave: entitlements, the types that use them up, carried days (`LeaveLedger`).
    public let leaveRules: LeaveRules
    /// The guaranteed salary of contract staff unable to work (who pays a sickness day).
    public let guaranteedSalary: GuaranteedSalaryRule
    /// The sick-leave capital of statutory staff (who pays a statutory worker's sick day).
    public let sickLeaveCapital: SickLeaveCapitalRule
    /// What each kind of event in a dossier's history costs its payroll clerk (the workload weights).
    public let workloadCosts: WorkloadCostRule
    /// How long time records are kept before the server may purge them.
    public let retention: RetentionRule
    /// The TOML texts the book was read from, by file.
    public let texts: [RuleFile: String]

    /// Reads a rule book from the TOML text of every file.
    ///
    /// - Throws: `RuleFileError` (`file:line: message`) for a syntax error, a missing or
    ///   mistyped key, an unknown key, or a reference to an unknown holiday.
    public init(texts: [RuleFile: String]) throws(RuleFileError) {
        func document(_ file: RuleFile) throws(RuleFileError) -> TOMLTable {
            guard let text = texts[file] else {
                throw RuleFileError(file: file.rawValue, line: 0, message: "rule file is missing")
            }
            return try TOMLReader.parse(text, file: file.rawValue)
        }
        self.texts = texts

        let absences = try document(.absenceTypes)
        try absences.checkKeys(["absence_type"], in: "absence-types.toml")
        var types: [AbsenceType] = []
        for table in try absences.tables("absence_type") {
            let type = try AbsenceType(table: table)
            guard !types.contains(where: { $0.code == type.code }) else {
                throw table.error("absence type '\(type.code)' is defined twice", at: "code")
            }
            types.append(type)
        }
        absenceCatalogue = AbsenceCatalogue(types: types)

        let holidays = try document(.holidays)
        try holidays.checkKeys(["holiday", "calendar", "default_calendar"], in: "holidays.toml")
        var rules: [HolidayRule] = []
        for table in try holidays.tables("holiday") { rules.append(try HolidayRule(table: table)) }
        holidayRules = rules
        var calendars: [HolidayCalendar] = []
        for table in try holidays.tables("calendar") {
            try table.checkKeys(["id", "holidays", "description", "weekend_replacement"], in: "[[calendar]]")
            var selected: [HolidayRule] = []
            for code in try table.strings("holidays") {
                guard let rule = rules.first(where: { $0.code == code }) else {
                    throw table.error("unknown holiday '\(code)'", at: "holidays")
                }
                selected.append(rule)
            }
            let replacement = try table.optionalTable("weekend_replacement").map { t throws(RuleFileError) in
                try WeekendReplacement(table: t)
            }
            calendars.append(HolidayCalendar(id: try table.string("id"), rules: selected, weekendReplacement: replacement))
        }
        holidayCalendars = calendars
        var defaults: [EmployerKind: String] = [:]
        if let table = try holidays.optionalTable("default_calendar") {
            for entry in try table.codedStrings(EmployerKind.self, unknown: { "unknown employer kind '\($0)' (commune or cpas)" }) {
                guard calendars.contains(where: { $0.id == entry.value }) else {
                    throw table.error("unknown calendar '\(entry.value)'", at: entry.key)
                }
                defaults[entry.code] = entry.value
            }
        }
        defaultCalendarIDs = defaults

        let art60 = try document(.art60Policies)
        try art60.checkKeys(["policy"], in: "art60-policies.toml")
        var policies: [Art60Policy] = []
        for table in try art60.tables("policy") {
            let policy = try Art60Policy(table: table)
            for (index, day) in try table.tables("day").enumerated() {
                for code in try day.strings("types") where absenceCatalogue.type(code) == nil {
                    throw RuleFileError(file: RuleFile.art60Policies.rawValue, line: day.line(of: "types"),
                                        message: "unknown absence type '\(code)' in [[policy.day]] \(index + 1) of '\(policy.id)'")
                }
            }
            policies.append(policy)
        }
        art60Policies = policies.sorted { $0.validFrom < $1.validFrom }

        let scaleDocument = try document(.scales)
        try scaleDocument.checkKeys(["scale"], in: "scales.toml")
        var scales: [SalaryScale] = []
        for table in try scaleDocument.tables("scale") { scales.append(try SalaryScale(table: table)) }
        self.scales = scales

        let indexDocument = try document(.indexation)
        try indexDocument.checkKeys(["coefficient"], in: "indexation.toml")
        var coefficients: [IndexationCoefficient] = []
        for table in try indexDocument.tables("coefficient") { coefficients.append(try IndexationCoefficient(table: table)) }
        indexation = coefficients.sorted { $0.validFrom < $1.validFrom }

        leaveRules = try LeaveRules(document: document(.leaveEntitlements), catalogue: absenceCatalogue)

        let salaryDocument = try document(.guaranteedSalary)
        try salaryDocument.checkKeys(["contract_staff"], in: "guaranteed-salary.toml")
        guaranteedSalary = try GuaranteedSalaryRule(table: salaryDocument.table("contract_staff"))

        let capitalDocument = try document(.sickLeaveCapital)
        try capitalDocument.checkKeys(["statutory_staff"], in: RuleFile.sickLeaveCapital.rawValue)
        sickLeaveCapital = try SickLeaveCapitalRule(table: capitalDocument.table("statutory_staff"),
                                                    catalogue: absenceCatalogue)

        workloadCosts = try WorkloadCostRule(document: document(.workloadCosts))

        let retentionDocument = try document(.retention)
        try retentionDocument.checkKeys(["time_records"], in: "retention.toml")
        retention = try RetentionRule(table: retentionDocument.table("time_records"))
    }

    /// The rules shipped with Fiche (`Sources/FicheDomain/Rules/*.toml`).
    ///
    /// - Throws: `RuleFileError` when a file is missing from the bundle or invalid.
    public static func bundled() throws(RuleFileError) -> RuleBook {
        try RuleBook(texts: bundledTexts())
    }

    /// The texts of the bundled rule files.
    public static func bundledTexts() throws(RuleFileError) -> [RuleFile: String] {
        var texts: [RuleFile: String] = [:]
        for file in RuleFile.allCases {
            let name = (file.rawValue as NSString).deletingPathExtension
            let url = Bundle.module.url(forResource: name, withExtension: "toml", subdirectory: "Rules")
                ?? Bundle.module.url(forResource: name, withExtension: "toml")
            guard let url else {
                throw RuleFileError(file: file.rawValue, line: 0, message: "rule file not found in the bundle")
            }
            do {
                texts[file] = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw RuleFileError(file: file.rawValue, line: 0, message: "rule file cannot be read (\(error.localizedDescription))")
            }
        }
        return texts
    }

    /// This rule book with one file replaced (an employer's own catalogue, a new policy…).
    public func replacing(_ file: RuleFile, with text: String) throws(RuleFileError) -> RuleBook {
        var texts = self.texts
        texts[file] = text
        return try RuleBook(texts: texts)
    }

    /// A fingerprint of every file's text, the same in every process: a result stored with it
    /// was computed under these rules (`StableFingerprint`).
    public var fingerprint: String {
        var fingerprint = StableFingerprint()
        for file in RuleFile.allCases {
            fingerprint.add(file.rawValue + "\u{1F}" + (texts[file] ?? "") + "\u{1E}")
        }
        return fingerprint.hex
    }

    public static func == (lhs: RuleBook, rhs: RuleBook) -> Bool { lhs.texts == rhs.texts }
    public func hash(into hasher: inout Hasher) { hasher.combine(texts) }

    // MARK: Look-ups

    /// The holiday calendar `employer` applies (its own id, else the default for its kind).
    ///
    /// - Throws: `RuleFileError` when the calendar is not defined in `holidays.toml`.
    public func holidayCalendar(for employer: Employer) throws(RuleFileError) -> HolidayCalendar {
        let id = employer.holidayCalendarID.isEmpty ? (defaultCalendarIDs[employer.kind] ?? "") : employer.holidayCalendarID
        guard let calendar = holidayCalendars.first(where: { $0.id == id }) else {
            throw RuleFileError(file: RuleFile.holidays.rawValue, line: 0,
                                message: "no calendar '\(id)' for employer \(employer.code)")
        }
        return calendar
    }

    /// The calendar with `id`, if defined.
    public func holidayCalendar(id: String) -> HolidayCalendar? {
        holidayCalendars.first { $0.id == id }
    }

    /// The article 60 policy in force on `date`.
    ///
    /// - Throws: `RuleViolation.art60PolicyMissing`.
    public func art60Policy(on date: LocalDate) throws(RuleViolation) -> Art60Policy {
        guard let policy = art60Policies.last(where: { $0.applies(to: date) }) else {
            throw .art60PolicyMissing(contractStart: date)
        }
        return policy
    }

    /// The article 60 policy in force on the first day of a contract starting on `contractStart`.
    ///
    /// - Throws: `RuleViolation.art60PolicyMissing`.
    public func art60Policy(forContractStart contractStart: LocalDate) throws(RuleViolation) -> Art60Policy {
        try art60Policy(on: contractStart)
    }

    /// The indexation coefficient in force on `date`, if any is known.
    public func indexationCoefficient(on date: LocalDate) -> IndexationCoefficient? {
        indexation.last { $0.validFrom <= date }
    }

    /// The scale with `code`, if defined.
    public func scale(_ code: String) -> SalaryScale? {
        scales.first { $0.code == code }
    }

    /// Full-time annual leave days for `category` at `age`, if an entitlement applies.
    public func annualLeaveDays(category: StaffCategory, age: Int) -> Int? {
        leaveRules.fullTimeDays(category: category, age: age)
    }

    /// Annual leave days pro rata of `regime`, rounded up to the half day (26 days at 80 % = 21).
    public func annualLeaveDays(category: StaffCategory, age: Int, regime: RegimeFraction) -> Double? {
        guard let days = annualLeaveDays(category: category, age: age) else { return nil }
        let halves = (days * 2 * regime.thousandths + 999) / 1000
        return Double(halves) / 2
    }

    /// A yearly base (index 100) amount indexed with the coefficient in force on `date`.
    public func indexedAmountCents(_ baseCents: Int, on date: LocalDate) -> Int? {
        indexationCoefficient(on: date)?.indexed(baseCents)
    }
}
