import FicheTerminal
import Foundation

/// The shipped themes and keymaps only, with no user folder, and a user folder made on demand.
enum ShippedConfig {
    static let locations = ConfigLocations(shipped: ConfigLocations.standard(environment: [:]).shipped, user: nil)

    /// A temporary user folder holding `files` (path inside the folder → text).
    static func userFolder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fiche-config-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }
}
