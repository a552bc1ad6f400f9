import FicheTerminal
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testCharactersTakeTheColumnsATerminalGivesThem() {
        let cases: [(String, Int)] = [
            ("Van den Bossche", 15),
            ("Éloïse", 6),
            ("E\u{301}loi\u{308}se", 6),   // É and ï written with combining accents
            ("日本", 4),
            ("👍", 2),
            ("ok✔", 3),
            ("\u{1B}", 0),
        ]
        for (text, width) in cases {
            XCTAssertEqual(DisplayWidth.of(text), width, text.debugDescription)
        }
    }

    func testTruncationKeepsWholeCharactersAndMarksTheCut() {
        XCTAssertEqual(DisplayWidth.truncate("Van den Bossche", to: 8), "Van den…")
        XCTAssertEqual(DisplayWidth.truncate("日本語", to: 4), "日…")
        XCTAssertEqual(DisplayWidth.fit("Zoë", to: 5), "Zoë  ")
        XCTAssertEqual(DisplayWidth.fit("42", to: 5, alignRight: true), "   42")
    }
}
