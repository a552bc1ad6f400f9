import FicheDomain

/// One line of the payroll export: a dossier and its figures for the month.
public struct PayrollExportRow: Hashable, Sendable {
    public var dossierID: String
    public var dossierNumber: String
    public var lastName: String
    public var firstName: String
    /// Worked days, paid and unpaid absences by type, sickness, overtime, regimes, corrections.
    public var variables: PayrollVariables

    public init(dossierID: String, dossierNumber: String, lastName: String, firstName: String,
                variables: PayrollVariables) {
        self.dossierID = dossierID
        self.dossierNumber = dossierNumber
        self.lastName = lastName
        self.firstName = firstName
        self.variables = variables
    }
}
