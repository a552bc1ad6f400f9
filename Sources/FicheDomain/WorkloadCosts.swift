import FicheTOML

/// What each kind of event in a dossier's history costs its payroll clerk, in minutes (one set:
/// the defaults of `workload-costs.toml` or an employer's own).
///
/// ```swift
/// let costs = rules.workloadCosts.costs(for: "CPAS-IXL")
/// costs.minutesPerYear(activity)   // 780: 1.08 hours a month
/// ```
public struct WorkloadCosts: Hashable, Sendable {
    /// Every dossier, every month.
    public var monthlyDossier: Int
    /// An entry entered.
    public var timeRecord: Int
    /// A correction or cancellation of a validated entry.
    public var correction: Int
    /// An entry validated.
    public var validation: Int
    /// An entry refused.
    public var refusal: Int
    /// An Article 60 follow-up event.
    public var art60Event: Int
    /// A new career period.
    public var careerChange: Int
    /// Per entry, when the payroll clerk is also the dossier's time manager.
    public var timeManagement: Int

    /// The keys of a cost table, in the order of the file.
    static let keys = ["monthly_dossier", "time_record", "correction", "validation", "refusal", "art60_event",
                       "career_change", "time_management"]

    public init(monthlyDossier: Int, timeRecord: Int, correction: Int, validation: Int, refusal: Int,
                art60Event: Int, careerChange: Int, timeManagement: Int) {
        self.monthlyDossier = monthlyDossier
        self.timeRecord = timeRecord
        self.correction = correction
        self.validation = validation
        self.refusal = refusal
        self.art60Event = art60Event
        self.careerChange = careerChange
        self.timeManagement = timeManagement
    }

    /// The minutes a year `activity` costs: twelve months of the dossier, then each event.
    public func minutesPerYear(_ activity: DossierActivity) -> Int {
        12 * monthlyDossier
            + activity.timeRecords * (timeRecord + (activity.timeManagedByClerk ? timeManagement : 0))
            + activity.corrections * correction
            + activity.validations * validation
            + activity.refusals * refusal
            + activity.art60Events * art60Event
            + activity.careerChanges * careerChange
    }

    /// These costs with the keys `table` sets replaced; every key must be a whole number ≥ 0.
    func overridden(by table: TOMLTable) throws(RuleFileError) -> WorkloadCosts {
        var costs = self
        for key in Self.keys {
            guard let value = try table.optionalInteger(key) else { continue }
            guard value >= 0 else { throw table.error("\(key) must not be negative", at: key) }
            switch key {
            case "monthly_dossier": costs.monthlyDossier = value
            case "time_record": costs.timeRecord = value
            case "correction": costs.correction = value
            case "validation": costs.validation = value
            case "refusal": costs.refusal = value
            case "art60_event": costs.art60Event = value
            case "career_change": costs.careerChange = value
            default: costs.timeManagement = value
            }
        }
        return costs
    }

    static let zero = WorkloadCosts(monthlyDossier: 0, timeRecord: 0, correction: 0, validation: 0, refusal: 0,
                                    art60Event: 0, careerChange: 0, timeManagement: 0)
}
