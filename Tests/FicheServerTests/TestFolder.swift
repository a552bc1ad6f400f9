import Foundation
import XCTest

/// One temporary folder for this test process's SQLite server stores, removed when the test
/// bundle finishes, so that runs do not pile files up in the temporary directory.
final class TestFolder: NSObject, XCTestObservation, @unchecked Sendable {
    static let shared = TestFolder()

    let path: String

    private override init() {
        path = NSTemporaryDirectory() + "fiche-server-tests-\(UUID().uuidString)"
        super.init()
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        XCTestObservationCenter.shared.addTestObserver(self)
    }

    /// A fresh file path inside the folder.
    func file(_ prefix: String, extension suffix: String = "sqlite") -> String {
        path + "/\(prefix)-\(UUID().uuidString).\(suffix)"
    }

    func testBundleDidFinish(_ testBundle: Bundle) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
