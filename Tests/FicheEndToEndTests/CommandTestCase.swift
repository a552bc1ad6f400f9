import Foundation
import XCTest

/// A test of `fiche` commands in a folder of their own, removed afterwards; HOME points inside
/// it, so a replica found through HOME instead of `--data-dir` would show.
class CommandTestCase: XCTestCase {
    var folder: URL!
    var home: [String: String] { ["HOME": folder.appendingPathComponent("home").path] }

    override func setUpWithError() throws {
        folder = try FicheBinary.temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }
}
