import FicheApp
import Foundation
import XCTest

final class StringsTests: XCTestCase {
    func testEveryLanguageHasEveryKey() {
        let french = Strings.keys(of: .french)
        XCTAssertFalse(french.isEmpty, "the French table did not load")
        for language in Language.allCases {
            XCTAssertEqual(Strings.keys(of: language), french, "\(language) differs from French")
        }
    }

    func testLanguageComesFromTheFlagThenTheLocale() {
        XCTAssertEqual(Language.choose(flag: "nl", environment: ["LANG": "fr_BE.UTF-8"]), .dutch)
        XCTAssertEqual(Language.choose(flag: nil, environment: ["LANG": "nl_BE.UTF-8"]), .dutch)
        XCTAssertEqual(Language.choose(flag: nil, environment: ["LC_ALL": "en_GB.UTF-8", "LANG": "nl_BE.UTF-8"]), .english)
        XCTAssertEqual(Language.choose(flag: nil, environment: ["LANG": "C.UTF-8"]), .french)
    }

    func testPlaceholdersAreFilled() {
        let strings = Strings(language: .english)
        XCTAssertEqual(strings.format("screen.tooSmall", ["width": "60", "height": "20"]), "Terminal too small: 60×20")
    }

    func testNoTextHedgesItsPluralAndACountPicksTheLanguagesSingular() {
        for language in Language.allCases {
            let strings = Strings(language: language)
            for key in Strings.keys(of: language) {
                let text = strings[key]
                for hedge in ["(s)", "(en)", "(e)", "(es)", "(x)"] {
                    XCTAssertFalse(text.contains(hedge), "\(language) \(key): \(text)")
                }
            }
        }
        let french = Strings(language: .french), dutch = Strings(language: .dutch), english = Strings(language: .english)
        XCTAssertEqual(french.format("reassign.question", ["count": "0"]), "Réattribuer 0 dossier à")
        XCTAssertEqual(french.format("reassign.question", ["count": "1"]), "Réattribuer 1 dossier à")
        XCTAssertEqual(french.format("reassign.question", ["count": "2"]), "Réattribuer 2 dossiers à")
        XCTAssertEqual(dutch.format("reassign.question", ["count": "0"]), "0 dossiers toewijzen aan")
        XCTAssertEqual(dutch.format("reassign.question", ["count": "1"]), "1 dossier toewijzen aan")
        XCTAssertEqual(english.format("workload.apply.done", ["count": "1"]), "1 reassignment written, waiting for the server")
        XCTAssertEqual(english.format("workload.apply.done", ["count": "0"]), "0 reassignments written, waiting for the server")
    }

    /// The tables of a language are merged: a key in two files would let one shadow the other.
    func testNoKeyIsDefinedInTwoTablesOfOneLanguage() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/FicheApp/Strings")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for language in Language.allCases {
            var seen: [String: String] = [:]
            for file in files.sorted() where file == "\(language.rawValue).json" || file.hasSuffix(".\(language.rawValue).json") {
                let data = try Data(contentsOf: folder.appendingPathComponent(file))
                let table = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: String], file)
                for key in table.keys {
                    XCTAssertNil(seen[key], "\(key) is in \(seen[key] ?? "") and \(file)")
                    seen[key] = file
                }
            }
            XCTAssertGreaterThan(seen.count, 100, "\(language): the tables were read")
        }
    }

    /// What `fiche demo` prints before the interface opens speaks the user's language: no table
    /// name of the database, numbers grouped as each language writes them.
    func testTheStartUpLinesOfTheDemoSpeakTheUsersLanguage() {
        let french = Strings(language: .french), dutch = Strings(language: .dutch)
        XCTAssertEqual(french.format("demo.seeding", ["count": "20000"]), "Préparation du serveur de démonstration (20000 dossiers)…")
        let line = french.initialSyncLine(rows: 12_400, rate: 48_000, pages: 3, table: "time_record", secondsLeft: nil, done: false)
        XCTAssertEqual(line, "copie initiale ▕███                 ▏ 12 400 lignes · 48 000 lignes/s · prestations")
        XCTAssertFalse(line.contains("time_record"))
        let done = dutch.initialSyncLine(rows: 1_234_567, rate: 9_000, pages: 40, table: "art60_contract", secondsLeft: nil, done: true)
        XCTAssertEqual(done, "eerste kopie ▕████████████████████▏ 1.234.567 rijen · 9.000 rijen/s · art. 60-contracten · klaar")
        for language in Language.allCases {
            let strings = Strings(language: language)
            for table in ["dossier", "time_record", "note", "payroll_month", "art60_event", "employer", "user", "grant",
                          "career_period", "partner", "art60_contract", "placement", "scope"] {
                XCTAssertNotEqual(strings["sync.table." + table], "sync.table." + table, "\(language) \(table)")
            }
        }
    }
}
