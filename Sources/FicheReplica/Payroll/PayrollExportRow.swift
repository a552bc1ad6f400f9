import FicheDomain

/// One line of the payroll export: a dossier and its figures for the month.
public struct PayrollExportRow: Hashable, Sendable {
    public var dossierID: String
    public var dossierNumber: String
    public var lastName: String
    public var firstName: String
    /// Worked days, paid and unpaid absences by type, sickness, overtime, regimes, corrections.
    public var variables: PayrollVariables
    /// Entries of the month sent for validation and not yet reviewed: not in the figures.
    public var submittedEntries: Int
    /// Entries of the month still kept as drafts by whoever entered them: not in the figures.
    public var draftEntries: Int

    public init(dossierID: String, dossierNumber: String, lastName: String, firstName: String,
                variables: PayrollVariables, submittedEntries: Int = 0, draftEntries: Int = 0) {
        self.submittedEntries = submittedEntries
        self.draftEntries = draftEntries
        self.dossierID = dossierID
        self.dossierNumber = dossierNumber
        self.lastName = lastName
        self.firstName = firstName
        self.variables = variables
    }
}
