import FicheApp
import FicheCSV
import FicheDomain
import FicheReplica
import XCTest

/// Import errors read as `line N: column: message` in the user's language.
final class ImportMessageTests: XCTestCase {
    func testAnImportErrorNamesItsLineAndColumnInEachLanguage() {
        let issue = ImportIssue(line: 4, column: "unit", problem: .unknownUnit("week"))
        XCTAssertEqual(Strings(language: .french).message(for: issue), "ligne 4: unit: unité « week » inconnue : day, half_day ou hour")
        XCTAssertEqual(Strings(language: .dutch).message(for: issue), "regel 4: unit: onbekende eenheid ‘week’: day, half_day of hour")
        XCTAssertEqual(Strings(language: .english).message(for: issue), "line 4: unit: unknown unit “week”: day, half_day or hour")
    }

    func testFilesTheImportCannotReadSayWhyInEachLanguage() {
        let french = Strings(language: .french)
        let dutch = Strings(language: .dutch)
        let english = Strings(language: .english)
        let header = ImportIssue(line: 1, column: nil, problem: .malformed(.mixedSeparators))
        XCTAssertEqual(french.message(for: header),
                       "ligne 1: l'en-tête sépare les colonnes à la fois par « ; » et par « , » : n'utilisez qu'un des deux")
        XCTAssertEqual(dutch.message(for: header), "regel 1: de kop scheidt de kolommen zowel met ‘;’ als met ‘,’: gebruik er maar één")
        XCTAssertEqual(english.message(for: header), "line 1: the header separates columns with both “;” and “,”: use only one")
        let row = ImportIssue(line: 3, column: nil, problem: .otherSeparator(found: ",", expected: ";"))
        XCTAssertEqual(french.message(for: row), "ligne 3: cette ligne est séparée par « , » alors que l'en-tête l'est par « ; »")
        let tabbed = ImportIssue(line: 4, column: nil, problem: .otherSeparator(found: ";", expected: "\t"))
        XCTAssertEqual(french.message(for: tabbed),
                       "ligne 4: cette ligne est séparée par « ; » alors que l'en-tête l'est par « tabulation »")
        XCTAssertEqual(dutch.message(for: row), "regel 3: deze regel is gescheiden door ‘,’, terwijl de kop ‘;’ gebruikt")
        let long = ImportIssue(line: 4, column: nil, problem: .tooManyFields(fields: 8, columns: 7, separator: ","))
        XCTAssertEqual(english.message(for: long), "line 4: 8 values for 7 columns: a value holding “,” must be in quotes")
        let encoding = ImportIssue(line: 3, column: nil, problem: .malformed(.mixedEncodings))
        XCTAssertEqual(french.message(for: encoding),
                       "ligne 3: le fichier mêle de l'UTF-8 et un autre encodage : enregistrez-le à nouveau en « CSV UTF-8 »")
        let byte = ImportIssue(line: 2, column: nil, problem: .malformed(.undefinedByte(0x81)))
        XCTAssertEqual(dutch.message(for: byte), "regel 2: byte 0x81 is geen UTF-8 en ook geen Windows-1252: sla het bestand op als ‘CSV UTF-8’")
        let date = ImportIssue(line: 2, column: "from", problem: .rule(.dateInvalid(year: 2027, month: 2, day: 31)))
        XCTAssertTrue(french.message(for: date).hasPrefix("ligne 2: from: "), french.message(for: date))
        XCTAssertFalse(french.message(for: date).contains("error."), "the refusal is translated: \(french.message(for: date))")
    }

    func testCountsAgreeWithTheirNounAndAWindowsFileIsNamed() {
        let french = Strings(language: .french)
        let dutch = Strings(language: .dutch)
        let english = Strings(language: .english)
        XCTAssertEqual(french.importDone(records: 1, file: "a.csv"),
                       "1 enregistrement importé de a.csv ; il sera synchronisé comme toute saisie.")
        XCTAssertEqual(french.importDone(records: 2, file: "a.csv"),
                       "2 enregistrements importés de a.csv ; ils seront synchronisés comme toute saisie.")
        XCTAssertEqual(dutch.importDone(records: 1, file: "a.csv"), "1 registratie geïmporteerd uit a.csv; ze wordt gesynchroniseerd zoals elke invoer.")
        XCTAssertEqual(english.importDone(records: 2, file: "a.csv"), "2 records imported from a.csv; they will sync like any entry.")
        XCTAssertEqual(french.importNothingWritten(errors: 1), "1 erreur : rien n'a été importé.")
        XCTAssertEqual(french.importNothingWritten(errors: 3), "3 erreurs : rien n'a été importé.")
        XCTAssertEqual(dutch.importNothingWritten(errors: 3), "3 fouten: er is niets geïmporteerd.")
        XCTAssertEqual(french.message(for: ImportIssue(line: 1, column: nil, problem: .missingColumns(["to"]))),
                       "ligne 1: colonne manquante dans l'en-tête : to")
        XCTAssertEqual(english.message(for: ImportIssue(line: 1, column: nil, problem: .missingColumns(["to", "unit"]))),
                       "line 1: missing columns in the header: to, unit")
        XCTAssertEqual(french.message(for: ImportIssue(line: 1, column: nil, problem: .alreadyImported(on: "2026-11-20T10:00:00Z", records: 1))),
                       "ligne 1: ce fichier a déjà été importé le 20/11/2026 (1 enregistrement) : rien n'est importé deux fois")
        XCTAssertEqual(french.importEncodingNote(.windows1252, file: "a.csv"),
                       "a.csv n'est pas en UTF-8 : il a été lu en Windows-1252, l'encodage d'Excel sous Windows.")
        XCTAssertNil(french.importEncodingNote(.utf8, file: "a.csv"))
        for language in [Strings(language: .french), dutch, english] {
            for count in [1, 2] {
                XCTAssertFalse(language.importDone(records: count, file: "f").contains("("), "no (s): \(language.language)")
                XCTAssertFalse(language.importNothingWritten(errors: count).contains("("), "no (s): \(language.language)")
            }
        }
    }
}
