/// An organisation that takes article 60 workers of a CPAS under a placement agreement.
public struct Partner: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    /// The CPAS that works with the partner.
    public var employerCode: String
    public var name: String
    public var kind: PartnerKind
    /// Company number (BCE / KBO), if known.
    public var enterpriseNumber: String?
    public var address: Address?
    public var contactName: String?
    public var active: Bool

    public init(id: String, employerCode: String, name: String, kind: PartnerKind, enterpriseNumber: String? = nil,
                address: Address? = nil, contactName: String? = nil, active: Bool = true) {
        self.id = id
        self.employerCode = employerCode
        self.name = name
        self.kind = kind
        self.enterpriseNumber = enterpriseNumber
        self.address = address
        self.contactName = contactName
        self.active = active
    }
}
