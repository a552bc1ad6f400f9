import FicheDomain

/// A correction booked in a payroll month: what was paid before, what replaces it, and why —
/// a line of its own beside the monthly figures, so the payroll can recompute the month it
/// concerns (`fiche export payroll --corrections`).
public struct PayrollCorrection: Hashable, Sendable {
    public var dossierNumber: String
    public var lastName: String
    public var firstName: String
    /// The validated correction, booked in the exported month.
    public var correction: TimeRecord
    /// The entry it corrects, as it was validated; nil when the replica no longer holds it.
    public var original: TimeRecord?

    public init(dossierNumber: String, lastName: String, firstName: String, correction: TimeRecord, original: TimeRecord?) {
        self.dossierNumber = dossierNumber
        self.lastName = lastName
        self.firstName = firstName
        self.correction = correction
        self.original = original
    }

    /// The month the change concerns: the corrected entry's (a correction may move it).
    public var monthConcerned: YearMonth { (original ?? correction).start.yearMonth }
}
