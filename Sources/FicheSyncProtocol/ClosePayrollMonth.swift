/// Mutation payload: close an employer's payroll month (`YYYY-MM`); its records are then locked.
public struct ClosePayrollMonth: Codable, Sendable, Hashable {
    public var employerCode: String
    public var month: String

    public init(employerCode: String, month: String) {
        self.employerCode = employerCode
        self.month = month
    }

    enum CodingKeys: String, CodingKey {
        case employerCode = "employer_code"
        case month
    }
}
