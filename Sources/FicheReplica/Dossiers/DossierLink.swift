/// What a queue item needs to open its dossier at the right tab.
///
/// ```swift
/// let item = try database.validationQueue(asOf: today).first
/// if let link = item?.link { state.open(dossier: link.dossierID, at: link.tab) }
/// ```
public struct DossierLink: Hashable, Sendable {
    public var dossierID: String
    public var tab: DossierTab

    public init(dossierID: String, tab: DossierTab) {
        self.dossierID = dossierID
        self.tab = tab
    }
}
