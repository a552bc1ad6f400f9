import FicheDomain

/// Mutation payload: close an employer's payroll month (`YYYY-MM` on the wire); its records are then locked.
public struct ClosePayrollMonth: Codable, Sendable, Hashable {
    public var employerCode: String
    public var month: YearMonth

    public init(employerCode: String, month: YearMonth) {
        self.employerCode = employerCode
        self.month = month
    }

    enum CodingKeys: String, CodingKey {
        case employerCode = "employer_code"
        case month
    }
}
