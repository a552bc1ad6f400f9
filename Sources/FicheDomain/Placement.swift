/// The placement of an article 60 worker with a partner, under a signed agreement.
///
/// The agreement (tasks, hours, supervision, evaluations, monthly fee) is signed by the CPAS,
/// the partner and the worker before the placement starts.
public struct Placement: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var contractID: String
    public var partnerID: String
    public var start: LocalDate
    public var end: LocalDate?
    /// Date all three parties signed the agreement.
    public var agreementSignedOn: LocalDate?
    /// The fees a placement can have: 0 to 1,000,000 € a month. A stored fee outside is a typing
    /// or a forging error; sums of fees count it at this bound, so they cannot overflow.
    public static let monthlyFeeCentsRange = 0...100_000_000

    /// Partner's monthly fee to the CPAS, in euro cents (no law fixes it; 0 is common).
    public var monthlyFeeCents: Int
    public var tasks: String
    public var hoursPerWeek: Double
    /// Name of the supervisor at the partner (tuteur).
    public var supervisorName: String?

    public init(id: String, contractID: String, partnerID: String, start: LocalDate, end: LocalDate? = nil,
                agreementSignedOn: LocalDate?, monthlyFeeCents: Int = 0, tasks: String = "", hoursPerWeek: Double = 38,
                supervisorName: String? = nil) {
        self.id = id
        self.contractID = contractID
        self.partnerID = partnerID
        self.start = start
        self.end = end
        self.agreementSignedOn = agreementSignedOn
        self.monthlyFeeCents = monthlyFeeCents
        self.tasks = tasks
        self.hoursPerWeek = hoursPerWeek
        self.supervisorName = supervisorName
    }

    /// Checks the placement may start: the agreement is signed on or before the start date,
    /// and the dates are in order.
    ///
    /// - Throws: `.placementAgreementNotSigned`, `.dateRangeReversed`.
    public func check() throws(RuleViolation) {
        if let end, end < start { throw .dateRangeReversed(start: start, end: end) }
        guard let signed = agreementSignedOn, signed <= start else {
            throw .placementAgreementNotSigned(placementID: id, start: start)
        }
    }

    /// Whether the worker is placed on `date`.
    public func isActive(on date: LocalDate) -> Bool {
        date >= start && (end.map { date <= $0 } ?? true)
    }
}
