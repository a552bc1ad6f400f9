import Foundation
import XCTest

/// A test that drives the real `fiche` binary in its own tmux server and temporary folder.
///
/// The exit status goes to a file rather than being asked of tmux, which does not always
/// record a pane's status in time.
class TmuxTestCase: XCTestCase {
    var tmux = Tmux()
    var folder: URL!

    override func setUpWithError() throws {
        try XCTSkipIf(Tmux.executable == nil, "tmux is not installed: the end-to-end runs need it (apt-get install tmux)")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: FicheBinary.url.path), "no fiche binary at \(FicheBinary.url.path)")
        folder = try FicheBinary.temporaryFolder()
    }

    override func tearDown() {
        tmux.kill()
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    var exitStatus: URL { folder.appendingPathComponent("exit-status") }

    /// Starts `fiche arguments` in tmux; after it exits, `then` runs in the same shell (for
    /// example `stty -a > file`) and the pane stays open a few seconds for inspection.
    func start(_ arguments: String, width: Int, height: Int, then: String = "true") throws {
        try tmux.start("sh -c '\(FicheBinary.url.path) \(arguments); echo $? > \(exitStatus.path); \(then); sleep 5'",
                       width: width, height: height)
    }

    /// The exit status `fiche` wrote ("0\n"), or nil if it is still running after 10 s.
    func waitForExitStatus() -> String? {
        let deadline = ContinuousClock.now + .seconds(10)
        while !FileManager.default.fileExists(atPath: exitStatus.path), ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 0.1)
        return try? String(contentsOf: exitStatus, encoding: .utf8)
    }
}
