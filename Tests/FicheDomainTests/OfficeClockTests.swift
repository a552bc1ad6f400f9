import FicheDomain
import Foundation
import XCTest

/// Every date a user reads is Brussels time, from a clock handed in; nothing else reads the
/// machine's date or zone.
final class OfficeClockTests: XCTestCase {
    private func day(_ text: String) throws -> LocalDate { try LocalDate.parse(text) }

    func testTodayAndTheTimeOfDayAreBrusselsTimeWhateverTheMachineZone() throws {
        // 23:30 UTC on 31 December is already New Year's Day in Brussels (UTC+1 in winter).
        let lateEvening = Date(timeIntervalSince1970: 1_798_759_800)  // 2026-12-31T23:30:00Z
        let clock = OfficeClock.fixed(lateEvening)
        XCTAssertEqual(clock.today, try day("2027-01-01"))
        XCTAssertEqual(clock.clockTime(lateEvening), "00:30")
        // Summer time: 08:15 UTC on 1 July is 10:15 in Brussels.
        let summer = Date(timeIntervalSince1970: 1_782_893_700)  // 2026-07-01T08:15:00Z
        XCTAssertEqual(OfficeClock.fixed(summer).clockTime(summer), "10:15")
    }

    func testAFixedDayIsThatDayAtThatHourInBrussels() throws {
        let clock = OfficeClock.fixed(at: try day("2026-03-29"), hour: 3, minute: 5)  // the night clocks go forward
        XCTAssertEqual(clock.today, try day("2026-03-29"))
        XCTAssertEqual(clock.clockTime(clock.now()), "03:05")
        XCTAssertEqual(OfficeClock.fixed(at: try day("2026-11-24"), hour: 0).today, try day("2026-11-24"))
        XCTAssertEqual(OfficeClock.fixed(at: try day("2026-11-24"), hour: 23, minute: 59).today, try day("2026-11-24"))
    }

    /// The check that keeps the suite passing next year and in any zone: outside the one clock
    /// the executables hand in (`OfficeClock.system`), no source file and no test reads the
    /// machine's date or zone. Elapsed time (timeouts, progress) uses `ContinuousClock`.
    /// `.ci/run` also runs the whole suite with `TZ=Pacific/Auckland`.
    func testNoCodeButTheOfficeClockReadsTheMachinesDateOrZone() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let allowed: Set<String> = [
            "Sources/FicheDomain/OfficeClock.swift",              // OfficeClock.system: the wall clock
            "Tests/FicheDomainTests/OfficeClockTests.swift",       // this list of patterns
        ]
        // The executables choose the clock they hand in; everything they call receives it.
        let executables = ["Sources/fiche/", "Sources/fiche-server/", "Sources/fiche-bench/"]
        let patterns = [#"\bDate\(\)"#, #"\bDate\.now\b"#, #"TimeZone\.current"#, #"Calendar\.current"#,
                        #"autoupdatingCurrent"#, #"timeIntervalSinceNow"#, #"LocalDate\.today"#]
            .map { try? NSRegularExpression(pattern: $0) }
        var offending: [String] = []
        for folder in ["Sources", "Tests"] {
            let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard url.pathExtension == "swift" else { continue }
                let relative = String(url.path.dropFirst(root.path.count + 1))
                if allowed.contains(relative) || executables.contains(where: relative.hasPrefix) { continue }
                let text = try String(contentsOf: url, encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = String(line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                    let range = NSRange(code.startIndex..., in: code)
                    if patterns.contains(where: { $0?.firstMatch(in: code, range: range) != nil }) {
                        offending.append("\(relative):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                    }
                }
            }
        }
        XCTAssertGreaterThan(patterns.compactMap { $0 }.count, 6, "every pattern compiles")
        XCTAssertEqual(offending, [], "read the time from an OfficeClock handed in (a fixed one in tests):\n"
                       + offending.joined(separator: "\n"))
    }
}
