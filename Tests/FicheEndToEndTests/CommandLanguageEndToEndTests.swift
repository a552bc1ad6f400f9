import FicheReplica
import Foundation
import XCTest

/// Every line `fiche` prints outside the interface is in the user's language: the refusals a
/// clerk meets most (no replica, an unknown employer, a right they lack, a month mistyped, no
/// password, nobody signed in) and the sync status, run with `--lang fr` and `--lang nl`.
final class CommandLanguageEndToEndTests: CommandTestCase {
    /// Words that gave away an English line in a French or Dutch session.
    private let english = ["not signed in", "unknown employer", "may not", "pending", "never", "Signed in", "run fiche",
                           "no replica", "no password", "must be", "Error"]

    private func run(_ arguments: [String], _ lang: String) throws -> FicheBinary.Outcome {
        try FicheBinary.run(arguments + ["--data-dir", folder.path, "--lang", lang], environment: home)
    }

    /// A refusal: status 1, one line `fiche: …` on standard error saying `says`, no English.
    private func assertRefused(_ outcome: FicheBinary.Outcome, says: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(outcome.status, 1, outcome.standardOutput, file: file, line: line)
        XCTAssertTrue(outcome.standardError.hasPrefix("fiche: "), outcome.standardError, file: file, line: line)
        XCTAssertEqual(outcome.standardError.split(separator: "\n").count, 1, outcome.standardError, file: file, line: line)
        XCTAssertTrue(outcome.standardError.contains(says), "expected «\(says)» in: \(outcome.standardError)", file: file, line: line)
        assertNoEnglish(outcome, file: file, line: line)
    }

    private func assertNoEnglish(_ outcome: FicheBinary.Outcome, file: StaticString = #filePath, line: UInt = #line) {
        for word in english {
            XCTAssertFalse((outcome.standardOutput + outcome.standardError).contains(word),
                           "English «\(word)» in: \(outcome.standardOutput)\(outcome.standardError)", file: file, line: line)
        }
    }

    func testRefusalsWithoutAReplicaAreInFrenchAndDutch() throws {
        let out = folder.appendingPathComponent("paie.csv").path
        let said: [(lang: String, noReplica: String, badMonth: String, noPassword: String, nobody: String)] = [
            ("fr", "pas de réplique dans \(folder.path) : lancez d'abord fiche login ou fiche demo",
             "--month doit s'écrire AAAA-MM (par exemple 2026-11), pas « 11/2026 »", "aucun mot de passe sur l'entrée standard",
             "personne n'est connecté : connectez-vous avec fiche login --server URL --user LOGIN"),
            ("nl", "geen replica in \(folder.path): voer eerst fiche login of fiche demo uit",
             "--month moet JJJJ-MM zijn (bijvoorbeeld 2026-11), niet ‘11/2026’", "geen wachtwoord op de standaardinvoer",
             "niemand is aangemeld: meld u aan met fiche login --server URL --user LOGIN"),
        ]
        for words in said {
            assertRefused(try run(["export", "payroll", "--employer", "AC-IXL", "--month", "2026-11", "--out", out], words.lang),
                          says: words.noReplica)
            assertRefused(try run(["workload", "--employer", "AC-IXL"], words.lang), says: words.noReplica)
            assertRefused(try run(["export", "payroll", "--employer", "AC-IXL", "--month", "11/2026", "--out", out], words.lang),
                          says: words.badMonth)
            assertRefused(try run(["login", "--server", "http://127.0.0.1:9", "--user", "clerk", "--password-stdin"], words.lang),
                          says: words.noPassword)
            assertRefused(try run(["sync", "--status"], words.lang), says: words.nobody)
            assertRefused(try run(["passwd", "--password-stdin"], words.lang), says: words.nobody)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("accounts").path), "nothing was signed in")
    }

    /// An account signed in on this computer whose replica never reached the server.
    func testTheSyncStatusOfAReplicaNeverSyncedIsInFrenchAndDutch() throws {
        let account = folder.appendingPathComponent("accounts/fiche.example.brussels-clerk")
        try FileManager.default.createDirectory(at: account, withIntermediateDirectories: true)
        _ = try AppDatabase.open(at: account.appendingPathComponent("replica.sqlite").path, clock: .tests)
        try "fiche.example.brussels-clerk\n".write(to: folder.appendingPathComponent("current-account"), atomically: true, encoding: .utf8)

        let french = try run(["sync", "--status"], "fr")
        XCTAssertEqual(french.status, 0, french.standardError)
        XCTAssertEqual(french.standardOutput.split(separator: "\n"), [
            "en attente d'envoi : 0", "conflits : 0", "refusées : 0", "dernière synchronisation : jamais encore",
            "copie initiale : pas terminée", "dernière erreur : aucune"])
        assertNoEnglish(french)
        let dutch = try run(["sync", "--status"], "nl")
        XCTAssertEqual(dutch.status, 0, dutch.standardError)
        XCTAssertEqual(dutch.standardOutput.split(separator: "\n"), [
            "wachtend op verzending: 0", "conflicten: 0", "geweigerd: 0", "laatste synchronisatie: nog geen",
            "eerste kopie: niet klaar", "laatste fout: geen"])
        assertNoEnglish(dutch)
        let english = try run(["sync", "--status"], "en")
        XCTAssertTrue(english.standardOutput.contains("pending: 0\n"), english.standardOutput)
        XCTAssertTrue(english.standardOutput.contains("last sync: never\n"), english.standardOutput)

        // Without a device token the sync layer's refusal is said as the interface's badge says it.
        assertRefused(try run(["sync", "--once"], "fr"), says: "Personne n'est connecté sur cette base : « fiche login » la relie au serveur.")
        assertRefused(try run(["sync", "--once"], "nl"), says: "Niemand is aangemeld op deze databank: 'fiche login' verbindt ze met de server.")
        assertRefused(try run(["passwd", "--password-stdin"], "fr"),
                      says: "donnez le mot de passe actuel et le nouveau sur deux lignes de l'entrée standard")
    }

    func testOnTheDemoReplicaRefusalsAreInFrenchAndDutch() throws {
        // The article 60 officer of the CPAS: no payroll export, no reassignment.
        let prepared = try run(["demo", "--no-tui", "--as", "art60", "--dossiers", "40"], "nl")
        XCTAssertEqual(prepared.status, 0, prepared.standardError)
        XCTAssertTrue(prepared.standardOutput.hasPrefix("Demo klaar als art60: replica "), prepared.standardOutput)
        XCTAssertTrue(prepared.standardError.contains("De demoserver wordt klaargemaakt (40 dossiers)…"), prepared.standardError)
        assertNoEnglish(prepared)
        let out = folder.appendingPathComponent("paie.csv").path
        let said: [(lang: String, unknown: String, noRight: String, notGranted: String, clerks: String)] = [
            ("fr", "employeur inconnu XX-NOPE ; la réplique contient ",
             "n'a pas le droit de faire ceci chez CPAS-IXL (droit export_payroll absent)",
             "CPAS-IXL ne vous est pas accordé : il faut le droit de réattribuer les dossiers.",
             "--clerks va avec --pool (la taille de l'équipe mise en commun)"),
            ("nl", "onbekende werkgever XX-NOPE; de replica bevat ",
             "mag dit niet doen bij CPAS-IXL (geen recht export_payroll)",
             "CPAS-IXL is u niet toegekend: het recht om dossiers toe te wijzen is nodig.",
             "--clerks gaat samen met --pool (de grootte van het samengevoegde team)"),
        ]
        for words in said {
            assertRefused(try run(["export", "payroll", "--employer", "XX-NOPE", "--month", "2026-10", "--out", out], words.lang),
                          says: words.unknown)
            assertRefused(try run(["export", "payroll", "--employer", "CPAS-IXL", "--month", "2026-10", "--out", out], words.lang),
                          says: words.noRight)
            assertRefused(try run(["workload", "--employer", "CPAS-IXL", "--demo"], words.lang), says: words.notGranted)
            assertRefused(try run(["workload", "--employer", "CPAS-IXL", "--clerks", "3", "--demo"], words.lang), says: words.clerks)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        }
        let checked = try run(["--check-config"], "nl")
        XCTAssertEqual(checked.status, 0, checked.standardError)
        XCTAssertTrue(checked.standardOutput.contains("Geen problemen (gebruikersmap: "), checked.standardOutput)
    }
}
