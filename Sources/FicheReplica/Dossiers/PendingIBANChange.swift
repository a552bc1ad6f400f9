import FicheDomain

/// A new IBAN asked for on a dossier, waiting for a second person to confirm it: until then the
/// salary is paid to the account in force.
public struct PendingIBANChange: Hashable, Sendable {
    public var dossier: DossierListRow
    /// The account in force, paid until the change is confirmed (nil: none yet).
    public var ibanInForce: String?
    /// The account asked for.
    public var requestedIBAN: String
    /// Who asked for it (user id), and their name when the replica knows them.
    public var requestedBy: String
    public var requestedByName: String?
    /// Opens the dossier at its identity tab, where the change is confirmed or refused.
    public var link: DossierLink

    public init(dossier: DossierListRow, ibanInForce: String?, requestedIBAN: String, requestedBy: String,
                requestedByName: String?, link: DossierLink) {
        self.dossier = dossier
        self.ibanInForce = ibanInForce
        self.requestedIBAN = requestedIBAN
        self.requestedBy = requestedBy
        self.requestedByName = requestedByName
        self.link = link
    }
}
