/// An article 60 §7 employment contract: the CPAS employs a person on social integration
/// income to give work experience or let them qualify for social benefits.
///
/// The CPAS is always the legal employer, even when the worker is placed with a partner.
public struct Art60Contract: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    /// The CPAS (never a commune).
    public var employerCode: String
    public var dossierID: String
    public var start: LocalDate
    /// The date the contract ended, once it has.
    public var end: LocalDate?
    public var endReason: Art60EndReason?
    /// Planned last day, when known (required for part-time contracts).
    public var plannedEnd: LocalDate?
    /// Part-time contracts aim at work experience (at least half-time, at most 6 months).
    public var regime: RegimeFraction
    /// User id of the follow-up officer.
    public var officerID: String?

    public init(id: String, employerCode: String, dossierID: String, start: LocalDate, end: LocalDate? = nil,
                endReason: Art60EndReason? = nil, plannedEnd: LocalDate? = nil, regime: RegimeFraction = .fullTime,
                officerID: String? = nil) {
        self.id = id
        self.employerCode = employerCode
        self.dossierID = dossierID
        self.start = start
        self.end = end
        self.endReason = endReason
        self.plannedEnd = plannedEnd
        self.regime = regime
        self.officerID = officerID
    }

    /// Checks that `employer` may hold this contract.
    ///
    /// - Throws: `RuleViolation.art60EmployerNotCPAS`.
    public static func checkEmployer(_ employer: Employer) throws(RuleViolation) {
        guard employer.kind == .cpas else { throw .art60EmployerNotCPAS(employerCode: employer.code) }
    }

    /// Checks a part-time contract: at least half-time, planned to last at most 6 months.
    ///
    /// - Throws: `RuleViolation.art60PartTime`.
    public func checkRegime() throws(RuleViolation) {
        guard !regime.isFullTime else { return }
        guard regime.thousandths >= 500, let plannedEnd, plannedEnd <= start.adding(months: 6).adding(days: -1) else {
            throw .art60PartTime(regime: regime, plannedEnd: plannedEnd)
        }
    }

    /// The end-of-contract checklist: documents the CPAS must produce for the worker.
    ///
    /// Fiche tracks them; it does not file them.
    public static let endChecklist: [String] = ["social_risk_declaration", "c4_form"]
}
