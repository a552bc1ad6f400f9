/// Which dossiers the list shows; `nil` fields do not filter. Filters combine with every order.
public struct DossierListFilter: Hashable, Sendable {
    public var employerCode: String?
    /// `StaffCategory` raw value.
    public var category: String?
    /// `DossierStatus` raw value.
    public var status: String?
    public var payrollClerkID: String?

    public init(employerCode: String? = nil, category: String? = nil, status: String? = nil,
                payrollClerkID: String? = nil) {
        self.employerCode = employerCode
        self.category = category
        self.status = status
        self.payrollClerkID = payrollClerkID
    }

    /// The `dossier_list` columns the filter holds to one value.
    var fixedColumns: Set<String> {
        var columns: Set<String> = []
        if employerCode != nil { columns.insert("employer_code") }
        if category != nil { columns.insert("category") }
        if status != nil { columns.insert("status") }
        if payrollClerkID != nil { columns.insert("payroll_clerk_id") }
        return columns
    }

    /// The filter's SQL conditions on `dossier_list` and their arguments.
    var conditions: [(sql: String, value: String)] {
        var result: [(String, String)] = []
        if let employerCode { result.append(("employer_code = ?", employerCode)) }
        if let category { result.append(("category = ?", category)) }
        if let status { result.append(("status = ?", status)) }
        if let payrollClerkID { result.append(("payroll_clerk_id = ?", payrollClerkID)) }
        return result
    }
}
