@testable import FicheDomain
import XCTest

/// The leaves without pay and suspensions of `absence-types.toml` (docs/RULES.md): who pays,
/// whether a certificate is needed, and what each does for article 60 before and after the
/// 1 March 2026 reform, as the rule files say.
final class AbsenceTypesAddedTests: XCTestCase {
    func testEachTypeHasItsPayerCertificateAndArticle60Outcome() throws {
        let rules = Fixtures.rules
        let before = try rules.art60Policy(on: Fixtures.date("2026-02-02"))
        let after = try rules.art60Policy(on: Fixtures.date("2026-03-02"))
        typealias Row = (code: String, unit: AbsenceUnit, paid: Bool, payer: DayPayer, certificate: Bool,
                         before: Art60DayOutcome, after: Art60DayOutcome, capped: Bool)
        let table: [Row] = [
            ("leave_without_pay", .halfDay, false, .nobody, false, .neither, .neither, false),
            ("compelling_reasons", .halfDay, false, .nobody, false, .counts, .extends, true),
            ("parental_leave_full", .day, false, .nobody, false, .neither, .neither, false),
            ("parental_leave_half", .halfDay, false, .nobody, false, .neither, .neither, false),
            ("parental_leave_fifth", .halfDay, false, .nobody, false, .neither, .neither, false),
            ("progressive_return", .halfDay, false, .mutualityOrInsurer, true, .counts, .extends, false),
            ("pregnancy_removal", .day, false, .mutualityOrInsurer, true, .counts, .counts, false),
            ("adoption_leave", .day, false, .mutualityOrInsurer, false, .counts, .counts, false),
        ]
        for row in table {
            let type = try rules.absenceCatalogue.require(row.code)
            XCTAssertEqual(type.recordKind, .absence, row.code)
            XCTAssertEqual(type.unit, row.unit, row.code)
            XCTAssertEqual(type.paid, row.paid, row.code)
            XCTAssertEqual(type.payer, row.payer, row.code)
            XCTAssertFalse(type.isIncapacity, "\(row.code): the guaranteed salary does not apply")
            XCTAssertEqual(type.certificate.required, row.certificate, row.code)
            XCTAssertEqual(before.judge(type, payer: type.payer).outcome, row.before, "\(row.code) before the reform")
            XCTAssertEqual(before.judge(type, payer: type.payer).capped, row.capped, "\(row.code) before the reform")
            XCTAssertEqual(after.judge(type, payer: type.payer).outcome, row.after, "\(row.code) after the reform")
            XCTAssertEqual(after.judge(type, payer: type.payer).capped, row.capped, "\(row.code) after the reform")
            for language in [Language.fr, .nl, .en] {
                XCTAssertFalse(type.labels.text(in: language).isEmpty, "\(row.code) \(language)")
            }
        }
        XCTAssertEqual(try rules.absenceCatalogue.require("leave_without_pay").labels.text(in: .fr), "Congé sans solde")
        XCTAssertEqual(try rules.absenceCatalogue.require("parental_leave_fifth").labels.text(in: .nl), "Ouderschapsverlof 1/5")
    }
}
