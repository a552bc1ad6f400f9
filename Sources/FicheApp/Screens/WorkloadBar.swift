/// One bar of the workload chart: a payroll clerk (or the unassigned dossiers) at one employer.
struct WorkloadBar: Hashable {
    var employerCode: String
    /// Nil for the dossiers no clerk is assigned to.
    var clerkID: String?
    var clerkName: String
    var dossiers: Int
}
