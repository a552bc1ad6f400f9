import FicheApp
import FicheDomain
import FicheReplica
import FicheTerminal
import FicheTestSupport
import Foundation
import XCTest

/// The supervisor's morning: the queues, a bulk approval under the four-eyes rule, a rejection
/// with its reason, and the month closing with its checklist and payroll export.
final class QueuesScreenTests: XCTestCase {
    private func driver(_ database: AppDatabase, _ language: FicheApp.Language = .french, userID: String = "usr-demo",
                        width: Int = 80, height: Int = 24) throws -> ScreenDriver<App> {
        let app = try App(database: database, strings: Strings(language: language), userName: "demo",
                          size: Size(width: width, height: height), userID: userID, today: QueueFixture.today)
        return ScreenDriver(app)
    }

    private func queues(_ driver: ScreenDriver<App>, file: StaticString = #filePath, line: UInt = #line) throws -> QueuesScreen {
        try XCTUnwrap(driver.screen.top as? QueuesScreen, "the queues are not on top", file: file, line: line)
    }

    /// Moves the selection down to the entry `id` of the queue shown.
    private func select(_ id: String, _ driver: ScreenDriver<App>, file: StaticString = #filePath, line: UInt = #line) throws {
        let screen = try queues(driver)
        driver.press("Home")
        for _ in 0..<20 where screen.selectedID != id { driver.press("Down") }
        XCTAssertEqual(screen.selectedID, id, "entry \(id) is not in the queue", file: file, line: line)
    }

    private func record(_ id: String, of dossierID: String, in database: AppDatabase) throws -> TimeRecord? {
        try database.openDossier(dossierID, year: 2026)?.timeRecords.first { $0.id == id }
    }

    func testTheSupervisorApprovesTwoEntriesInBulkButNotTheirOwn() throws {
        let database = try QueueFixture.make()
        let driver = try driver(database)
        driver.press("Alt+v")
        let screen = try queues(driver)
        XCTAssertEqual(screen.tab, QueueTab.validation)
        XCTAssertTrue(driver.screenText.contains("[À valider (5)]"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("Mertens, B."), "who entered it shows: \(driver.screenText)")
        XCTAssertTrue(driver.screenText.contains("22 j"), "the oldest entry is 22 days old: \(driver.screenText)")

        try select(QueueFixture.byClerkAC1, driver)
        driver.press("Space")
        try select(QueueFixture.byClerkAC1Too, driver)
        driver.press("Space")
        XCTAssertEqual(screen.marked, [QueueFixture.byClerkAC1, QueueFixture.byClerkAC1Too])
        XCTAssertTrue(driver.screenText.contains("2 marqué(s)"), driver.screenText)
        driver.press("F5")
        XCTAssertTrue(driver.screenText.contains("✔ 2 entrées approuvées"), driver.screenText)
        XCTAssertFalse(screen.itemIDs.contains(QueueFixture.byClerkAC1))
        XCTAssertFalse(screen.itemIDs.contains(QueueFixture.byClerkAC1Too))
        XCTAssertTrue(driver.screenText.contains("[À valider (3)]"), driver.screenText)
        for (id, dossier) in [(QueueFixture.byClerkAC1, "dos-1"), (QueueFixture.byClerkAC1Too, "dos-5")] {
            XCTAssertEqual(try record(id, of: dossier, in: database)?.status, .validated)
            XCTAssertEqual(try record(id, of: dossier, in: database)?.reviewedBy, "usr-demo")
            XCTAssertTrue(try database.openDossier(dossier, year: 2026)?.pendingRecordIDs.contains(id) ?? false,
                          "the approval waits to be sent")
        }

        // Their own entry, marked with another: the other goes through, theirs is refused and explained.
        try select(QueueFixture.ownEntry, driver)
        driver.press("Space")
        try select(QueueFixture.cpasEntry, driver)
        driver.press("Space", "F5")
        let text = driver.screenText
        XCTAssertTrue(text.contains("1 entrée approuvée"), text)
        XCTAssertTrue(screen.refusals.first?.contains("AC-000108 Dubois, Jérôme") ?? false, "\(screen.refusals)")
        XCTAssertTrue(screen.refusals.first?.contains("Règle des quatre yeux : vous ne pouvez pas valider une prestation "
                                                      + "que vous avez encodée.") ?? false, "\(screen.refusals)")
        XCTAssertTrue(text.contains("✖ AC-000108 Dubois, Jérôme"), "the refusal is written under the tabs: \(text)")
        XCTAssertTrue(screen.itemIDs.contains(QueueFixture.ownEntry), "the refused entry stays in the queue")
        XCTAssertEqual(try record(QueueFixture.ownEntry, of: "dos-8", in: database)?.status, .submitted)
        XCTAssertEqual(try record(QueueFixture.cpasEntry, of: "dos-23", in: database)?.status, .validated)
        assertScreen(driver.buffer, named: "queues-refused-80x24-fr")
    }

    func testAnApprovalReachesTheMonthChecklistWhenItsTabIsShown() throws {
        let database = try QueueFixture.make()
        let driver = try driver(database)
        /// The commune's (listed first) "Entrées encore à valider : N".
        func waiting() -> Int? {
            let line = driver.screenText.split(separator: "\n").first { $0.contains("Entrées encore à valider : ") }
            return line.flatMap { Int($0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") }
        }
        driver.press("Alt+m")
        let before = try XCTUnwrap(waiting(), driver.screenText)
        driver.press("Tab")   // round to the validation queue
        let screen = try queues(driver)
        XCTAssertEqual(screen.tab, QueueTab.validation)
        try select(QueueFixture.byClerkAC1, driver)
        driver.press("F5")
        XCTAssertTrue(driver.screenText.contains("[À valider (4)]"), driver.screenText)
        driver.press("Shift+Tab")
        XCTAssertEqual(screen.tab, QueueTab.closing)
        XCTAssertEqual(waiting(), before - 1, "the checklist is read again when its tab is shown: \(driver.screenText)")
    }

    func testARejectionNeedsAReasonAndEscChangesNothing() throws {
        let database = try QueueFixture.make()
        let driver = try driver(database)
        driver.press("Alt+v")
        let screen = try queues(driver)
        try select(QueueFixture.toReject, driver)

        driver.press("F8", "Esc")
        XCTAssertNil(screen.dialogReason)
        XCTAssertEqual(try record(QueueFixture.toReject, of: "dos-9", in: database)?.status, .submitted)

        driver.press("F8")
        XCTAssertEqual(driver.screen.top.keyContext, KeyContext.dialog)
        assertScreen(driver.buffer, named: "queues-reject-80x24-fr")
        let label = try XCTUnwrap(screen.label(of: QueueFixture.toReject))
        XCTAssertTrue(driver.screenText.contains("Rejeter 1 entrée"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("• " + String(label.prefix(40))), "the dialog names the entry: \(driver.screenText)")
        driver.type("  ")
        driver.press("Enter")
        XCTAssertTrue(driver.screenText.contains("Le motif est obligatoire : rien n'a été rejeté."), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("Indiquez le motif du refus."), "the dialog says what is wrong")
        XCTAssertNotNil(screen.dialogReason, "the dialog stays open")
        XCTAssertEqual(try record(QueueFixture.toReject, of: "dos-9", in: database)?.status, .submitted)

        driver.type("Date erronée : le 18/11, pas le 17/11")
        driver.press("Enter")
        XCTAssertNil(screen.dialogReason)
        XCTAssertTrue(driver.screenText.contains("✔ 1 entrée rejetée"), driver.screenText)
        let rejected = try record(QueueFixture.toReject, of: "dos-9", in: database)
        XCTAssertEqual(rejected?.status, .rejected)
        XCTAssertEqual(rejected?.rejectionReason, "Date erronée : le 18/11, pas le 17/11")
        XCTAssertFalse(screen.itemIDs.contains(QueueFixture.toReject))
    }

    func testEnterOpensTheDossierAtItsTabOrSaysItIsNotThereYet() throws {
        let driver = try driver(try QueueFixture.make())
        driver.press("Alt+v", "Enter")
        // Until the dossier screen is there, Navigation says so; afterwards the dossier is on top.
        XCTAssertTrue(driver.screenText.contains("Ouvrir : pas encore disponible") || !(driver.screen.top is QueuesScreen),
                      driver.screenText)
    }

    func testTheOtherQueuesListArt60CertificatesAndAbsencesWithTheirAges() throws {
        let driver = try driver(try QueueFixture.make(), width: 120, height: 40)
        driver.press("Alt+v", "Tab")
        var text = driver.screenText
        XCTAssertTrue(text.contains("Aït Ouali, Karim"), text)
        XCTAssertTrue(text.contains("Hôpital d'"), "the partner: \(text)")
        XCTAssertTrue(text.contains("15/12/2026"), "the contract's end: \(text)")
        // Karim (born 23/11/1985) is 41 when his contract ends on 15/12/2026, after the 2026
        // reform: 312 days (not the old 468 of his age band), i.e. the 260th weekday from
        // 03/02/2025, 30/01/2026. His 2 unjustified days of November 2026 no longer count:
        // 2 × 1.2 fewer than the 566 of before.
        XCTAssertTrue(text.contains("objectif atteint le 30/01/2026 · fin le"), text)
        XCTAssertTrue(text.contains("564/312"), "qualifying days over the target: \(text)")
        XCTAssertFalse(text.contains("Ouédraogo"), "a contract far from its end and target is not watched")
        driver.press("Tab")
        text = driver.screenText
        XCTAssertTrue(text.contains("Mbuyi, Grâce"), text)
        XCTAssertTrue(text.contains("Maladie") || text.contains("maladie"), text)
        driver.press("Tab")
        text = driver.screenText
        XCTAssertTrue(text.contains("Aït Ouali, Karim") && text.contains("Diallo, Mariama"), text)
        XCTAssertTrue(text.contains("35 j"), "20/10 is 35 days before 24/11: \(text)")
    }

    /// A queue longer than what it lists says so: the tab and the summary give the true total,
    /// the position of the selected entry, and that the oldest are the ones listed.
    func testTheValidationQueueGivesItsTrueTotalAndThePosition() throws {
        let database = try QueueFixture.make()
        let before = try database.submittedCount()
        try database.applyPulled(QueueFixture.manySubmitted(520))
        let driver = try driver(database, width: 120, height: 40)
        driver.press("Alt+v")
        let total = before + 520
        XCTAssertEqual(try database.submittedCount(), total)
        let screen = try queues(driver)
        XCTAssertEqual(screen.itemIDs.count, 500, "the oldest 500 are listed")
        XCTAssertEqual(screen.count(.validation), total)
        XCTAssertTrue(driver.screenText.contains("À valider (\(total))"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("1 / \(total)"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("les 500 plus anciennes listées"), driver.screenText)
        driver.press("Down", "Down")
        XCTAssertTrue(driver.screenText.contains("3 / \(total)"), driver.screenText)
        XCTAssertEqual(try database.submittedCount(employerCode: "CPAS-IXL"),
                       try database.validationQueue(asOf: QueueFixture.today, employerCode: "CPAS-IXL").count)
    }

    /// F6 on missing certificates asks the day the certificate arrived, today already typed: an
    /// unreadable or future date keeps the dialog open with the reason; a good one clears the item.
    func testF6RecordsALateCertificateWithTheDayItArrived() throws {
        let database = try QueueFixture.make()
        let driver = try driver(database, width: 120, height: 40)
        driver.press("Alt+v", "Tab", "Tab")
        let screen = try queues(driver)
        XCTAssertEqual(screen.tab, QueueTab.certificates)
        let before = screen.itemIDs
        let first = try XCTUnwrap(before.first)
        driver.press("F6")
        XCTAssertTrue(driver.screenText.contains("Certificat reçu"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("24/11/2026"), "today is already typed: \(driver.screenText)")
        driver.press("Backspace")
        driver.type("9")
        driver.press("Enter")
        XCTAssertTrue(driver.screenText.contains("après aujourd'hui"), driver.screenText)
        XCTAssertEqual(screen.itemIDs, before, "nothing recorded")
        driver.press("Backspace", "Backspace", "Backspace", "Backspace", "Backspace", "Backspace", "Backspace", "Backspace",
                     "Backspace", "Backspace")
        driver.type("le 24")
        driver.press("Enter")
        XCTAssertEqual(screen.itemIDs, before, "an unreadable date records nothing")
        driver.press("Backspace", "Backspace", "Backspace", "Backspace", "Backspace")
        driver.type("24/11/2026")
        driver.press("Enter")
        XCTAssertTrue(driver.screenText.contains("Certificat enregistré, reçu le 24/11/2026"), driver.screenText)
        XCTAssertFalse(screen.itemIDs.contains(first), "the item left the queue")
        XCTAssertEqual(try database.pendingMutations().last?.mutation, "recordCertificate")
    }

    func testMonthClosingIsRefusedWhileAnEntryWaitsThenClosesOnceClear() throws {
        let database = try QueueFixture.closingOnly()
        let driver = try driver(database)
        driver.press("Alt+m")
        let screen = try queues(driver)
        XCTAssertEqual(screen.tab, QueueTab.closing)
        XCTAssertTrue(driver.screenText.contains("✖ Entrées encore à valider : 1"), driver.screenText)
        // No dialog while the checklist is not clear: F7 says at once what is left.
        driver.press("F7")
        XCTAssertEqual(driver.screen.top.keyContext, KeyContext.queue, "no confirmation is asked for")
        XCTAssertTrue(driver.screenText.contains("Clôture refusée : à régler d'abord — Entrées encore à valider : 1"),
                      driver.screenText)
        XCTAssertEqual(try database.payrollMonths(employerCode: "AC-IXL").first?.status, .open)

        try database.applyPulled(QueueFixture.validatedElsewhere(QueueFixture.byClerkAC1))
        driver.run("view.refresh")
        XCTAssertTrue(driver.screenText.contains("✔ Entrées encore à valider"), driver.screenText)
        driver.press("F7")
        assertScreen(driver.buffer, named: "closing-confirm-80x24-fr")
        driver.press("Esc")
        XCTAssertEqual(try database.payrollMonths(employerCode: "AC-IXL").first?.status, .open, "Esc closes nothing")
        driver.press("F7", "Enter")
        XCTAssertTrue(driver.screenText.contains("Mois de paie 11/2026 clôturé pour AC-IXL"), driver.screenText)
        let november = try YearMonth.parse("2026-11")
        XCTAssertEqual(try database.payrollMonths(employerCode: "AC-IXL").first { $0.month == november }?.status, .closed)
        XCTAssertTrue(driver.screenText.contains("12/2026"), "the next month is the current one: \(driver.screenText)")
    }

    func testAClerkSeesTheChecklistButMayNotClose() throws {
        let database = try QueueFixture.closingOnly()
        try database.applyPulled(QueueFixture.validatedElsewhere(QueueFixture.byClerkAC1))
        let driver = try driver(database, userID: "usr-ac-1")
        driver.press("Alt+m", "F7", "Enter")
        XCTAssertTrue(driver.screenText.contains("Clôture refusée : Vous"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("clôturer le mois de paie"), driver.screenText)
        XCTAssertEqual(try database.payrollMonths(employerCode: "AC-IXL").first?.status, .open)
    }

    func testCtrlEExportsThePayrollVariablesOfTheMonth() throws {
        let database = try QueueFixture.closingOnly()
        try database.applyPulled(QueueFixture.validatedElsewhere(QueueFixture.byClerkAC1))
        let driver = try driver(database)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fiche-payroll-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        driver.screen.environment.exportFolder = folder.path
        driver.press("Alt+m", "Ctrl+E")
        let work = try XCTUnwrap(driver.screen.work, "the export runs off the key path")
        XCTAssertTrue(driver.screenText.contains("Export des variables de paie 11/2026 (AC-IXL)…"), driver.screenText)
        driver.press("Esc")
        XCTAssertTrue(work.waitUntilFinished())
        XCTAssertTrue(driver.screen.finishWork())
        XCTAssertNil(driver.screen.work)
        XCTAssertTrue(driver.screen.top is QueuesScreen, "Esc pressed during the export was not taken")
        // November is not closed: the message, the file name and every line say the file is provisional.
        XCTAssertTrue(driver.screenText.contains("PROVISOIRE (mois ouvert) : variables de paie 11/2026 (AC-IXL), 20 dossiers"),
                      driver.screenText)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(files.count, 1)
        XCTAssertTrue(files[0].contains("provisional"), files[0])
        let data = try Data(contentsOf: folder.appendingPathComponent(files[0]))
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "a byte-order mark, so Excel reads the accents")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("dossier_number;name;scheduled_days;worked_days;paid_annual_leave;"), text)
        XCTAssertTrue(text.contains("\r\nAC-000101;Van den Bossche, Éloïse;"), text)
        let lines = text.split(separator: "\r\n").dropFirst()
        XCTAssertEqual(lines.count, 20)
        XCTAssertTrue(lines.allSatisfy { $0.hasSuffix(";provisional") }, text)
    }

    func testEveryTabInFrenchAndDutchAtBothSizes() throws {
        for language in [FicheApp.Language.french, .dutch] {
            for (width, height) in [(80, 24), (120, 40)] {
                let driver = try driver(try QueueFixture.make(), language, width: width, height: height)
                driver.press("Alt+v")
                for tab in QueueTab.allCases {
                    XCTAssertEqual(try queues(driver).tab, tab)
                    assertScreen(driver.buffer, named: "queues-\(tab.rawValue)-\(width)x\(height)-\(language.rawValue)")
                    driver.press("Tab")
                }
            }
        }
    }

    func testTheDialogsInFrenchAndDutchAtBothSizes() throws {
        for language in [FicheApp.Language.french, .dutch] {
            for (width, height) in [(80, 24), (120, 40)] {
                let driver = try driver(try QueueFixture.make(), language, width: width, height: height)
                driver.press("Alt+v", "F8")
                driver.type("Pas de pièce")
                assertScreen(driver.buffer, named: "dialog-reject-\(width)x\(height)-\(language.rawValue)")
                // The close dialog is offered on a clear checklist only.
                let clear = try QueueFixture.closingOnly()
                try clear.applyPulled(QueueFixture.validatedElsewhere(QueueFixture.byClerkAC1))
                let closing = try self.driver(clear, language, width: width, height: height)
                closing.press("Alt+m", "F7")
                assertScreen(closing.buffer, named: "dialog-close-\(width)x\(height)-\(language.rawValue)")
            }
        }
    }
}
