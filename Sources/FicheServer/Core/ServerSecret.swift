import Crypto
import Foundation

/// The server's HMAC key for snapshot tokens: generated at first start, kept in the database
/// so that every server process sharing it accepts the same tokens.
enum ServerSecret {
    static func snapshotKey(in store: any ServerStore) async throws -> SymmetricKey {
        let candidate = Secrets.token(prefix: "")
        let text = try await store.write { tx -> String in
            try await tx.execute("INSERT INTO server_settings (key, value) VALUES ('snapshot_secret', ?) ON CONFLICT (key) DO NOTHING",
                                 [.text(candidate)])
            return try await tx.first("SELECT value FROM server_settings WHERE key = 'snapshot_secret'")?.string("value") ?? candidate
        }
        return SymmetricKey(data: Data(text.utf8))
    }
}
