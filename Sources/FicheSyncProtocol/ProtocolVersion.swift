/// The version of the sync protocol a client speaks, sent in the `Fiche-Protocol` header.
///
/// The server accepts `ProtocolVersion.supported`; an older client gets HTTP 426, which blocks
/// sync but never local work.
public enum ProtocolVersion {
    /// The version this build speaks.
    public static let current = 1
    /// The versions the server accepts.
    public static let supported: ClosedRange<Int> = 1...1
    /// Name of the HTTP header that carries the version.
    public static let headerName = "Fiche-Protocol"
}
