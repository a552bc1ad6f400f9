/// Someone who signs in to Fiche.
public struct User: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var login: String
    public var displayName: String
    public var language: Language
    /// The user's own person record, when they are also staff: the four-eyes rule uses it
    /// so that no one validates entries of their own dossier.
    public var personID: String?
    public var active: Bool

    public init(id: String, login: String, displayName: String, language: Language, personID: String? = nil,
                active: Bool = true) {
        self.id = id
        self.login = login
        self.displayName = displayName
        self.language = language
        self.personID = personID
        self.active = active
    }
}
