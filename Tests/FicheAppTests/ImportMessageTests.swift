import FicheApp
import FicheReplica
import XCTest

/// Import errors read as `line N: column: message` in the user's language.
final class ImportMessageTests: XCTestCase {
    func testAnImportErrorNamesItsLineAndColumnInEachLanguage() {
        let issue = ImportIssue(line: 4, column: "unit", problem: .unknownUnit("week"))
        XCTAssertEqual(Strings(language: .french).message(for: issue), "ligne 4: unit: unité « week » inconnue : day, half_day ou hour")
        XCTAssertEqual(Strings(language: .dutch).message(for: issue), "regel 4: unit: onbekende eenheid ‘week’: day, half_day of hour")
        XCTAssertEqual(Strings(language: .english).message(for: issue), "line 4: unit: unknown unit “week”: day, half_day or hour")
    }
}
