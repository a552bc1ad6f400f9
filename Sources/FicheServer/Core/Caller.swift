import FicheDomain

/// The authenticated user and device behind a request, with their grants as of now.
public struct Caller: Sendable {
    public var userID: String
    public var login: String
    public var displayName: String
    public var deviceID: String
    public var lastMutationID: Int64
    /// Loaded from the grants table at every request, never from the token.
    public var rights: AccessRights

    /// The employers whose rows the caller may see (those where they may view dossiers).
    public var visibleEmployers: [String] {
        rights.employerCodes.filter { rights.may(.viewDossier, at: $0) }
    }

    /// A domain `User` for the four-eyes rules.
    public var user: User {
        User(id: userID, login: login, displayName: displayName, language: .fr)
    }
}
