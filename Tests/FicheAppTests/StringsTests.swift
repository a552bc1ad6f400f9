import FicheApp
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
}
