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
        XCTAssertTrue(driver.screenText.contains("[Val. (5)]"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("Mertens, B."), "who entered it shows: \(driver.screenText)")
        XCTAssertTrue(driver.screenText.contains("22 j"), "the oldest entry is 22 days old: \(driver.screenText)")

        try select(QueueFixture.byClerkAC1, driver)
        driver.press("Space")
        try select(QueueFixture.byClerkAC1Too, driver)
        driver.press("Space")
        XCTAssertEqual(screen.marked, [QueueFixture.byClerkAC1, QueueFixture.byClerkAC1Too])
        XCTAssertTrue(driver.screenText.contains("2 entrées marquées"), driver.screenText)
        driver.press("F5")
        XCTAssertTrue(driver.screenText.contains("✔ 2 entrées approuvées"), driver.screenText)
        XCTAssertFalse(screen.itemIDs.contains(QueueFixture.byClerkAC1))
        XCTAssertFalse(screen.itemIDs.contains(QueueFixture.byClerkAC1Too))
        XCTAssertTrue(driver.screenText.contains("[Val. (3)]"), driver.screenText)
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
        XCTAssertTrue(driver.screenText.contains("[Val. (4)]"), driver.screenText)
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

    /// A queue of hundreds of entries pages to its last one: the tab and the summary give the
    /// total and the selected entry's place, End reaches the newest, Home the oldest.
    func testTheValidationQueuePagesThroughEveryEntry() throws {
        let database = try QueueFixture.make()
        let before = try database.submittedCount()
        try database.applyPulled(QueueFixture.manySubmitted(520))
        let driver = try driver(database, width: 120, height: 40)
        driver.press("Alt+v")
        let total = before + 520
        let screen = try queues(driver)
        XCTAssertEqual(screen.count(.validation), total)
        XCTAssertEqual(screen.selectedID, "rec-many-0", "the oldest entry comes first")
        XCTAssertTrue(driver.screenText.contains("À valider (\(total))"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("1 / \(total) · au 24/11/2026"), driver.screenText)
        driver.press("Down", "Down")
        XCTAssertTrue(driver.screenText.contains("3 / \(total)"), driver.screenText)
        driver.press("End")
        XCTAssertEqual(screen.selectedID, QueueFixture.cpasEntry, "the newest entry is the last")
        XCTAssertTrue(driver.screenText.contains("\(total) / \(total)"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("El Amrani, Mohamed"), driver.screenText)
        driver.press("PgUp", "Up")
        XCTAssertEqual(screen.position, total - screen.itemIDs.count - 1, "a screen up, then one more")
        XCTAssertTrue(driver.screenText.contains("\(screen.position) / \(total)"), driver.screenText)
        driver.press("Home")
        XCTAssertEqual(screen.selectedID, "rec-many-0")
        for _ in 0..<30 { driver.press("PgDn") }
        XCTAssertEqual(screen.selectedID, QueueFixture.cpasEntry, "paging down reaches the end")
        XCTAssertTrue(driver.screenText.contains("\(total) / \(total)"), driver.screenText)
    }

    /// F4 cycles the validation queue's order: age (the oldest first), date (the latest first),
    /// dossier number; the column title's ▲ ▼ says which, and each order pages to its end.
    func testF4SortsTheValidationQueueByAgeDateOrDossier() throws {
        let database = try QueueFixture.make()
        try database.applyPulled(QueueFixture.manySubmitted(3))
        let driver = try driver(database)
        driver.press("Alt+v")
        let screen = try queues(driver)
        let oldest = ["rec-many-0", "rec-many-1", "rec-many-2", QueueFixture.byClerkAC1, QueueFixture.byClerkAC1Too,
                      QueueFixture.ownEntry, QueueFixture.toReject, QueueFixture.cpasEntry]
        XCTAssertEqual(screen.itemIDs, oldest)
        XCTAssertTrue(driver.screenText.contains("Âge ▼"), driver.screenText)
        driver.press("F4")
        XCTAssertEqual(screen.itemIDs, oldest.reversed())
        XCTAssertTrue(driver.screenText.contains("Tri : date, les plus récentes d'abord"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("Du ▼"), driver.screenText)
        driver.press("F4")
        XCTAssertEqual(screen.itemIDs, [QueueFixture.byClerkAC1, "rec-many-0", "rec-many-1", "rec-many-2",
                                        QueueFixture.byClerkAC1Too, QueueFixture.ownEntry, QueueFixture.toReject,
                                        QueueFixture.cpasEntry], "AC-000101, AC-000102 ×3, AC-000105…")
        XCTAssertTrue(driver.screenText.contains("Dossier ▲"), driver.screenText)
        driver.press("End")
        XCTAssertTrue(driver.screenText.contains("8 / 8"), driver.screenText)
        driver.press("F4")
        XCTAssertEqual(screen.itemIDs, oldest, "back to the first order, from the top")
    }

    /// `/` narrows the queue to the entries holding every typed word, whatever the accents and
    /// case: a name, a dossier number, a type, who entered it. Ctrl+U clears the text, Esc the filter.
    func testSlashFiltersTheQueueByNameNumberTypeOrAuthor() throws {
        let driver = try driver(try QueueFixture.make())
        driver.press("Alt+v", "/")
        let screen = try queues(driver)
        driver.type("ELOISE")
        XCTAssertEqual(screen.itemIDs, [QueueFixture.byClerkAC1])
        XCTAssertTrue(driver.screenText.contains("Filtre : ELOISE▏ · 1 / 1"), driver.screenText)
        assertScreen(driver.buffer, named: "queues-filter-80x24-fr")
        driver.press("Ctrl+U")
        XCTAssertEqual(screen.itemIDs.count, 5, "an empty filter lists everything")
        driver.type("ac-000108")
        XCTAssertEqual(screen.itemIDs, [QueueFixture.ownEntry])
        driver.press("Ctrl+U")
        driver.type("conge")
        XCTAssertEqual(Set(screen.itemIDs), [QueueFixture.byClerkAC1, QueueFixture.byClerkAC1Too, QueueFixture.toReject,
                                             QueueFixture.cpasEntry], "the annual leaves, by their label")
        driver.press("Ctrl+U")
        driver.type("van damme")
        XCTAssertEqual(screen.itemIDs, [QueueFixture.toReject], "entered by Van Damme, É.")
        driver.type("x")
        XCTAssertEqual(screen.itemIDs, [])
        XCTAssertTrue(driver.screenText.contains("Rien ne correspond à « van dammex » dans cette file."), driver.screenText)
        driver.press("Esc")
        XCTAssertNil(screen.filters[.validation])
        XCTAssertEqual(screen.itemIDs.count, 5)
        XCTAssertTrue(driver.screen.top is QueuesScreen, "the first Esc clears the filter only")
        driver.press("Esc")
        XCTAssertFalse(driver.screen.top is QueuesScreen)
    }

    /// Ctrl+A marks every entry the filter shows; the reject dialog lists them all, and a second
    /// Ctrl+A on the whole queue unmarks everything.
    func testMarkAllMarksWhatTheFilterShowsAndTheDialogNamesThem() throws {
        let database = try QueueFixture.make()
        let driver = try driver(database)
        driver.press("Alt+v", "/")
        let screen = try queues(driver)
        driver.type("conge")
        driver.press("Ctrl+A")
        XCTAssertTrue(driver.screenText.contains("4 entrées marquées"), driver.screenText)
        XCTAssertEqual(screen.marked, [QueueFixture.byClerkAC1, QueueFixture.byClerkAC1Too, QueueFixture.toReject,
                                       QueueFixture.cpasEntry])
        driver.press("Ctrl+U")
        driver.type("dubois")
        XCTAssertEqual(screen.itemIDs, [QueueFixture.ownEntry])
        driver.press("F8")
        let text = driver.screenText
        XCTAssertTrue(text.contains("Rejeter 4 entrées"), "the marked entries, not the one on screen: \(text)")
        XCTAssertTrue(text.contains("• AC-000101 Van den Bossche"), text)
        XCTAssertFalse(text.contains("• AC-000108"), text)
        driver.press("Esc", "Esc")
        XCTAssertEqual(screen.marked.count, 4, "clearing the filter keeps the marks")
        driver.press("Ctrl+A")
        XCTAssertEqual(screen.marked.count, 5)
        driver.press("Ctrl+A")
        XCTAssertEqual(screen.marked, [])
        XCTAssertEqual(try database.submittedCount(), 5, "marking writes nothing")
    }

    /// Marked entries off screen are approved with those on it.
    func testAMarkAllOfAPagedQueueApprovesEveryEntryButTheSupervisorsOwn() throws {
        let database = try QueueFixture.make()
        try database.applyPulled(QueueFixture.manySubmitted(60))
        let driver = try driver(database)
        driver.press("Alt+v", "Ctrl+A", "F5")
        let screen = try queues(driver)
        XCTAssertTrue(driver.screenText.contains("64 entrées approuvées"), driver.screenText)
        XCTAssertEqual(screen.itemIDs, [QueueFixture.ownEntry])
        XCTAssertEqual(try database.submittedCount(), 1)
    }

    /// The drafts tab lists the supervisor's own drafts and their clerks'; F2 sends one for
    /// validation, Delete withdraws one after naming it, and someone else's draft is refused with
    /// the rule's reason and stays.
    func testTheDraftsTabSubmitsAndDeletesOwnDraftsButNotAClerks() throws {
        let database = try QueueFixture.make()
        try database.applyPulled(QueueFixture.drafts())
        let driver = try driver(database)
        driver.press("Alt+v", "Shift+Tab", "Shift+Tab")
        let screen = try queues(driver)
        XCTAssertEqual(screen.tab, QueueTab.drafts)
        XCTAssertEqual(screen.itemIDs, [QueueFixture.clerkDraft, QueueFixture.ownDraft, QueueFixture.ownDraftToo])
        XCTAssertTrue(driver.screenText.contains("[Brl. (3)]"), driver.screenText)
        assertScreen(driver.buffer, named: "queues-drafts-listed-80x24-fr")

        try select(QueueFixture.clerkDraft, driver)
        driver.press("Delete")
        XCTAssertTrue(driver.screenText.contains("Supprimer 1 brouillon ?"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("• AC-000104 D'Hondt, Griet"), "the dialog names it: \(driver.screenText)")
        driver.press("Enter")
        XCTAssertTrue(driver.screenText.contains("Aucun brouillon supprimé"), driver.screenText)
        XCTAssertTrue(screen.refusals.first?.hasPrefix("AC-000104 D'Hondt, Griet") ?? false, "\(screen.refusals)")
        XCTAssertTrue(screen.itemIDs.contains(QueueFixture.clerkDraft), "someone else's draft stays")

        try select(QueueFixture.ownDraft, driver)
        driver.press("F2")
        XCTAssertTrue(driver.screenText.contains("1 brouillon envoyé pour validation"), driver.screenText)
        XCTAssertFalse(screen.itemIDs.contains(QueueFixture.ownDraft))
        XCTAssertEqual(try record(QueueFixture.ownDraft, of: "dos-3", in: database)?.status, .submitted)
        XCTAssertEqual(try database.submittedCount(), 6, "it waits for validation")

        try select(QueueFixture.ownDraftToo, driver)
        driver.press("Space", "Delete", "Esc")
        XCTAssertNotNil(try record(QueueFixture.ownDraftToo, of: "dos-4", in: database), "Esc deletes nothing")
        driver.press("Delete", "Enter")
        XCTAssertTrue(driver.screenText.contains("1 brouillon supprimé"), driver.screenText)
        XCTAssertNil(try record(QueueFixture.ownDraftToo, of: "dos-4", in: database))
        XCTAssertEqual(screen.itemIDs, [QueueFixture.clerkDraft])
    }

    /// The drafts tab is read from the replica a page at a time, like the validation queue: its
    /// count shows on its tab from the start, `/` narrows it, F4 sorts it, Ctrl+A marks what the
    /// filter shows, and the marks outlive a new read while the drafts stay drafts.
    func testTheDraftsTabFiltersSortsAndMarksLikeTheValidationQueue() throws {
        let database = try QueueFixture.make()
        try database.applyPulled(QueueFixture.drafts())
        let driver = try driver(database)
        driver.press("Alt+v")
        XCTAssertTrue(driver.screenText.contains("Brl. (3)"), "counted before the tab is shown: \(driver.screenText)")
        driver.press("Shift+Tab", "Shift+Tab")
        let screen = try queues(driver)
        XCTAssertTrue(driver.screenText.contains("1 / 3"), driver.screenText)
        driver.press("F4")
        XCTAssertEqual(screen.itemIDs, [QueueFixture.ownDraftToo, QueueFixture.ownDraft, QueueFixture.clerkDraft],
                       "the latest first")
        driver.press("F4", "F4", "/")
        driver.type("griet")
        XCTAssertEqual(screen.itemIDs, [QueueFixture.clerkDraft, QueueFixture.ownDraftToo], "D'Hondt, Griet's two drafts")
        XCTAssertTrue(driver.screenText.contains("Filtre : griet▏ · 1 / 2"), driver.screenText)
        driver.press("Ctrl+A")
        XCTAssertEqual(screen.marked, [QueueFixture.clerkDraft, QueueFixture.ownDraftToo])
        driver.press("Esc", "F5")
        XCTAssertEqual(screen.itemIDs.count, 3)
        XCTAssertEqual(screen.marked, [QueueFixture.clerkDraft, QueueFixture.ownDraftToo], "still drafts: still marked")
    }

    /// A new IBAN waits for a second person: the IBAN tab lists it, masked, with who asked for it,
    /// for the supervisor who chases it and the clerk who may confirm it; Enter opens the
    /// dossier's identity tab, where it is confirmed.
    func testTheIBANTabListsEveryChangeWaitingForASecondPerson() throws {
        let database = try QueueFixture.make()
        let mertens = ListFixture.clerks[0].user
        try database.updateDossierField("dos-1", .iban, to: "BE68 5390 0754 7034", by: mertens)
        let driver = try driver(database)
        driver.press("Alt+v")
        XCTAssertTrue(driver.screenText.contains("IBAN (1)"), driver.screenText)
        driver.press("Tab", "Tab", "Tab", "Tab")
        let screen = try queues(driver)
        XCTAssertEqual(screen.tab, QueueTab.iban)
        XCTAssertEqual(screen.itemIDs, ["dos-1"])
        let line = driver.screenText.split(separator: "\n").first { $0.contains("AC-000101") }.map(String.init) ?? ""
        XCTAssertTrue(line.contains("7034") && line.contains("Mertens, B."), driver.screenText)
        XCTAssertFalse(driver.screenText.contains("5390 0754"), "the account asked for stays masked")
        assertScreen(driver.buffer, named: "queues-iban-waiting-80x24-fr")
        driver.press("Enter")
        XCTAssertTrue(driver.screenText.contains("IBAN demandé"), "the identity tab: \(driver.screenText)")

        let colleague = try self.driver(database, userID: "usr-ac-2")
        colleague.press("Alt+v", "Tab", "Tab", "Tab", "Tab")
        XCTAssertEqual(try queues(colleague).itemIDs, ["dos-1"], "the clerk who may confirm it")
        let cpas = try self.driver(database, userID: "usr-cp-1")
        cpas.press("Alt+v", "Tab", "Tab", "Tab", "Tab")
        XCTAssertEqual(try queues(cpas).itemIDs, [], "not a CPAS clerk's")
    }

    /// With counts in thousands the seven tabs no longer fit 80 columns: the tab shown stays
    /// whole, a ‹ saying some tabs are left of it.
    func testTheTabShownStaysOnScreenWhenTheCountsAreLong() throws {
        let database = try QueueFixture.make()
        try database.applyPulled(QueueFixture.manySubmitted(1_200))
        let driver = try driver(database)
        driver.press("Alt+v")
        let tabs = { driver.screenText.split(separator: "\n").dropFirst().first.map(String.init) ?? "" }
        XCTAssertTrue(tabs().contains("[Val. (1205)]"), driver.screenText)
        XCTAssertFalse(tabs().contains("‹"), driver.screenText)
        driver.press("Shift+Tab")
        XCTAssertTrue(tabs().contains("‹") && tabs().contains("[Clôt. ("), driver.screenText)
    }

    /// A checklist that is not clear says Enter shows what is left: the entries of that employer's
    /// month still to validate, narrowed on the validation tab; Esc goes back to the checklist.
    func testEnterOnTheChecklistOpensWhatIsLeftOfThatEmployersMonth() throws {
        let database = try QueueFixture.make()
        let driver = try driver(database)
        driver.press("Alt+v", "Shift+Tab")
        let screen = try queues(driver)
        XCTAssertTrue(driver.screenText.contains("points à régler (Enter les affiche)"), driver.screenText)
        let closing = try XCTUnwrap(screen.selectedChecklist)
        XCTAssertEqual(closing.employerCode, "AC-IXL")
        driver.press("Enter")
        XCTAssertEqual(screen.tab, QueueTab.validation)
        XCTAssertEqual(screen.scopes[.validation], QueueScope(employerCode: "AC-IXL", month: closing.month))
        XCTAssertEqual(screen.itemIDs.count, closing.submittedRecords, "what the checklist counted")
        XCTAssertFalse(screen.itemIDs.contains(QueueFixture.cpasEntry), "not the CPAS's")
        XCTAssertTrue(driver.screenText.contains("AC-IXL · 11/2026 · 1 / \(closing.submittedRecords)"), driver.screenText)
        driver.press("Esc")
        XCTAssertEqual(screen.tab, QueueTab.closing)
        XCTAssertNil(screen.scopes[.validation])
        driver.press("Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab")
        XCTAssertEqual(screen.tab, QueueTab.validation)
        XCTAssertTrue(screen.itemIDs.contains(QueueFixture.cpasEntry), "the whole queue again")
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

    /// A new folder the screen's exports go to.
    private func exportFolder(for driver: ScreenDriver<App>) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fiche-payroll-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        driver.screen.environment.exportFolder = folder.path
        return folder
    }

    func testCtrlEExportsThePayrollVariablesOfTheMonth() throws {
        let database = try QueueFixture.closingOnly()
        try database.applyPulled(QueueFixture.validatedElsewhere(QueueFixture.byClerkAC1))
        let driver = try driver(database)
        let folder = try exportFolder(for: driver)
        defer { try? FileManager.default.removeItem(at: folder) }
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
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(files.count, 2, "the variables, and the supplier's codes beside them: \(files)")
        XCTAssertTrue(files.allSatisfy { $0.contains("provisional") }, "\(files)")
        let main = try XCTUnwrap(files.first { !$0.hasSuffix("-codes.csv") })
        XCTAssertTrue(driver.flowingText.contains("codes du fournisseur de paie :"), driver.screenText)
        let data = try Data(contentsOf: folder.appendingPathComponent(main))
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "a byte-order mark, so Excel reads the accents")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("dossier_number;name;scheduled_days;worked_days;paid_annual_leave;"), text)
        XCTAssertTrue(text.contains("\r\nAC-000101;Van den Bossche, Éloïse;"), text)
        let lines = text.split(separator: "\r\n").dropFirst()
        XCTAssertEqual(lines.count, 20)
        XCTAssertTrue(lines.allSatisfy { $0.hasSuffix(";provisional;;") }, "provisional, and no career period in this fixture: \(text)")
    }

    func testCtrlEAlsoWritesTheCorrectionsBookedInTheMonthBesideThePayrollFile() throws {
        let database = try QueueFixture.closingOnly()
        try database.applyPulled(QueueFixture.correctionsBookedInNovember())
        let driver = try driver(database)
        let folder = try exportFolder(for: driver)
        defer { try? FileManager.default.removeItem(at: folder) }
        driver.press("Alt+m", "Ctrl+E")
        XCTAssertTrue(try XCTUnwrap(driver.screen.work).waitUntilFinished())
        XCTAssertTrue(driver.screen.finishWork())
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(files.count, 3, "\(files)")
        let corrections = try XCTUnwrap(files.first { $0.hasSuffix("-corrections.csv") })
        XCTAssertTrue(driver.flowingText.contains("2 corrections du mois dans"), driver.screenText)
        let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(corrections)).dropFirst(3), as: UTF8.self)
        XCTAssertEqual(text.split(separator: "\r\n").count, 3, text)
        XCTAssertTrue(text.contains(";c-1;o-1;correction;annual_leave;2026-10-12;2026-10-16;full;"), text)
    }

    func testTheArt60WatchMarksAContractPlannedToEndBeforeItsTarget() throws {
        let database = try QueueFixture.make()
        // Aminata started on 1 June 2026: planned now to end on 18 December, months before her
        // 312 days. Karim ends on 15 December after reaching his: no mark.
        var batch = MirrorBatch()
        batch.art60Contracts = [MirrorRow(Art60Contract(id: "a60-aminata", employerCode: "CPAS-IXL", dossierID: "dos-30",
                                                        start: QueueFixture.date("2026-06-01"),
                                                        plannedEnd: QueueFixture.date("2026-12-18")),
                                          employerCode: "CPAS-IXL", version: 2)]
        try database.applyPulled(batch)
        let driver = try driver(database, width: 120, height: 40)
        driver.press("Alt+v", "Tab")
        XCTAssertEqual(try queues(driver).tab, .art60)
        let lines = driver.screenText.split(separator: "\n")
        let aminata = try XCTUnwrap(lines.first { $0.contains("18/12/2026") }, driver.screenText)
        XCTAssertTrue(aminata.contains("⚠ fin avant l'objectif · fin le 18/12/2026"), driver.screenText)
        let karim = try XCTUnwrap(lines.first { $0.contains("Aït Ouali, Karim") }, driver.screenText)
        XCTAssertFalse(karim.contains("avant l'objectif"), driver.screenText)
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
