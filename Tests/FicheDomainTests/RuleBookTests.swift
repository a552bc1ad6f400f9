@testable import FicheDomain
import XCTest

final class RuleBookTests: XCTestCase {
    func testBundledCatalogueHasTheStableCodes() throws {
        let catalogue = Fixtures.rules.absenceCatalogue
        let required = ["annual_leave", "public_holiday", "sick", "work_accident", "birth_leave", "maternity",
                        "circumstance", "compensatory_rest", "training", "strike", "unjustified", "time_credit",
                        "lateness", "overtime"]
        for code in required {
            XCTAssertNotNil(catalogue.type(code), code)
        }
        let sick = try catalogue.require("sick")
        XCTAssertTrue(sick.countsAsSickness)
        XCTAssertEqual(sick.art60, .counts)
        XCTAssertEqual(sick.certificate.exemptFirstDaysPerYear, 3)
        XCTAssertEqual(sick.certificate.deadlineWorkingDays, 2)
        XCTAssertTrue(sick.certificate.exemptCategories.contains(.contractual))
        XCTAssertFalse(sick.certificate.exemptCategories.contains(.statutory))
        XCTAssertEqual(sick.labels.text(in: .nl), "Ziekte")
        XCTAssertEqual(try catalogue.require("unjustified").art60, .unpaidCapped)
        XCTAssertEqual(try catalogue.require("annual_leave").unit, .halfDay)
        XCTAssertEqual(try catalogue.require("overtime").recordKind, .overtime)
        XCTAssertThrowsError(try catalogue.require("flu")) { error in
            XCTAssertEqual((error as? RuleViolation)?.code, "absence.unknown_type")
        }
    }

    func testArt60PolicySelectedByContractDateAndAge() throws {
        let rules = Fixtures.rules
        let cases: [(String, Int, String, Int, Int)] = [
            ("2025-06-01", 25, "pre-2026", 312, 21),
            ("2025-06-01", 40, "pre-2026", 468, 33),
            ("2026-02-28", 50, "pre-2026", 624, 42),
            ("2026-03-01", 25, "reform-2026", 312, 36),
            ("2026-03-01", 55, "reform-2026", 312, 36),
        ]
        for (start, age, id, target, window) in cases {
            let policy = try rules.art60Policy(forContractStart: Fixtures.date(start))
            XCTAssertEqual(policy.id, id, start)
            let band = try policy.band(forAge: age)
            XCTAssertEqual(band.targetDays, target, "\(start) age \(age)")
            XCTAssertEqual(band.windowMonths, window, "\(start) age \(age)")
        }
        XCTAssertThrowsError(try rules.art60Policy(forContractStart: Fixtures.date("1970-01-01"))) { error in
            XCTAssertEqual((error as? RuleViolation)?.code, "art60.no_policy")
        }
    }

    func testIndexationScalesAndLeave() throws {
        let rules = Fixtures.rules
        XCTAssertNil(rules.indexationCoefficient(on: Fixtures.date("2025-02-28")))
        let coefficient = try XCTUnwrap(rules.indexationCoefficient(on: Fixtures.date("2025-03-01")))
        XCTAssertEqual(coefficient.value, 2.1223)
        let a1 = try XCTUnwrap(rules.scale("A1"))
        XCTAssertEqual(a1.level, "A")
        XCTAssertEqual(coefficient.indexed(a1.baseMinimumCents), Int((Double(a1.baseMinimumCents) * 2.1223).rounded()))
        XCTAssertEqual(rules.scales.count, 21)
        let leave: [(StaffCategory, Int, Int)] = [(.statutory, 30, 26), (.statutory, 45, 27), (.contractual, 58, 28),
                                                   (.art60, 30, 20)]
        for (category, age, days) in leave {
            XCTAssertEqual(rules.annualLeaveDays(category: category, age: age), days, "\(category) \(age)")
        }
        XCTAssertEqual(rules.annualLeaveDays(category: .statutory, age: 30, regime: try .parse("4/5")), 21)
        XCTAssertEqual(rules.annualLeaveDays(category: .statutory, age: 45, regime: try .parse("50 %")), 13.5)
        XCTAssertEqual(rules.indexedAmountCents(1_000_000, on: Fixtures.date("2025-06-01")), 2_122_300)
        XCTAssertNil(rules.indexedAmountCents(1_000_000, on: Fixtures.date("2024-06-01")))
    }

    func testOverridingAFileIsADataChange() throws {
        let newPolicy = """
        [[policy]]
        id = "reform-2026"
        valid_from = 2026-03-01
        unemployment_week_days = 6
        unpaid_cap_days_per_year = 5
        [[policy.band]]
        min_age = 0
        target_days = 300
        window_months = 36
        """
        let rules = try Fixtures.rules.replacing(.art60Policies, with: newPolicy)
        XCTAssertEqual(try rules.art60Policy(forContractStart: Fixtures.date("2026-04-01")).band(forAge: 30).targetDays, 300)
        XCTAssertEqual(rules.absenceCatalogue, Fixtures.rules.absenceCatalogue)
    }

    func testInvalidRuleFilesReportFileAndLine() {
        let cases: [(RuleFile, String, String)] = [
            (.absenceTypes, "[[absence_type]]\ncode = \"x\"\nlabels = { fr = \"a\", nl = \"b\", en = \"c\" }\nunit = \"week\"\npaid = true\npayroll_code = \"X\"\nart60 = \"counts\"",
             "absence-types.toml:4: unit must be day, half_day or hour, found 'week'"),
            (.absenceTypes, "[[absence_type]]\ncode = \"x\"\npayed = true",
             "absence-types.toml:3: unknown key 'payed' in [[absence_type]]"),
            (.holidays, "[[calendar]]\nid = \"c\"\nholidays = [\"easter\"]",
             "holidays.toml:3: unknown holiday 'easter'"),
            (.art60Policies, "[[policy]]\nid = \"p\"\nvalid_from = 2026-03-01\nunemployment_week_days = 6\nunpaid_cap_days_per_year = 10",
             "art60-policies.toml:1: policy needs at least one [[policy.band]]"),
            (.indexation, "[[coefficient]]\nvalid_from = \"01/03/2025\"\nvalue = \"2.1223\"",
             "indexation.toml:3: key 'value' must be a number, found string"),
        ]
        for (file, text, message) in cases {
            XCTAssertThrowsError(try Fixtures.rules.replacing(file, with: text), message) { error in
                XCTAssertEqual((error as? RuleFileError)?.description, message)
            }
        }
        XCTAssertThrowsError(try RuleBook(texts: [:])) { error in
            XCTAssertEqual((error as? RuleFileError)?.file, "absence-types.toml")
        }
    }
}
