import FicheApp
import FicheReplica
import FicheTerminal
import FicheTestSupport
import Foundation
import XCTest

/// The article 60 partner list: who takes the CPAS's workers, how many now, at what monthly cost.
final class PartnersScreenTests: XCTestCase {
    private func driver(_ language: Language = .french, userID: String = "usr-demo", width: Int = 80,
                        height: Int = 24) throws -> ScreenDriver<App> {
        let app = try App(database: try WorkloadFixture.make(), strings: Strings(language: language), userName: "demo",
                          size: Size(width: width, height: height), userID: userID, today: WorkloadFixture.today)
        return ScreenDriver(app)
    }

    func testAltPListsThePartnersWithTheirKindPlacementsAndFees() throws {
        let driver = try driver()
        driver.press("Alt+p")
        let screen = try XCTUnwrap(driver.screen.top as? PartnersScreen)
        XCTAssertEqual(screen.partners.map(\.partner.id), ["par-3", "par-1", "par-2", "par-4"], "by name, accents ignored")
        XCTAssertEqual(screen.partners.map(\.activePlacements), [1, 2, 1, 0])
        let text = driver.screenText
        XCTAssertTrue(text.contains("Hôpital d'Ixelles (CHU Brugmann)"), text)
        XCTAssertTrue(text.contains("Hôpital public"), text)
        XCTAssertTrue(text.contains("900,00 €"), "two placements at 450 € a month:\n\(text)")
        XCTAssertTrue(text.contains("4 partenaires · 4 mises à disposition au 24/11/2026 · 1 225,00 € par mois"), text)
        let maison = try XCTUnwrap(screen.partners.first { $0.partner.id == "par-4" })
        XCTAssertEqual(maison.activePlacements, 0, "its placement ended in February")
        assertScreen(driver.buffer, named: "partners-80x24-fr")
    }

    func testSlashNarrowsThePartnersByNameCtrlUClearsAndEscShowsThemAll() throws {
        let driver = try driver()
        driver.press("Alt+p")
        let screen = try XCTUnwrap(driver.screen.top as? PartnersScreen)
        driver.press("/")
        XCTAssertTrue(driver.screenText.components(separatedBy: "\n")[1].hasSuffix("1 / 4"), driver.screenText)
        driver.type("hopital")
        XCTAssertEqual(screen.partners.map(\.partner.name), ["Hôpital d'Ixelles (CHU Brugmann)"], "accents ignored")
        XCTAssertTrue(driver.screenText.contains("1 / 1"), driver.screenText)
        driver.type("zzz")
        XCTAssertTrue(screen.partners.isEmpty)
        XCTAssertTrue(driver.screenText.contains("hopitalzzz"), driver.screenText)
        driver.press("Ctrl+U")
        XCTAssertEqual(screen.filterText, "")
        XCTAssertEqual(screen.partners.count, 4)
        driver.type("maison")
        XCTAssertEqual(screen.partners.count, 1)
        driver.press("Esc")
        XCTAssertNil(screen.filterText)
        XCTAssertEqual(screen.partners.count, 4)
        XCTAssertTrue(driver.screen.top is PartnersScreen, "the first Esc ends the filter, not the screen")
    }

    func testInDutchAndOnALargeTerminal() throws {
        let dutch = try driver(.dutch)
        dutch.press("Alt+p")
        XCTAssertTrue(dutch.screenText.contains("Openbaar ziekenhuis"), dutch.screenText)
        XCTAssertTrue(dutch.screenText.contains("€ 900,00"), dutch.screenText)
        assertScreen(dutch.buffer, named: "partners-80x24-nl")
        let large = try driver(width: 120, height: 40)
        large.press("Alt+p")
        assertScreen(large.buffer, named: "partners-120x40-fr")
        let largeDutch = try driver(.dutch, width: 120, height: 40)
        largeDutch.press("Alt+p")
        assertScreen(largeDutch.buffer, named: "partners-120x40-nl")
    }

    func testCtrlEExportsEveryPartnerAsCSV() throws {
        let driver = try driver()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fiche-partners-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        driver.screen.environment.exportFolder = folder.path
        driver.press("Alt+p", "Ctrl+E")
        XCTAssertTrue(driver.screenText.contains("4 lignes exportées"), driver.screenText)
        let file = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        let text = try String(contentsOfFile: folder.appendingPathComponent(file).path, encoding: .utf8)
        XCTAssertTrue(text.contains("Partenaire;Type;En cours;Frais mensuels"), text)
        XCTAssertTrue(text.contains("La Ressourcerie de la Senne;Économie sociale;1;325,00 €"), text)
    }

    func testAUserWhoMayNotSeeArticle60AtTheCPASIsToldSo() throws {
        let driver = try driver(userID: "usr-ac-1")
        driver.press("Alt+p")
        let text = driver.screenText
        XCTAssertTrue(text.contains("est réservée aux personnes"), text)
        XCTAssertFalse(text.contains("CHU Brugmann"))
        driver.press("Ctrl+E")
        XCTAssertTrue(driver.screenText.contains("✖"), "nothing is exported")
    }
}
