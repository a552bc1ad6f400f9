/// One line of the dossier list: what a clerk needs to recognise a dossier.
public struct DossierListRow: Hashable, Sendable {
    public var id: String
    public var dossierNumber: String
    public var lastName: String
    public var firstName: String
    public var employerCode: String
    public var category: String
    public var payrollClerk: String
    /// The key the list is sorted by; with `id` it is the keyset cursor.
    public var sortName: String

    public init(id: String, dossierNumber: String, lastName: String, firstName: String,
                employerCode: String, category: String, payrollClerk: String, sortName: String) {
        self.id = id
        self.dossierNumber = dossierNumber
        self.lastName = lastName
        self.firstName = firstName
        self.employerCode = employerCode
        self.category = category
        self.payrollClerk = payrollClerk
        self.sortName = sortName
    }

    /// "Van den Bossche, Éloïse".
    public var displayName: String { "\(lastName), \(firstName)" }
}
