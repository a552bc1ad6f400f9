/// The kind of organisation an article 60 worker may be placed with.
public enum PartnerKind: String, Codable, Sendable, CaseIterable, Hashable {
    case commune
    /// ASBL / vzw or intercommunale.
    case nonProfit = "non_profit"
    /// Another CPAS.
    case cpas
    /// Société à finalité sociale.
    case socialPurposeCompany = "social_purpose_company"
    case publicHospital = "public_hospital"
    case socialEconomy = "social_economy"
    /// Private company under agreement.
    case privateCompany = "private_company"
}
