import FicheApp
import FicheDomain
import Foundation
import XCTest

final class RuleMessageTests: XCTestCase {
    /// Every `code` the domain can produce, read from its source so a new rule cannot ship
    /// without its three translations.
    private func allCodes() throws -> [String] {
        let source = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/FicheDomain/RuleViolation.swift")
        let text = try String(contentsOf: source, encoding: .utf8)
        let body = try XCTUnwrap(text.range(of: "public var code: String").map { text[$0.upperBound...] })
        let end = try XCTUnwrap(body.range(of: "public var messageKey"))
        let regex = try NSRegularExpression(pattern: #"return "([a-z0-9_]+\.[a-z0-9_.]+)""#)
        let block = String(body[..<end.lowerBound])
        return regex.matches(in: block, range: NSRange(block.startIndex..., in: block)).compactMap { match in
            Range(match.range(at: 1), in: block).map { String(block[$0]) }
        }
    }

    func testEveryRuleHasAMessageInEveryLanguage() throws {
        let codes = try allCodes()
        XCTAssertGreaterThan(codes.count, 30, "the rule codes could not be read")
        for language in FicheApp.Language.allCases {
            let keys = Strings.keys(of: language)
            for code in codes {
                XCTAssertTrue(keys.contains("error." + code), "\(language): no message for \(code)")
            }
        }
    }

    func testALeaveBeyondTheBalanceGivesItsDaysWithTheLanguagesDecimalSeparator() {
        let violation = RuleViolation.leaveBalanceExceeded(year: 2026, requestedDays: "2.5", remainingDays: "0.26")
        XCTAssertTrue(Strings(language: .french).message(for: violation)
            .hasPrefix("Ce congé annuel prend 2,5 j en 2026 mais il n'en reste que 0,26 :"))
        XCTAssertTrue(Strings(language: .dutch).message(for: violation)
            .hasPrefix("Dit jaarlijks verlof neemt 2,5 d in 2026 maar er blijven er maar 0,26 over:"))
        XCTAssertTrue(Strings(language: .english).message(for: violation)
            .hasPrefix("This annual leave takes 2.5 days of 2026 but only 0.26 remain:"))
    }

    func testAClosedMonthSaysWhereTheCorrectionGoesInEachLanguage() throws {
        let violation = RuleViolation.monthClosed(month: try YearMonth.parse("2025-04"), correctionMonth: try YearMonth.parse("2025-05"))
        XCTAssertEqual(Strings(language: .french).message(for: violation),
                       "Le mois de paie 04/2025 est clôturé : la modification deviendra une correction en 05/2025.")
        XCTAssertEqual(Strings(language: .dutch).message(for: violation),
                       "De loonmaand 04/2025 is afgesloten: de wijziging wordt een correctie in 05/2025.")
        XCTAssertEqual(Strings(language: .english).message(for: violation),
                       "Payroll month 04/2025 is closed: the change becomes a correction in 05/2025.")
    }

    func testDatesUnitsAndAbsenceTypesReadAsTheClerkWritesThem() throws {
        let overlap = RuleViolation.absenceOverlap(date: try LocalDate.parse("2025-05-14"), otherRecordID: "r-9")
        XCTAssertEqual(Strings(language: .french).message(for: overlap), "Cette absence chevauche une autre absence le 14/05/2025.")
        let unit = RuleViolation.absenceUnitNotAllowed(code: "sick", unit: .halfDay)
        XCTAssertEqual(Strings(language: .dutch).message(for: unit, absenceLabel: { $0 == "sick" ? "Ziekte" : nil }),
                       "Het type \"Ziekte\" kan niet per halve dag worden ingevoerd.")
    }

    func testNoMessageLeavesAPlaceholderUnfilled() throws {
        let samples: [RuleViolation] = [
            .nissChecksum(text: "85.07.30-033.29"),
            .ibanNationalCheck(text: "BE41 0918 1173 5141"),
            .dateRangeReversed(start: try LocalDate.parse("2025-05-14"), end: try LocalDate.parse("2025-05-13")),
            .clockingWeekTooLong(weekStart: try LocalDate.parse("2025-05-12"), minutes: 2760, maximum: 2700),
            .validationOfOwnEntry(userID: "u-1"),
            .certificateMissing(code: "sick", dueBy: try LocalDate.parse("2025-05-16")),
        ]
        for language in FicheApp.Language.allCases {
            for violation in samples {
                let message = Strings(language: language).message(for: violation)
                XCTAssertFalse(message.contains("{"), "\(language) \(violation.code): \(message)")
                XCTAssertFalse(message.hasPrefix("error."), "\(language) \(violation.code): \(message)")
            }
        }
    }
}
