import FicheTerminal
import Foundation
import XCTest

/// Compares a rendered screen with a text snapshot kept beside the test, in `__Snapshots__/`.
///
/// The snapshot holds the screen's text, then the roles painted on it, so both a wording
/// change and a colour change show in review. A missing snapshot is recorded and the test
/// fails once; `RECORD_SNAPSHOTS=1 swift test` re-records every snapshot.
///
/// ```swift
/// assertScreen(app.render(), named: "dossier-list-80x24-fr")
/// ```
public func assertScreen(
    _ buffer: CellBuffer, named name: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    let folder = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let url = folder.appendingPathComponent(name + ".txt")
    let actual = ScreenSnapshot.render(buffer)
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            XCTFail("Recorded snapshot \(url.path); check it and run the tests again.", file: file, line: line)
        } catch {
            XCTFail("Cannot record snapshot \(url.path): \(error)", file: file, line: line)
        }
        return
    }
    if expected != actual {
        XCTFail("""
            Screen differs from \(url.path) (RECORD_SNAPSHOTS=1 re-records).
            --- expected
            \(expected)
            --- actual
            \(actual)
            """, file: file, line: line)
    }
}

/// The text form of a screen used by snapshots.
public enum ScreenSnapshot {
    public static func render(_ buffer: CellBuffer) -> String {
        let ruler = String(repeating: "─", count: buffer.width)
        return """
            size \(buffer.width)x\(buffer.height)
            ┌\(ruler)┐
            \(buffer.text().split(separator: "\n", omittingEmptySubsequences: false).map { line in
                "│" + DisplayWidth.fit(String(line), to: buffer.width) + "│" }.joined(separator: "\n"))
            └\(ruler)┘
            roles:
            \(buffer.styleLayer())

            """
    }
}
