import Foundation

/// What an administrator does when a person leaves, forgets their password or loses a laptop,
/// and what a user does to change their own password. Each step is audited; the devices of a
/// disabled account, and revoked devices, are refused at their next request (the change moves
/// the auth generation every request checks).
extension Accounts {
    /// Disables (`active: false`) or enables an account. A disabled account's devices get 401
    /// "the account is disabled" at their next request, and its password no longer signs in.
    public func setActive(login: String, _ active: Bool) async throws {
        let now = self.now
        try await store.write { tx in
            let id = try await Self.userID(login: login, in: tx)
            try await tx.execute("UPDATE users SET active = ? WHERE id = ?", [.int(active ? 1 : 0), .text(id)])
            try await AuditLog.record(.init(userID: id, action: active ? "user.enable" : "user.disable", decision: "done",
                                            entity: "user", entityID: id, newValue: login), at: now, in: tx)
        }
    }

    /// Gives `login` a new password (a forgotten one). The account's devices keep working;
    /// `revokeAllDevices` signs them out too when the old password may be known to someone else.
    public func resetPassword(login: String, to password: String) async throws {
        try Self.checkNewPassword(password)
        let hash = await PasswordHasher.hash(password, cost: configuration.bcryptCost)
        let now = self.now
        try await store.write { tx in
            let id = try await Self.userID(login: login, in: tx)
            try await tx.execute("UPDATE users SET password_hash = ? WHERE id = ?", [.text(hash), .text(id)])
            try await AuditLog.record(.init(userID: id, action: "user.resetPassword", decision: "done", entity: "user",
                                            entityID: id, newValue: login), at: now, in: tx)
        }
    }

    /// Revokes every device of `login` not revoked yet; returns how many. Each is told to wipe its
    /// replica at its next request, exporting its unsent entries first.
    @discardableResult
    public func revokeAllDevices(login: String) async throws -> Int {
        let now = self.now
        return try await store.write { tx in
            let id = try await Self.userID(login: login, in: tx)
            let devices = try await tx.query("SELECT id FROM devices WHERE user_id = ? AND revoked_at IS NULL", [.text(id)])
                .compactMap { $0.string("id") }
            try await tx.execute("UPDATE devices SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", [.text(now), .text(id)])
            for device in devices {
                try await AuditLog.record(.init(userID: id, deviceID: device, action: "device.revoke", decision: "done",
                                                entity: "device", entityID: device, newValue: "all devices of \(login)"),
                                          at: now, in: tx)
            }
            return devices.count
        }
    }

    /// A signed-in user changes their own password, giving the current one (`fiche passwd`).
    /// - Throws: `APIError` 403 `wrong_password` when the current password is wrong (audited),
    ///   400 when the new one is refused; nothing is changed either way.
    public func changePassword(userID: String, current: String, new password: String) async throws {
        do { try Self.checkNewPassword(password) } catch { throw APIError.badRequest("\(error)") }
        let stored = try await store.read { tx in
            try await tx.first("SELECT password_hash FROM users WHERE id = ?", [.text(userID)])?.string("password_hash")
        }
        guard let stored, await PasswordHasher.verify(current, hash: stored) else {
            try await store.write { tx in
                try await AuditLog.record(.init(userID: userID, action: "user.changePassword", decision: "denied",
                                                entity: "user", entityID: userID), at: self.now, in: tx)
            }
            throw APIError(.forbidden, "wrong_password", "the current password is wrong; nothing was changed")
        }
        let hash = await PasswordHasher.hash(password, cost: configuration.bcryptCost)
        let now = self.now
        try await store.write { tx in
            try await tx.execute("UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?",
                                 [.text(hash), .text(userID), .text(stored)])
            try await AuditLog.record(.init(userID: userID, action: "user.changePassword", decision: "done",
                                            entity: "user", entityID: userID), at: now, in: tx)
        }
    }
}
