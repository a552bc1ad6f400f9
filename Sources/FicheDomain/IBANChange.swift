/// A new IBAN for a dossier, waiting for a second person: a changed account is the classic
/// payroll fraud, so it is paid to only once someone else with the right at that employer has
/// confirmed it. The same rule on a device and on the server.
public struct IBANChange: Hashable, Sendable {
    /// The new account, compact (`BE68539007547034`).
    public var iban: String
    /// The user who asked for it.
    public var requestedBy: String

    public init(iban: String, requestedBy: String) {
        self.iban = iban
        self.requestedBy = requestedBy
    }

    /// Checks that `reviewer` may confirm or refuse it: not the person who asked for it, and not
    /// the person the dossier is about.
    ///
    /// - Throws: `four_eyes.own_iban_change`, `four_eyes.own_dossier`.
    public func checkReviewer(_ reviewer: User, dossierPersonID: String?) throws(RuleViolation) {
        guard reviewer.id != requestedBy else { throw .ibanChangeOfOwn(userID: reviewer.id) }
        if let own = reviewer.personID, own == dossierPersonID { throw .validationOfOwnDossier(userID: reviewer.id) }
    }
}
