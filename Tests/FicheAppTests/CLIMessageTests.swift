import FicheApp
import Foundation
import XCTest

/// Every sentence `fiche` prints outside the interface (`CLIMessage`) is in French, Dutch and
/// English, with the same placeholders, and the French and Dutch ones are not English.
final class CLIMessageTests: XCTestCase {
    private let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/FicheApp/Strings")

    /// The raw text of `key` in `language`'s tables, nil when no table has it.
    private func text(_ key: String, _ language: Language) -> String? {
        let strings = Strings(language: language)
        return strings[key] == key ? nil : strings[key]
    }

    private func placeholders(_ text: String) -> Set<String> {
        let pattern = /\{([A-Za-z]+)\}/
        return Set(text.matches(of: pattern).map { String($0.1) })
    }

    func testEveryMessageIsInEveryLanguageWithTheSamePlaceholders() throws {
        XCTAssertGreaterThan(CLIMessage.allCases.count, 100)
        for message in CLIMessage.allCases {
            let english = try XCTUnwrap(text(message.rawValue, .english), "\(message) has no English text")
            for language in Language.allCases {
                let said = try XCTUnwrap(text(message.rawValue, language), "\(message) has no \(language) text")
                XCTAssertEqual(placeholders(said), placeholders(english), "\(language) \(message.rawValue): \(said)")
                // A singular may write its count out ("1 change") where a language takes it for 1 only.
                if let one = text(message.rawValue + ".one", language) {
                    let englishOne = try XCTUnwrap(text(message.rawValue + ".one", .english))
                    XCTAssertEqual(placeholders(one).subtracting(["count"]), placeholders(englishOne).subtracting(["count"]),
                                   "\(language) \(message.rawValue).one: \(one)")
                    XCTAssertTrue(placeholders(one).subtracting(["count"]).isSubset(of: placeholders(said)), "\(language) \(message)")
                }
            }
        }
    }

    /// The topic table `cli.<language>.json` holds the command's sentences and nothing else, and
    /// every one of them is a `CLIMessage`: a sentence cannot be added and forgotten.
    func testTheCommandTableHoldsOnlyCommandMessages() throws {
        let known = Set(CLIMessage.allCases.map(\.rawValue))
        for language in Language.allCases {
            let data = try Data(contentsOf: folder.appendingPathComponent("cli.\(language.rawValue).json"))
            let table = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: String])
            let keys = Set(table.keys.map { $0.hasSuffix(".one") ? String($0.dropLast(4)) : $0 })
            XCTAssertEqual(keys.subtracting(known), [], "\(language): keys no CLIMessage names")
            XCTAssertEqual(known.filter { $0.hasPrefix("cli.") }.subtracting(keys), [], "\(language): CLIMessages without a text")
        }
    }

    /// French and Dutch say it in their own words: a sentence left in English would show here.
    /// The few that are the same in every language are symbols, units or program names.
    func testFrenchAndDutchAreNotEnglish() throws {
        let same: Set<CLIMessage> = [.failure, .unexpected, .durationSeconds, .durationMinutes]
        let sameInFrench: Set<CLIMessage> = [.durationHours]
        let sameInDutch: Set<CLIMessage> = [.statusOnline, .statusOffline, .summaryCursor]
        for message in CLIMessage.allCases where !same.contains(message) {
            let english = try XCTUnwrap(text(message.rawValue, .english))
            if !sameInFrench.contains(message) {
                XCTAssertNotEqual(text(message.rawValue, .french), english, "French \(message.rawValue)")
            }
            if !sameInDutch.contains(message) {
                XCTAssertNotEqual(text(message.rawValue, .dutch), english, "Dutch \(message.rawValue)")
            }
        }
    }

    func testValuesAndPluralsAreFilledIn() {
        let french = Strings(language: .french), dutch = Strings(language: .dutch), english = Strings(language: .english)
        XCTAssertEqual(french(.unknownEmployer, ["employer": "XX", "held": "AC-IXL"]), "employeur inconnu XX ; la réplique contient AC-IXL")
        XCTAssertEqual(dutch(.statusNeverSynced), "laatste synchronisatie: nog geen")
        XCTAssertEqual(english(.summaryPulled, ["count": "1"]), "pulled 1 change")
        XCTAssertEqual(french(.summaryPulled, ["count": "0"]), "0 modification reçue")
        XCTAssertEqual(dutch(.summaryPulled, ["count": "0"]), "0 wijzigingen ontvangen")
        XCTAssertEqual(french(.failure, ["message": "x"]), "fiche: x")
    }
}
