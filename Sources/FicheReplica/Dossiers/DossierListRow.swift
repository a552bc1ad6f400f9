/// One line of the dossier list: what a clerk needs to recognise a dossier.
public struct DossierListRow: Hashable, Sendable {
    public var id: String
    public var dossierNumber: String
    public var lastName: String
    public var firstName: String
    public var employerCode: String
    /// `StaffCategory` raw value, e.g. `statutory` or `art60`.
    public var category: String
    /// The payroll clerk's display name ("" when none is assigned).
    public var payrollClerk: String
    /// The key the list is sorted by; with `id` it is the keyset cursor.
    public var sortName: String
    /// `DossierStatus` raw value: `active`, `suspended` or `left`.
    public var status: String
    public var payrollClerkID: String?
    /// The clerk's name folded for sorting (the clerk order's first key).
    public var clerkSortKey: String

    public init(id: String, dossierNumber: String, lastName: String, firstName: String,
                employerCode: String, category: String, payrollClerk: String, sortName: String,
                status: String = "active", payrollClerkID: String? = nil, clerkSortKey: String? = nil) {
        self.id = id
        self.dossierNumber = dossierNumber
        self.lastName = lastName
        self.firstName = firstName
        self.employerCode = employerCode
        self.category = category
        self.payrollClerk = payrollClerk
        self.sortName = sortName
        self.status = status
        self.payrollClerkID = payrollClerkID
        self.clerkSortKey = clerkSortKey ?? SortKey.fold(payrollClerk)
    }

    /// "Van den Bossche, Éloïse".
    public var displayName: String { "\(lastName), \(firstName)" }
}
