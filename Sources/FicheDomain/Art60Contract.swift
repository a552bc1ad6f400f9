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
    /// Days already acquired toward the target before this contract (earlier work the ONEM
    /// counts in the reference period, as the worker's file shows them), counted from its first day.
    public var priorDays: Int

    /// The most days a contract can bring from before it: the highest target of any policy.
    public static let maximumPriorDays = 624

    public init(id: String, employerCode: String, dossierID: String, start: LocalDate, end: LocalDate? = nil,
                endReason: Art60EndReason? = nil, plannedEnd: LocalDate? = nil, regime: RegimeFraction = .fullTime,
                officerID: String? = nil, priorDays: Int = 0) {
        self.id = id
        self.employerCode = employerCode
        self.dossierID = dossierID
        self.start = start
        self.end = end
        self.endReason = endReason
        self.plannedEnd = plannedEnd
        self.regime = regime
        self.officerID = officerID
        self.priorDays = priorDays
    }

    enum CodingKeys: String, CodingKey {
        case id, employerCode, dossierID, start, end, endReason, plannedEnd, regime, officerID, priorDays
    }

    /// A contract written before prior days were kept has none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try container.decode(String.self, forKey: .id),
                  employerCode: try container.decode(String.self, forKey: .employerCode),
                  dossierID: try container.decode(String.self, forKey: .dossierID),
                  start: try container.decode(LocalDate.self, forKey: .start),
                  end: try container.decodeIfPresent(LocalDate.self, forKey: .end),
                  endReason: try container.decodeIfPresent(Art60EndReason.self, forKey: .endReason),
                  plannedEnd: try container.decodeIfPresent(LocalDate.self, forKey: .plannedEnd),
                  regime: try container.decode(RegimeFraction.self, forKey: .regime),
                  officerID: try container.decodeIfPresent(String.self, forKey: .officerID),
                  priorDays: try container.decodeIfPresent(Int.self, forKey: .priorDays) ?? 0)
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
