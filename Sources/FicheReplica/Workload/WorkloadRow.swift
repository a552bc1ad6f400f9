/// How many dossiers one payroll clerk carries at one employer (a bar of the workload chart).
public struct WorkloadRow: Hashable, Sendable {
    public var employerCode: String
    /// Nil for the dossiers no clerk is assigned to.
    public var payrollClerkID: String?
    /// The clerk's display name; nil when unassigned or the user is not in the replica.
    public var payrollClerkName: String?
    public var dossiers: Int

    public init(employerCode: String, payrollClerkID: String?, payrollClerkName: String?, dossiers: Int) {
        self.employerCode = employerCode
        self.payrollClerkID = payrollClerkID
        self.payrollClerkName = payrollClerkName
        self.dossiers = dossiers
    }
}
