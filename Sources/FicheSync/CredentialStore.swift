/// Where the engine keeps the device's tokens when they are rotated: a file for `fiche`, the
/// same file reopened in tests that simulate a crash.
public struct CredentialStore: Sendable {
    /// Returns the saved credentials.
    public var load: @Sendable () throws -> DeviceCredentials
    /// Saves renewed credentials before they are used.
    public var save: @Sendable (DeviceCredentials) throws -> Void

    public init(load: @escaping @Sendable () throws -> DeviceCredentials, save: @escaping @Sendable (DeviceCredentials) throws -> Void) {
        self.load = load
        self.save = save
    }

    /// Credentials in a JSON file with mode 0600.
    public static func file(_ path: String) -> CredentialStore {
        CredentialStore(load: { try DeviceCredentials.load(from: path) }, save: { try $0.save(to: path) })
    }
}
