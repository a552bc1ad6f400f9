import FicheApp
import FicheDomain
import FicheReplica
import FicheTerminal
import FicheTestSupport
import Foundation
import XCTest

/// The dossier screen and its entry forms as clerks, time managers and art. 60 officers use them.
final class DossierScreenTests: XCTestCase {
    private func driver(_ language: FicheApp.Language = .french, userID: String = "usr-demo", width: Int = 80, height: Int = 24,
                        database: AppDatabase? = nil) throws -> ScreenDriver<App> {
        let app = try App(database: try database ?? DossierFixture.make(), strings: Strings(language: language), userName: "demo",
                          size: Size(width: width, height: height), userID: userID, today: DossierFixture.today)
        return ScreenDriver(app)
    }

    /// Opens a dossier the way a user does: search by name, pick the row, Enter.
    private func open(_ name: String, search: String, in driver: ScreenDriver<App>, file: StaticString = #filePath,
                      line: UInt = #line) throws {
        driver.type(search)
        let rows = driver.screen.list.rows.map(\.displayName)
        let index = try XCTUnwrap(rows.firstIndex(of: name), "\(name) not found in \(rows)", file: file, line: line)
        for _ in 0..<index { driver.press("Down") }
        driver.press("Enter")
        XCTAssertTrue(driver.screen.top is DossierScreen, driver.screenText, file: file, line: line)
    }

    private var dossier: (ScreenDriver<App>) -> DossierScreen? { { $0.screen.top as? DossierScreen } }

    private func line(containing text: String, in driver: ScreenDriver<App>) -> String {
        driver.screenText.split(separator: "\n").first { $0.contains(text) }.map(String.init) ?? ""
    }

    // MARK: The clerk

    func testTheClerkFindsÉloïseAndReadsHerYearTotals() throws {
        let driver = try driver(userID: "usr-ac-1")
        try open("Van den Bossche, Éloïse", search: "vandenb", in: driver)
        let environment = driver.screen.environment
        XCTAssertEqual(dossier(driver)?.breadcrumb(environment), ["Dossiers", "Van den Bossche, É.", "Identité"])
        driver.press("Tab", "Tab")
        XCTAssertEqual(dossier(driver)?.tab, .timeRecords)
        XCTAssertEqual(dossier(driver)?.breadcrumb(environment), ["Dossiers", "Van den Bossche, É.", "Prestations"])
        XCTAssertTrue(driver.screenText.contains("[Prestations]"), "the tab bar shows the current tab")
        XCTAssertTrue(driver.screenText.contains("Totaux 2026"), driver.screenText)
        let leave = line(containing: "Congé annuel", in: driver)
        XCTAssertTrue(leave.contains("5,5 j"), "a week and a Friday morning: \(leave)")
        XCTAssertTrue(line(containing: "Maladie", in: driver).contains("2 j"), driver.screenText)
        XCTAssertTrue(line(containing: "Formation", in: driver).contains("3:00 h"), driver.screenText)
        XCTAssertFalse(driver.screenText.contains("Grève"), "a rejected strike day counts for nothing")
        XCTAssertTrue(driver.screenText.contains("Mars 2026"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains(" 2 CA  3 CA  4 CA  5 CA  6 CA  7 ··  8 ··"), "the calendar codes each day of leave")
        XCTAssertTrue(driver.screenText.contains("12 fo"), "hours of training: lower case, part of a day")
        XCTAssertTrue(line(containing: "12/03", in: driver).contains("…"), "the training entered here waits to be sent")
        // The records: ✖ rejected, ✔ validated, … pending, the others in words.
        XCTAssertTrue(line(containing: "15/01", in: driver).contains("✖"), driver.screenText)
        XCTAssertTrue(line(containing: "02/03–06/03", in: driver).contains("✔"), driver.screenText)
        XCTAssertTrue(line(containing: "20/03", in: driver).contains("soumise"), driver.screenText)
        // PgUp goes to 2025, when she had nothing.
        driver.press("PgUp")
        XCTAssertEqual(dossier(driver)?.year, 2025)
        XCTAssertTrue(driver.screenText.contains("Aucune absence cette année."), driver.screenText)
        driver.press("PgDn")
        XCTAssertEqual(dossier(driver)?.year, 2026)
        // Esc goes back to the list, still searching and on her row.
        driver.press("Esc")
        XCTAssertTrue(driver.screen.top is DossierListScreen)
        XCTAssertEqual(driver.screen.list.selectedRow?.displayName, "Van den Bossche, Éloïse")
        XCTAssertEqual(driver.screen.dossierList?.searchText, "vandenb")
    }

    /// Quitting with changes not yet sent says they are kept and asks for the key again;
    /// Ctrl+C still leaves at once.
    func testQuittingWithUnsentChangesSaysTheyAreKeptAndAsksAgain() throws {
        let driver = try driver(userID: "usr-ac-1", width: 120, height: 40)
        let unsent = try driver.screen.environment.database.syncCounts().pending
        XCTAssertGreaterThan(unsent, 1, "the fixture has entries waiting to be sent")
        driver.press("F10")
        XCTAssertFalse(driver.screen.quitRequested)
        XCTAssertTrue(driver.screenText.contains("\(unsent) modifications ne sont pas encore envoyées"), driver.screenText)
        driver.press("Down")
        driver.press("F10")
        XCTAssertFalse(driver.screen.quitRequested, "another key in between asks again")
        driver.press("F10")
        XCTAssertTrue(driver.screen.quitRequested, "the second F10 in a row quits")
        let other = try self.driver(userID: "usr-ac-1")
        other.press("Ctrl+C")
        XCTAssertTrue(other.screen.quitRequested, "Ctrl+C leaves at once")
    }

    /// Whoever entered a rejected entry reads why on the entry itself.
    func testARejectedEntryShowsItsReason() throws {
        let driver = try driver(userID: "usr-ac-1", width: 120, height: 40)
        try open("Van den Bossche, Éloïse", search: "vandenb", in: driver)
        driver.press("Tab", "Tab")
        XCTAssertTrue(line(containing: "15/01/2026", in: driver).contains("refusée : Pas de préavis"), driver.screenText)
    }

    func testTheYearsRecordsScrollWhenTheyDoNotFitAt80x24() throws {
        let database = try DossierFixture.make()
        // Twelve more single days of leave in April (Easter Monday left out): more records than the list has lines.
        for day in [1, 2, 3, 7, 8, 9, 10, 13, 14, 15, 16, 17] {
            let date = try LocalDate.parse(String(format: "2026-04-%02d", day))
            try database.recordAbsence(.absence(id: "extra-\(day)", employerCode: "AC-IXL", dossierID: DossierFixture.eloise,
                                                type: "annual_leave", from: date, to: date, enteredBy: DossierFixture.timeManager.id),
                                       by: DossierFixture.timeManager, rules: try RuleBook.bundled())
        }
        let driver = try driver(userID: "usr-ac-1", database: database)
        try open("Van den Bossche, Éloïse", search: "vandenb", in: driver)
        driver.press("Tab", "Tab")
        XCTAssertTrue(driver.screenText.contains("⇣"), "more records below: \(driver.screenText)")
        XCTAssertFalse(driver.screenText.contains("⇡"), "the newest first, nothing above")
        XCTAssertTrue(line(containing: "17/04", in: driver).contains("CA"), driver.screenText)
        XCTAssertFalse(driver.screenText.contains("15/01"), "January's rejected day is out of view at first")

        driver.press("End")
        XCTAssertTrue(line(containing: "15/01", in: driver).contains("✖"), "End shows the oldest record: \(driver.screenText)")
        XCTAssertTrue(driver.screenText.contains("⇡"))
        XCTAssertFalse(driver.screenText.contains("⇣"))
        XCTAssertFalse(driver.screenText.contains("17/04"))
        // Up selects the entry above; the list moves once the selection leaves the window.
        let bottom = dossier(driver)?.top ?? 0
        for _ in 0..<24 where dossier(driver)?.top == bottom { driver.press("Up") }
        XCTAssertEqual(dossier(driver)?.top, bottom - 1)
        XCTAssertTrue(driver.screenText.contains("⇣"), "one line back up, the oldest is below again")
        driver.press("Home")
        XCTAssertTrue(driver.screenText.contains("17/04"))
        // Another tab starts at its top; PgUp still changes the year here.
        driver.press("Down", "Down", "PgUp")
        XCTAssertEqual(dossier(driver)?.year, 2025)
        XCTAssertEqual(dossier(driver)?.top, 0)
    }

    func testShiftTabAndLeftWalkTheTabsBackwards() throws {
        let driver = try driver()
        try open("Van den Bossche, Éloïse", search: "eloise", in: driver)
        driver.press("Shift+Tab")
        XCTAssertEqual(dossier(driver)?.tab, .history)
        driver.press("Left")
        XCTAssertEqual(dossier(driver)?.tab, .notes)
        driver.press("Left")
        XCTAssertEqual(dossier(driver)?.tab, .art60)
        XCTAssertTrue(driver.screenText.contains("Pas de contrat article 60 dans ce dossier."), driver.screenText)
        driver.press("Right", "Right", "Right")
        XCTAssertEqual(dossier(driver)?.tab, .identity)
    }

    // MARK: The time manager

    func testATimeManagerEntersThreeAbsencesAndTheOverlappingOneIsRefusedWithNothingLost() throws {
        let driver = try driver(userID: DossierFixture.timeManager.id)
        try open("Lefèvre, François", search: "lefevre franc", in: driver)
        // 1. Annual leave, Monday to Wednesday.
        driver.press("F7")
        XCTAssertTrue(driver.screen.top is AbsenceFormScreen, driver.screenText)
        driver.press("Tab")
        driver.type("23032026")
        driver.press("Tab")
        driver.type("25032026")
        driver.press("F2")
        XCTAssertTrue(driver.screen.top is DossierScreen, driver.screenText)
        XCTAssertTrue(driver.screenText.contains("✔ Congé annuel du 23/03/2026 au 25/03/2026 enregistré"), driver.screenText)
        // 2. Sickness with its certificate.
        driver.press("F7")
        driver.type("M")
        driver.press("Tab")
        driver.type("30032026")
        driver.press("Tab")
        driver.type("31032026")
        driver.press("Tab", "Tab", "Tab", "Tab", "Space")
        XCTAssertEqual((driver.screen.top as? AbsenceFormScreen)?.form.fields[6].isChecked, true)
        driver.press("Ctrl+S")
        XCTAssertTrue(driver.screenText.contains("Maladie du 30/03/2026 au 31/03/2026 enregistré"), driver.screenText)
        // 3. Overlaps the first on 25/03.
        driver.press("F7")
        driver.press("Tab")
        driver.type("25032026")
        driver.press("Tab")
        driver.type("27032026")
        driver.press("F2")
        let form = try XCTUnwrap(driver.screen.top as? AbsenceFormScreen, "the refused form stays open")
        XCTAssertTrue(driver.screenText.contains("Cette absence chevauche une autre absence le 25/03/2026."), driver.screenText)
        XCTAssertEqual(form.form.fields.map(\.text).prefix(3), ["Congé annuel", "25/03/2026", "27/03/2026"])
        XCTAssertEqual(form.form.focus, 1, "the focus is on the field the rule is about")
        assertScreen(driver.buffer, named: "absence-form-refused-80x24-fr")
        // What was typed is not dropped on one key: the first Esc says so, the second leaves.
        driver.press("Esc")
        XCTAssertTrue(driver.screen.top is AbsenceFormScreen, "one Esc keeps the typed entry")
        XCTAssertTrue(driver.screenText.contains("Rien n'est enregistré : Esc encore pour abandonner, F2 pour enregistrer."), driver.screenText)
        driver.press("Esc")
        XCTAssertTrue(driver.screen.top is DossierScreen, driver.screenText)
        driver.press("Tab", "Tab")
        let records = try XCTUnwrap(dossier(driver)?.card)
        XCTAssertEqual(records.timeRecords.count, 2)
        XCTAssertEqual(records.pendingRecordIDs.count, 2)
        XCTAssertTrue(line(containing: "23/03–25/03", in: driver).contains("…"), driver.screenText)
        XCTAssertTrue(line(containing: "30/03–31/03", in: driver).contains("…"), driver.screenText)
        XCTAssertTrue(line(containing: "Congé annuel", in: driver).contains("3 j"), driver.screenText)
        driver.press("Esc")
        XCTAssertTrue(line(containing: "Lefèvre, François", in: driver).contains("…"), "the list marks the dossier pending")
    }

    func testATimeManagerCorrectsTheirEntryFromTheListThenDeletesIt() throws {
        let driver = try driver(userID: DossierFixture.timeManager.id)
        try open("Lefèvre, François", search: "lefevre franc", in: driver)
        for (from, to) in [("23032026", "25032026"), ("30032026", "31032026")] {
            driver.press("F7", "Tab")
            driver.type(from)
            driver.press("Tab")
            driver.type(to)
            driver.press("F2")
        }
        driver.press("Tab", "Tab")
        XCTAssertEqual(dossier(driver)?.tab, .timeRecords)
        // The newest entry is selected; Down selects the leave of 23/03, Enter opens it filled in.
        driver.press("Down", "Enter")
        let form = try XCTUnwrap(driver.screen.top as? AbsenceFormScreen, driver.screenText)
        XCTAssertEqual(form.form.fields.map(\.text).prefix(3), ["Congé annuel", "23/03/2026", "25/03/2026"])
        XCTAssertTrue(driver.screenText.contains("Corriger l'absence"), driver.screenText)
        assertScreen(driver.buffer, named: "absence-form-correcting-80x24-fr")
        driver.press("Tab")
        for _ in 0..<10 { driver.press("Backspace") }
        driver.type("26032026")
        driver.press("F2")
        XCTAssertTrue(driver.screen.top is DossierScreen, driver.screenText)
        XCTAssertTrue(driver.screenText.contains("Absence corrigée : Congé annuel du 23/03/2026 au 26/03/2026"), driver.screenText)
        XCTAssertTrue(line(containing: "23/03–26/03", in: driver).contains("…"), "corrected, waiting to be sent: \(driver.screenText)")
        XCTAssertEqual(dossier(driver)?.card?.timeRecords.count, 2, "corrected in place, not added")

        // F8 names the entry and asks; a second F8 deletes it.
        driver.press("F8")
        XCTAssertTrue(driver.screenText.contains("Supprimer « Congé annuel 23/03/2026–26/03/2026 » ?"), driver.screenText)
        XCTAssertEqual(dossier(driver)?.card?.timeRecords.count, 2, "nothing deleted on the first key")
        driver.press("F8")
        XCTAssertTrue(driver.screenText.contains("Prestation supprimée : Congé annuel 23/03/2026–26/03/2026"), driver.screenText)
        XCTAssertEqual(dossier(driver)?.card?.timeRecords.map(\.start), [try LocalDate.parse("2026-03-30")])
        // Another key between the two F8 keeps the entry.
        driver.press("F8", "Up", "F8")
        XCTAssertEqual(dossier(driver)?.card?.timeRecords.count, 1, driver.screenText)
    }

    func testAValidatedEntryIsCorrectedForValidationAndSomeoneElsesDraftIsNotOpened() throws {
        let driver = try driver(userID: DossierFixture.timeManager.id, width: 120, height: 40)
        try open("Van den Bossche, Éloïse", search: "vandenb", in: driver)
        driver.press("Tab", "Tab")
        // The newest entry, a morning of leave the clerk entered: not the time manager's to change.
        driver.press("Enter")
        XCTAssertTrue(driver.screen.top is DossierScreen, driver.screenText)
        XCTAssertTrue(driver.screenText.contains("Seule la personne qui a encodé cette prestation"), driver.screenText)
        // The leave of 02–06/03, validated: Enter opens a correction of it.
        driver.press("Down", "Down", "Enter")
        let form = try XCTUnwrap(driver.screen.top as? AbsenceFormScreen, driver.screenText)
        XCTAssertTrue(driver.screenText.contains("Corriger une absence validée"), driver.screenText)
        XCTAssertEqual(form.form.fields.map(\.text).prefix(3), ["Congé annuel", "02/03/2026", "06/03/2026"])
        driver.press("Tab")
        for _ in 0..<10 { driver.press("Backspace") }
        driver.type("05032026")
        // A correction says why: without its reason the form stays, on that field.
        XCTAssertTrue(driver.screenText.contains("Motif de la correction"), driver.screenText)
        driver.press("F2")
        XCTAssertTrue(driver.screen.top is AbsenceFormScreen, driver.screenText)
        XCTAssertEqual(form.form.focus, form.form.fields.count - 1, "the focus is on the missing reason")
        driver.type("Retour anticipé le 06/03")
        driver.press("F2")
        XCTAssertTrue(driver.screen.top is DossierScreen, driver.screenText)
        XCTAssertTrue(driver.screenText.contains("Correction envoyée pour validation : Congé annuel du 02/03/2026 au 05/03/2026"),
                      driver.screenText)
        let records = try XCTUnwrap(dossier(driver)?.card).timeRecords
        XCTAssertEqual(records.first { $0.id == "tr-3" }?.status, .validated, "the validated leave counts until then")
        let correction = try XCTUnwrap(records.first { $0.replacesID == "tr-3" })
        XCTAssertEqual(correction.status, .submitted)
        XCTAssertEqual(correction.correctionReason, "Retour anticipé le 06/03", "the reason goes with the correction")
        // The supervisor who validates it reads the reason on the queue.
        let supervisor = try self.driver(userID: "usr-demo", width: 120, height: 40, database: driver.screen.environment.database)
        supervisor.press("Alt+v")
        let queues = try XCTUnwrap(supervisor.screen.top as? QueuesScreen)
        for _ in 0..<50 where queues.selectedID != correction.id { supervisor.press("Down") }
        XCTAssertEqual(queues.selectedID, correction.id, supervisor.screenText)
        XCTAssertTrue(supervisor.screenText.contains("correction, motif : Retour anticipé le 06/03"), supervisor.screenText)
        XCTAssertTrue(driver.screenText.contains("correction soumise"), driver.screenText)
        // One correction at a time: cancelling the same leave now is refused, with the reason.
        driver.press("F8")
        XCTAssertTrue(driver.screenText.contains("Annuler « Congé annuel 02/03/2026–06/03/2026 », qui est validée ?"),
                      driver.screenText)
        driver.press("F8")
        XCTAssertTrue(driver.screenText.contains("Une correction de cette prestation attend déjà sa validation"), driver.screenText)
    }

    func testANewIBANIsPaidToOnlyOnceASecondClerkConfirmsIt() throws {
        // Mertens (usr-ac-1) asked for a new IBAN on Éloïse's dossier: it waits beside the one in force.
        let database = try DossierFixture.make()
        let own = try driver(userID: "usr-ac-1", database: database)
        try open("Van den Bossche, Éloïse", search: "vandenb", in: own)
        XCTAssertTrue(line(containing: "IBAN demandé", in: own).contains("BE** **** **** 4362 · demandé par Mertens, B."),
                      own.screenText)
        XCTAssertTrue(line(containing: "IBAN   ", in: own).contains("6710"), "the account in force is still paid to")
        own.press("F4", "F4")
        XCTAssertTrue(own.screenText.contains("Vous avez demandé ce nouvel IBAN : une autre personne doit le confirmer."),
                      own.screenText)

        // Van Damme, another clerk of the commune, takes the dossier over and confirms it.
        try database.updateDossierField(DossierFixture.eloise, .payrollClerk, to: "usr-ac-2", by: ListFixture.supervisor)
        let colleague = try driver(userID: "usr-ac-2", database: database)
        try open("Van den Bossche, Éloïse", search: "vandenb", in: colleague)
        colleague.press("F4")
        XCTAssertTrue(colleague.screenText.contains("Confirmer le nouvel IBAN de Van den Bossche, Éloïse ?"), colleague.screenText)
        XCTAssertNotNil(dossier(colleague)?.card?.ibanChange, "nothing changes on the first key")
        colleague.press("F4")
        XCTAssertTrue(colleague.screenText.contains("Nouvel IBAN confirmé"), colleague.screenText)
        XCTAssertNil(dossier(colleague)?.card?.ibanChange, colleague.screenText)
        XCTAssertTrue(line(containing: "IBAN   ", in: colleague).contains("4362"), colleague.screenText)
        XCTAssertFalse(colleague.screenText.contains("IBAN demandé"), colleague.screenText)
    }

    func testTheAbsenceFormChecksDatesAsTheyAreTyped() throws {
        let driver = try driver(.dutch)
        try open("Lefèvre, François", search: "lefevre franc", in: driver)
        driver.press("F7", "Tab")
        driver.type("31022026")
        XCTAssertTrue(driver.screenText.contains("Schrijf een bestaande datum dd/mm/jjjj."), driver.screenText)
        for _ in 0..<10 { driver.press("Backspace") }
        driver.type("10032026")
        driver.press("Tab")
        driver.type("09032026")
        driver.press("Tab")
        let form = try XCTUnwrap(driver.screen.top as? AbsenceFormScreen)
        XCTAssertNotNil(form.form.fields[2].problem, "to before from is flagged when leaving the field")
        driver.press("F2")
        XCTAssertTrue(driver.screen.top is AbsenceFormScreen, "nothing is saved")
        XCTAssertTrue(driver.screenText.contains("Niets opgeslagen"), driver.screenText)
    }

    // MARK: Identifiers

    func testATimeManagerSeesTheNISSMaskedAndIsToldWhichRightIsMissing() throws {
        let driver = try driver(userID: DossierFixture.timeManager.id)
        try open("Van den Bossche, Éloïse", search: "eloise", in: driver)
        let niss = try XCTUnwrap(dossier(driver)?.card?.person.niss)
        XCTAssertTrue(driver.screenText.contains(niss.masked), driver.screenText)
        XCTAssertFalse(driver.screenText.contains(niss.formatted))
        driver.press("F6")
        XCTAssertTrue(driver.screenText.contains("Vous n'avez pas le droit « voir le NISS complet » chez AC-IXL."), driver.screenText)
        XCTAssertFalse(driver.screenText.contains(niss.formatted))
        XCTAssertEqual(try driver.screen.environment.database.auditTrail(entity: "reveal", targetID: DossierFixture.eloise), [])
    }

    func testAReplicaHoldingOnlyMaskedIdentifiersStillOpensTheDossier() throws {
        // What the server sends a time manager: the NISS and IBAN masked, never in full.
        let driver = try driver(userID: DossierFixture.timeManager.id)
        let database = driver.screen.environment.database
        var person = try XCTUnwrap(database.openDossier(DossierFixture.eloise, year: 2026)).person
        person.niss = nil
        person.maskedNISS = "**.**.**-***.28"
        person.iban = nil
        person.maskedIBAN = "BE** **** **** 7034"
        var batch = MirrorBatch()
        batch.persons = [MirrorRow(person, employerCode: "AC-IXL", version: 99)]
        try database.applyPulled(batch)
        try open("Van den Bossche, Éloïse", search: "eloise", in: driver)
        XCTAssertNil(try XCTUnwrap(dossier(driver)?.card).person.niss)
        XCTAssertTrue(driver.screenText.contains("**.**.**-***.28"), driver.screenText)
        // (Her IBAN shows the change pending on this device, masked as well.)
        XCTAssertTrue(driver.screenText.contains("BE** **** ****"), driver.screenText)
        driver.press("F6")
        XCTAssertTrue(driver.screenText.contains("**.**.**-***.28"), "still masked after F6:\n\(driver.screenText)")
    }

    func testThePayrollClerkRevealsTheNISSAndIBANAndTheReadIsAudited() throws {
        let driver = try driver(userID: "usr-ac-1")
        try open("Van den Bossche, Éloïse", search: "eloise", in: driver)
        let card = try XCTUnwrap(dossier(driver)?.card)
        let iban = try XCTUnwrap(card.person.iban)
        XCTAssertTrue(driver.screenText.contains(iban.masked), driver.screenText)
        driver.press("F6")
        XCTAssertTrue(driver.screenText.contains(try XCTUnwrap(card.person.niss).formatted), driver.screenText)
        XCTAssertTrue(driver.screenText.contains(iban.formatted), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("consultation consignée dans l'historique"), driver.screenText)
        let reads = try driver.screen.environment.database.auditTrail(entity: "reveal", targetID: DossierFixture.eloise)
        XCTAssertEqual(Set(reads.compactMap { $0.changes["field"]?.new }), ["niss", "iban"])
        XCTAssertTrue(reads.allSatisfy { $0.userID == "usr-ac-1" })
        driver.press("Shift+Tab")
        XCTAssertTrue(line(containing: "Consultation", in: driver).contains("Mertens, B."), driver.screenText)
    }

    func testASupervisorSeesTheFullNISSButNotTheIBAN() throws {
        let driver = try driver()
        try open("Van den Bossche, Éloïse", search: "eloise", in: driver)
        let card = try XCTUnwrap(dossier(driver)?.card)
        driver.press("F6")
        XCTAssertTrue(driver.screenText.contains(try XCTUnwrap(card.person.niss).formatted), driver.screenText)
        XCTAssertTrue(driver.screenText.contains(try XCTUnwrap(card.person.iban).masked), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("IBAN masqué : droit « voir l'IBAN » manquant"), driver.screenText)
    }

    // MARK: Art. 60 and the other forms

    func testTheArt60TabShowsThePlacementFeeAndProgress() throws {
        let driver = try driver(width: 120, height: 40)
        try open("Aït Ouali, Karim", search: "karim", in: driver)
        driver.press("Tab", "Tab", "Tab")
        let text = driver.screenText
        XCTAssertTrue(text.contains("Contrat article 60 du 01/09/2025"), text)
        XCTAssertTrue(text.contains("fin prévue le 28/02/2027"), text)
        XCTAssertTrue(text.contains("Ressourcerie d'Ixelles asbl"), text)
        XCTAssertTrue(text.contains("150,00 €"), text)
        XCTAssertTrue(text.contains("Jours qualifiants"), text)
        XCTAssertTrue(text.contains("Évaluation du partenaire"), text)
    }

    func testAnOfficerRecordsAnArt60EventWithKeysOnly() throws {
        let driver = try driver(userID: DossierFixture.officer.id)
        try open("Aït Ouali, Karim", search: "karim", in: driver)
        driver.press("Ctrl+A")
        let form = try XCTUnwrap(driver.screen.top as? Art60EventFormScreen, driver.screenText)
        XCTAssertEqual(form.form.fields[0].text, "16/03/2026")
        driver.press("Tab")
        driver.type("R")   // Retard
        driver.press("Tab", "Right", "Tab")
        driver.type("Arrivé à 10h, prévenu le partenaire")
        driver.press("F2")
        XCTAssertTrue(driver.screenText.contains("Retard du 16/03/2026 enregistré"), driver.screenText)
        driver.press("Tab", "Tab", "Tab")
        XCTAssertTrue(driver.screenText.contains("Arrivé à 10h"), driver.screenText)
    }

    func testTheClockingFormShowsWorkedHoursAndBalancesAsTheUserTypes() throws {
        let driver = try driver(userID: DossierFixture.timeManager.id)
        try open("Lefèvre, François", search: "lefevre franc", in: driver)
        driver.press("Ctrl+K")
        XCTAssertTrue(driver.screen.top is ClockingFormScreen, driver.screenText)
        driver.type("0800")
        driver.press("Tab")
        driver.type("1700")
        XCTAssertTrue(driver.screenText.contains("Temps presté : 9:00"), driver.screenText)
        XCTAssertTrue(driver.screenText.contains("Solde du jour :"), driver.screenText)
        driver.press("F2")
        XCTAssertTrue(driver.screenText.contains("Pointage du 16/03/2026 (8:00–17:00) enregistré"), driver.screenText)
    }

    func testAClockingOnADayOffIsAskedAboutOnceThenMarkedInTheList() throws {
        let driver = try driver(userID: DossierFixture.timeManager.id, width: 120, height: 40)
        try open("Lefèvre, François", search: "lefevre franc", in: driver)
        driver.press("Ctrl+K", "Shift+Tab")  // the form starts on the time in, today's date typed
        for _ in 0..<10 { driver.press("Backspace") }
        driver.type("14032026")
        driver.press("Tab")
        driver.type("0900")
        driver.press("Tab")
        driver.type("1200")
        driver.press("F2")
        XCTAssertTrue(driver.screen.top is ClockingFormScreen, "a Saturday is asked about first: \(driver.screenText)")
        XCTAssertTrue(driver.screenText.contains("Le 14/03/2026 n'est pas un jour de travail prévu"), driver.screenText)
        driver.press("F2")
        XCTAssertTrue(driver.screen.top is DossierScreen, driver.screenText)
        XCTAssertTrue(driver.screenText.contains("Pointage du 14/03/2026 (9:00–12:00) enregistré"), driver.screenText)
        driver.press("Tab", "Tab")
        XCTAssertTrue(line(containing: "14/03/2026", in: driver).contains("jour non prévu"), driver.screenText)
    }

    // MARK: Snapshots

    // MARK: Annual leave

    /// Éloïse (41 on 1 January, statutory full time since 2020) has 26 days in 2026 and 5
    /// carried from an unused 2025; the week of 2 March is taken, the morning of 20 March planned.
    func testTheTimeRecordsTabEndsWithTheYearsLeaveBalance() throws {
        let driver = try driver(userID: "usr-ac-1")
        try open("Van den Bossche, Éloïse", search: "vandenb", in: driver)
        driver.press("Tab", "Tab")
        XCTAssertEqual(dossier(driver)?.leave?.remaining.text, "25.5")
        XCTAssertTrue(line(containing: "Congés 2026", in: driver)
            .contains("Congés 2026 : droit 26 + 5 reportés · pris 5 · prévus 0,5 · reste 25,5 j"), driver.screenText)
        // 2025, with no leave entered: 5 days carried from an unused 2024 as well.
        driver.press("PgUp")
        XCTAssertTrue(line(containing: "Congés 2025", in: driver)
            .contains("Congés 2025 : droit 26 + 5 reportés · pris 0 · prévus 0 · reste 31 j"), driver.screenText)
    }

    /// The absence form says what remains before and after the entry as it is typed, and an
    /// annual leave beyond the balance is refused with the numbers, nothing written.
    func testTheAbsenceFormShowsTheLeaveLeftAfterTheEntryAndRefusesOneBeyondIt() throws {
        let database = try DossierFixture.make()
        let driver = try driver(userID: DossierFixture.timeManager.id, database: database)
        try open("Van den Bossche, Éloïse", search: "vandenb", in: driver)
        let outbox = try database.pendingMutations().count
        driver.press("F7")
        XCTAssertTrue(driver.screenText.contains("Congé annuel 2026 : reste 25,5 j"), driver.screenText)
        driver.press("Tab")
        driver.type("23032026")
        driver.press("Tab")
        driver.type("27032026")
        XCTAssertTrue(driver.screenText.contains("Congé annuel 2026 : reste 25,5 j, après cet encodage 20,5 j"), driver.screenText)
        // Morning only: half days.
        driver.press("Tab", "Right")
        XCTAssertTrue(driver.screenText.contains("après cet encodage 23 j"), driver.screenText)
        driver.press("Left", "Shift+Tab")
        // June and July: 44 working days (21 July is a holiday).
        for _ in 0..<10 { driver.press("Backspace") }
        driver.type("31072026")
        driver.press("Shift+Tab")
        for _ in 0..<10 { driver.press("Backspace") }
        driver.type("01062026")
        XCTAssertTrue(driver.screenText.contains("après cet encodage -18,5 j"), driver.screenText)
        driver.press("F2")
        XCTAssertTrue(driver.screen.top is AbsenceFormScreen, "the refused form stays open")
        XCTAssertTrue(driver.screenText.contains("Ce congé annuel prend 44 j en 2026 mais il n'en reste que 25,5"), driver.screenText)
        XCTAssertEqual(try database.pendingMutations().count, outbox, "nothing written")
    }

    func testSnapshotsOfEveryTabAndFormInFrenchAndDutchAtBothSizes() throws {
        let database = try DossierFixture.make()
        for language in [FicheApp.Language.french, .dutch] {
            for (width, height) in [(80, 24), (120, 40)] {
                let suffix = "\(width)x\(height)-\(language.rawValue)"
                let driver = try driver(language, userID: "usr-ac-1", width: width, height: height, database: database)
                try open("Van den Bossche, Éloïse", search: "eloise", in: driver)
                for tab in FicheReplica.DossierTab.allCases where tab != .art60 {
                    while dossier(driver)?.tab != tab { driver.press("Tab") }
                    assertScreen(driver.buffer, named: "dossier-\(tab.rawValue)-\(suffix)")
                }
                driver.press("F7")
                assertScreen(driver.buffer, named: "absence-form-\(suffix)")
                driver.press("Esc", "Ctrl+K")
                assertScreen(driver.buffer, named: "clocking-form-\(suffix)")
                driver.press("Esc", "Esc", "Esc")
                let officer = try self.driver(language, userID: DossierFixture.officer.id, width: width, height: height,
                                              database: database)
                try open("Aït Ouali, Karim", search: "karim", in: officer)
                officer.press("Shift+Tab", "Shift+Tab", "Shift+Tab")
                assertScreen(officer.buffer, named: "dossier-art60-\(suffix)")
                officer.press("Ctrl+A")
                assertScreen(officer.buffer, named: "art60-event-form-\(suffix)")
            }
        }
    }
}
