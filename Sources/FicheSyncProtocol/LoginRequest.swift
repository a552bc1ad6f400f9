/// `POST /v1/auth/login`: a clerk signs in from a named device.
public struct LoginRequest: Codable, Sendable, Hashable {
    public var login: String
    public var password: String
    /// A name for the device, shown to supervisors when they revoke it (e.g. "PC-GRH-12").
    public var device: String

    public init(login: String, password: String, device: String) {
        self.login = login
        self.password = password
        self.device = device
    }
}
