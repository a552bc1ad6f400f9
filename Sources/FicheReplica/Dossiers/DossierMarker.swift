/// What the list shows beside a dossier whose changes are not settled with the server.
public enum DossierMarker: String, Hashable, Sendable {
    /// A change made on this device waits to be sent or answered.
    case pending
    /// The server refused a change or it conflicts with someone else's: a person must look.
    case conflict
}
