/// `POST /v1/auth/login`: a clerk signs in from a named device.
public struct LoginRequest: Codable, Sendable, Hashable {
    public var login: String
    public var password: String
    /// A name for the device, shown to supervisors when they revoke it (e.g. "PC-GRH-12").
    public var device: String
    /// The device this computer signed in as before, if it still has its token file: the server
    /// keeps that device (and its mutation numbering) when it belongs to the same user and is
    /// not revoked, instead of registering a new one.
    public var deviceID: String?

    public init(login: String, password: String, device: String, deviceID: String? = nil) {
        self.login = login
        self.password = password
        self.device = device
        self.deviceID = deviceID
    }

    /// Decodes the request, refusing a text that holds U+0000 (`PushBounds.allows`): a login
    /// is looked up in the store, and PostgreSQL's text cannot hold it.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(login: try container.decode(String.self, forKey: .login),
                  password: try container.decode(String.self, forKey: .password),
                  device: try container.decode(String.self, forKey: .device),
                  deviceID: try container.decodeIfPresent(String.self, forKey: .deviceID))
        guard [login, password, device, deviceID].allSatisfy(PushBounds.allows) else {
            throw DecodingError.dataCorruptedError(forKey: .login, in: container,
                                                   debugDescription: "a text of the login holds a NUL character")
        }
    }

    enum CodingKeys: String, CodingKey {
        case login, password, device
        case deviceID = "device_id"
    }
}
