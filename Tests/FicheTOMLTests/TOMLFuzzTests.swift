import FicheTOML
import Foundation
import XCTest

/// Damaged files (cut short, bytes changed, garbage) must give an issue with the file and a
/// line inside it, never a crash or a hang. The damage is drawn from a fixed seed.
final class TOMLFuzzTests: XCTestCase {
    /// The TOML files Fiche ships: rules, themes and keymaps, read from the source tree.
    private func shippedFiles() throws -> [(name: String, text: String)] {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
        var files: [(String, String)] = []
        for folder in ["FicheDomain/Rules", "FicheTerminal/Themes", "FicheTerminal/Keymaps"] {
            let url = sources.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where name.hasSuffix(".toml") {
                files.append(("\(folder)/\(name)", try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)))
            }
        }
        return files
    }

    /// Parses `scalars`; an issue must name `file` and a line the text has.
    private func check(_ scalars: [Unicode.Scalar], file: String, _ what: @autoclosure () -> String) {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        let lineCount = scalars.filter { $0 == "\n" }.count + 1
        do {
            _ = try TOMLReader.parse(String(text), file: file)
        } catch {
            XCTAssertEqual(error.file, file, what())
            XCTAssertTrue((1...lineCount).contains(error.line), "\(what()): line \(error.line) of \(lineCount): \(error)")
            XCTAssertFalse(error.message.isEmpty, what())
        }
    }

    func testEveryShippedFileCutShortGivesAnIssueOrATableNeverACrash() throws {
        let files = try shippedFiles()
        XCTAssertGreaterThanOrEqual(files.count, 14, "6 rule files, 5 themes, 3 keymaps")
        for (name, text) in files {
            let scalars = Array(text.unicodeScalars)
            XCTAssertNoThrow(try TOMLReader.parse(text, file: name), name)
            for end in stride(from: 0, to: scalars.count, by: 3) {
                check(Array(scalars[..<end]), file: name, "\(name) cut at \(end)")
            }
        }
    }

    func testRandomDamageToShippedFilesGivesAnIssueOrATableNeverACrash() throws {
        var random = FuzzGenerator(seed: 17)
        let damage: [Unicode.Scalar] = ["[", "]", "{", "}", "\"", "'", "=", ",", ".", "#", "\n", "\r", "\\", " ", "0", "9",
                                        "-", "+", "_", ":", "e", "T", "\u{0}", "\u{FEFF}", "é", "\u{1F600}"]
        for (name, text) in try shippedFiles() {
            let original = Array(text.unicodeScalars)
            for round in 0..<150 {
                var scalars = original
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    guard !scalars.isEmpty else { break }
                    let at = Int.random(in: 0..<scalars.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: scalars[at] = damage.randomElement(using: &random) ?? " "
                    case 1: scalars.insert(damage.randomElement(using: &random) ?? " ", at: at)
                    default: scalars.remove(at: at)
                    }
                }
                check(scalars, file: name, "\(name) damaged, round \(round)")
            }
        }
    }

    func testGarbageGivesAnIssueNeverACrash() {
        var random = FuzzGenerator(seed: 60)
        for round in 0..<500 {
            let length = Int.random(in: 0...200, using: &random)
            let scalars = (0..<length).compactMap { _ in Unicode.Scalar(UInt32.random(in: 0...0x2FF, using: &random)) }
            check(scalars, file: "garbage.toml", "garbage round \(round)")
        }
    }
}
