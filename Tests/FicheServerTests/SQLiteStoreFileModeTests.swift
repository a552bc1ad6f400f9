@testable import FicheServer
import Foundation
import XCTest

/// The embedded store holds personal data: its file and SQLite's `-wal` and `-shm` beside it
/// are readable by the server's user only.
final class SQLiteStoreFileModeTests: XCTestCase {
    func testANewStoreAndItsWalAndShmFilesAre0600() async throws {
        let folder = NSTemporaryDirectory() + "fiche-mode-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/server.sqlite"
        let previous = umask(0o022)  // the usual umask, which gives 0644 to new files
        defer { umask(previous) }
        let store = try SQLiteServerStore(path: path)
        try await store.migrate()
        for file in [path, path + "-wal", path + "-shm"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: file), file)
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            XCTAssertEqual(mode, 0o600, "\(file) is \(String(mode ?? 0, radix: 8))")
        }
    }
}
