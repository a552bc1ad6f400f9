import FicheSyncProtocol
import Foundation

/// What `fiche login` keeps to sync without asking for the password again: the server, the
/// user, the device and its tokens. Stored as JSON readable by its owner only (mode 0600).
public struct DeviceCredentials: Codable, Sendable, Hashable {
    /// The server's base address, e.g. `https://fiche.example.brussels`.
    public var server: String
    public var login: String
    /// The user's id on the server; nil in a token file written before servers sent it.
    public var userID: String?
    public var deviceID: String
    public var accessToken: String
    public var refreshToken: String

    public init(server: String, login: String, tokens: TokenResponse) {
        self.server = server
        self.login = login
        self.userID = tokens.userID
        self.deviceID = tokens.deviceID
        self.accessToken = tokens.accessToken
        self.refreshToken = tokens.refreshToken
    }

    /// The same device with rotated tokens.
    public func renewed(with tokens: TokenResponse) -> DeviceCredentials {
        var copy = self
        copy.accessToken = tokens.accessToken
        copy.refreshToken = tokens.refreshToken
        copy.userID = tokens.userID ?? userID
        return copy
    }

    /// The id the replica knows the user by: the server's user id, or the login for a token
    /// file from before servers sent it.
    public var replicaUserID: String { userID ?? login }

    /// Reads credentials saved by `save(to:)`.
    /// - Throws: `SyncError.notSignedIn` when the file is missing or unreadable.
    public static func load(from path: String) throws -> DeviceCredentials {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SyncError.notSignedIn("no device token at \(path); run fiche login --server URL --user LOGIN")
        }
        do {
            return try JSONDecoder().decode(DeviceCredentials.self, from: data)
        } catch {
            throw SyncError.notSignedIn("\(path) is not a device token file; run fiche login again")
        }
    }

    /// Writes the credentials with mode 0600 (replacing the file atomically).
    public func save(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(self)
        let temporary = path + ".tmp"
        let manager = FileManager.default
        // try?: clears a leftover temporary file, if any; creating it next fails loudly when it is in the way.
        try? manager.removeItem(atPath: temporary)
        guard manager.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw SyncError.storage("cannot write \(temporary)")
        }
        if rename(temporary, path) != 0 {
            throw SyncError.storage("cannot replace \(path)")
        }
    }
}
