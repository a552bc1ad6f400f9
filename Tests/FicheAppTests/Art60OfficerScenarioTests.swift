import FicheApp
import FicheDomain
import FicheReplica
import FicheTerminal
import FicheTestSupport
import Foundation
import XCTest

/// The art. 60 officer's scenario: a worker's unjustified absences push back the day the
/// worker reaches the work days that open unemployment rights, and the officer sees it.
final class Art60OfficerScenarioTests: XCTestCase {
    private func projected(_ driver: ScreenDriver<App>) throws -> LocalDate {
        let line = try XCTUnwrap(driver.screenText.split(separator: "\n").first { $0.contains("Objectif prévu le ") },
                                 driver.screenText)
        let text = try XCTUnwrap(line.range(of: "Objectif prévu le ").map { String(line[$0.upperBound...].prefix(10)) })
        let parts = text.split(separator: "/").compactMap { Int($0) }
        return try XCTUnwrap(parts.count == 3 ? LocalDate(year: parts[2], month: parts[1], day: parts[0]) : nil, text)
    }

    /// The officer's app on Karim's art. 60 tab.
    private func karimsArt60Tab(_ database: AppDatabase, size: Size) throws -> ScreenDriver<App> {
        let app = try App(database: database, strings: Strings(language: .french), userName: "officer",
                          size: size, userID: DossierFixture.officer.id, today: DossierFixture.today)
        let driver = ScreenDriver(app)
        driver.type("karim")
        driver.press("Enter")
        driver.press("Tab", "Tab", "Tab")
        return driver
    }

    func testTheOfficerSeesTheProjectedDateMoveAfterUnjustifiedAbsences() throws {
        let database = try DossierFixture.make()
        let driver = try karimsArt60Tab(database, size: Size(width: 120, height: 40))
        let before = try projected(driver)

        // Fifteen working days unjustified in January and February: past the ten a year the
        // policy tolerates, so the last five push the target back.
        let manager = try XCTUnwrap(try database.user(id: "usr-demo"))
        var day = DossierFixture.date("2026-01-12")
        var recorded = 0
        while recorded < 15 {
            if day.weekday != .saturday && day.weekday != .sunday {
                try database.recordAbsence(.absence(id: "unj-\(recorded)", employerCode: "CPAS-IXL",
                                                    dossierID: DossierFixture.art60Worker, type: "unjustified",
                                                    from: day, to: day, enteredBy: manager.id),
                                           by: manager, rules: try RuleBook.bundled())
                recorded += 1
            }
            day = day.adding(days: 1)
        }
        driver.press("F5")
        let after = try projected(driver)
        XCTAssertGreaterThan(after, before, "the projected date moves later:\n\(driver.screenText)")
        XCTAssertTrue(driver.screenText.contains("Objectif prévu le \(after.belgian)"), driver.screenText)
        // The tab says why: next to the sickness paid by the mutuality since the reform
        // (DossierFixture), 6 unjustified days over the 10 of 2026: 5 in January and the one of
        // 16 March (the cap is one count for the calendar year, across the reform).
        XCTAssertTrue(driver.screenText.contains("Absence injustifiée : 6 jours · au-delà du plafond annuel"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("Maladie (mutuelle ou assureur) : 8 jours · période de référence prolongée"),
                      driver.screenText)
    }

    func testTheOfficerIsToldWhenThePlannedEndComesBeforeTheTarget() throws {
        let database = try DossierFixture.make()
        let driver = try karimsArt60Tab(database, size: Size(width: 80, height: 24))
        XCTAssertFalse(driver.screenText.contains("avant l'objectif"), "planned to end in 2027, after the target:\n\(driver.screenText)")

        // The contract is now planned to end on 30 June 2026, before the projected target.
        var batch = MirrorBatch()
        batch.art60Contracts = [MirrorRow(Art60Contract(id: "a60-1", employerCode: "CPAS-IXL", dossierID: DossierFixture.art60Worker,
                                                        start: DossierFixture.date("2025-09-01"),
                                                        plannedEnd: DossierFixture.date("2026-06-30"),
                                                        officerID: DossierFixture.officer.id),
                                          employerCode: "CPAS-IXL", version: 2)]
        try database.applyPulled(batch)
        driver.press("F5")
        let target = try projected(driver)
        XCTAssertGreaterThan(target, DossierFixture.date("2026-06-30"))
        XCTAssertTrue(driver.screenText.contains("⚠ Fin (30/06/2026) avant l'objectif : prolonger jusqu'au \(target.belgian) au moins."),
                      driver.screenText)
    }
}
