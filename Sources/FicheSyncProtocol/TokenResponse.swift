/// The answer to a login or a refresh: a device-bound access token and refresh token.
///
/// Send the access token as `Authorization: Bearer …`; when it expires (`expires_in` seconds),
/// exchange the refresh token at `POST /v1/auth/refresh`.
public struct TokenResponse: Codable, Sendable, Hashable {
    /// The device (and sync client) id; mutation ids are numbered per device.
    public var deviceID: String
    /// The signed-in user's id (grants and entries name users by id, not by login). Optional
    /// when reading, so that an answer from an older server still decodes.
    public var userID: String?
    public var accessToken: String
    public var refreshToken: String
    /// Seconds until the access token expires.
    public var expiresIn: Int

    public init(deviceID: String, userID: String? = nil, accessToken: String, refreshToken: String, expiresIn: Int) {
        self.deviceID = deviceID
        self.userID = userID
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresIn = expiresIn
    }

    enum CodingKeys: String, CodingKey {
        case deviceID = "device_id"
        case userID = "user_id"
        case accessToken = "access_token"
        case refreshToken = "refresh_token"
        case expiresIn = "expires_in"
    }
}
