import FicheCSV
import FicheDomain
import FicheServer
import FicheSyncProtocol
import Foundation
import XCTest

/// `fiche-server import dossiers` reads files as Belgian offices save them, and what
/// `export dossiers` writes reads back unchanged: scenarios run by `SQLiteServerTests` and
/// `PostgresServerTests` on each store.
enum BelgianCSVScenarios {
    static let header = "dossier_number;niss;last_name;first_name;birth_date;sex;language;category;grade;regime_percent;start_date;iban;payroll_clerk"
    static let columns = ["number", "niss", "last_name", "first_name", "birth_date", "sex", "language", "iban", "category",
                          "grade", "regime_percent", "start_date", "payroll_clerk"]

    /// The stored columns of the dossiers of `employer`, by number.
    static func dossiers(_ fixture: ServerFixture, _ employer: String) async throws -> [[String?]] {
        try await fixture.store.read { tx in
            try await tx.query("SELECT \(columns.joined(separator: ", ")) FROM dossiers WHERE employer_code = ? ORDER BY number",
                               [.text(employer)]).map { row in columns.map { row.string($0) } }
        }
    }

    /// `text` in Windows-1252 (every character of it has a byte there).
    static func windows1252(_ text: String) -> Data {
        let high: [Unicode.Scalar: UInt8] = ["€": 0x80, "–": 0x96, "’": 0x92]
        return Data(text.unicodeScalars.map { scalar in high[scalar] ?? UInt8(truncatingIfNeeded: scalar.value) })
    }

    /// An Excel file saved on a Belgian Windows: `;`, CRLF, Windows-1252, days first, sex codes
    /// of three languages, NISS and IBAN grouped as printed.
    static func excelFilesAreReadAsSaved(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let rows = [
            header,
            "B010;90 05 12-002.11;Dubois;Hélène;12/05/1990;F;FR;Statutory;C1;75,5;1/9/2015;be32 1234 5678 9002;clerk.ac",
            "B011;88.01.01-005.74;Peeters;Jan;01/01/1988;H;nl;contractual;D1;80 %;2020-03-01;;",
            "B012;92.03.04-004.83;Claes;Els;4/3/1992;v;NL;contractual;D1;100;01/02/2021;BE32-1234-5678-9002;",
            "B013;88010100574;Lambert;Luc;1988-01-01;Male;fr;statutory;C2;100;01/02/2021;;",
        ]
        let summary = try await DossierImport(store: fixture.store, configuration: fixture.configuration)
            .run(file: windows1252(rows.joined(separator: "\r\n") + "\r\n"), employer: ServerFixture.commune)
        XCTAssertEqual(summary, .init(inserted: 4, updated: 0, unchanged: 0, encoding: .windows1252))
        XCTAssertEqual(summary.description,
                       "4 dossiers imported (4 new, 0 updated, 0 unchanged); the file is not UTF-8 and was read as Windows-1252")
        let stored = try await dossiers(fixture, ServerFixture.commune).filter { $0.first == "B010" || $0.first == "B011" || $0.first == "B012" || $0.first == "B013" }
        XCTAssertEqual(stored, [
            ["B010", "90051200211", "Dubois", "Hélène", "1990-05-12", "female", "fr", "BE32123456789002", "statutory", "C1", "75.5",
             "2015-09-01", "clerk.ac"],
            ["B011", "88010100574", "Peeters", "Jan", "1988-01-01", "male", "nl", nil, "contractual", "D1", "80", "2020-03-01", nil],
            ["B012", "92030400483", "Claes", "Els", "1992-03-04", "female", "nl", "BE32123456789002", "contractual", "D1", "100",
             "2021-02-01", nil],
            ["B013", "88010100574", "Lambert", "Luc", "1988-01-01", "male", "fr", nil, "statutory", "C2", "100", "2021-02-01", nil],
        ])
        await fixture.store.close()
    }

    /// Each imported dossier gets its first career period, which replicas receive: on the week a
    /// `schedule` cell names (`lun,mar,jeu,ven`, in any of the three languages), else on the
    /// usual week of its regime; a day name that is none, or days that do not make the regime,
    /// are refused on their line.
    static func scheduleColumnGivesTheFirstCareerPeriod(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let importer = DossierImport(store: fixture.store, configuration: fixture.configuration)
        let withSchedule = header + ";schedule"
        _ = try await importer.run(file: Data([
            withSchedule,
            "B040;90.05.12-002.11;Dubois;Hélène;12/05/1990;F;fr;statutory;C1;80;01/09/2015;;;lun,mar,jeu,ven",
            "B041;88.01.01-005.74;Peeters;Jan;01/01/1988;M;nl;contractual;D1;80;01/03/2020;;;",
            "B042;92.03.04-004.83;Claes;Els;04/03/1992;F;nl;contractual;D1;60;01/02/2021;;;ma di wo",
        ].joined(separator: "\r\n").utf8), employer: ServerFixture.commune)
        func week(_ number: String) async throws -> [WorkDay]? {
            let json = try await fixture.store.read { tx in
                try await tx.first("""
                    SELECT c.schedule FROM career_periods c JOIN dossiers d ON d.id = c.dossier_id WHERE d.number = ?
                    """, [.text(number)])?.string("schedule")
            }
            return try json.map { try JSONDecoder().decode(WorkSchedule.self, from: Data($0.utf8)) }
                .map { schedule in Weekday.allCases.map(schedule.workDay) }
        }
        let off = WorkDay.off, full = WorkDay.full
        let b040 = try await week("B040")
        XCTAssertEqual(b040, [full, full, off, full, full, off, off], "Wednesday off, as the cell says")
        let b041 = try await week("B041")
        XCTAssertEqual(b041, [full, full, off, full, full, off, off], "the usual 80 % week")
        let b042 = try await week("B042")
        XCTAssertEqual(b042, [full, full, full, off, off, off, off], "Monday to Wednesday, in Dutch")
        do {
            _ = try await importer.run(file: Data([
                withSchedule,
                "B043;90.05.12-002.11;Dubois;Hélène;12/05/1990;F;fr;statutory;C1;80;01/09/2015;;;mon,tue,wed,thu,fri",
                "B044;88.01.01-005.74;Peeters;Jan;01/01/1988;M;nl;contractual;D1;100;01/03/2020;;;mon,tue,wednes,thu,fri",
            ].joined(separator: "\n").utf8), employer: ServerFixture.commune)
            XCTFail("a schedule that does not fit its regime was imported")
        } catch let failure as DossierImport.Failure {
            XCTAssertEqual(failure.errors, [
                "line 2: schedule: these days make 100 %, the regime is 80 %",
                "line 3: schedule: 'wednes' is not a day: mon, tue, wed, thu, fri, sat, sun",
            ])
        }
        await fixture.store.close()
    }

    /// What `export dossiers` writes gives the same dossiers read back: as it is (into another
    /// employer: the same values), and after Excel saved it the Belgian way (nothing changes).
    static func exportReadsBackUnchanged(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let importer = DossierImport(store: fixture.store, configuration: fixture.configuration)
        let lines = LinesBox()
        try await CSVExport(store: fixture.store).dossiers(employer: ServerFixture.commune) { lines.append($0) }
        let export = lines.all.joined(separator: "\n") + "\n"
        try await fixture.accounts.addEmployer(code: "AC-COPY", kind: .commune, nameFR: "Copie", nameNL: "Kopie")
        let copied = try await importer.run(file: Data(export.utf8), employer: "AC-COPY")
        XCTAssertEqual(copied, .init(inserted: 2, updated: 0, unchanged: 0))
        let original = try await dossiers(fixture, ServerFixture.commune)
        let copy = try await dossiers(fixture, "AC-COPY")
        XCTAssertEqual(copy, original)

        // Opened in Excel and saved as "CSV (separator: semicolon)": days first, M/F, CRLF, Windows-1252.
        let sheet = try CSVSheet.read(export)
        let names = sheet.columnNames
        let excel = ([names] + sheet.rows.map { row in
            zip(names, row.fields).map { name, value -> String in
                switch name {
                case "birth_date", "start_date": return LocalDate.belgianOrSame(value)
                case "sex": return value == "male" ? "M" : "F"
                default: return value
                }
            }
        }).map { CSVTable.line($0, separator: ";") }.joined(separator: "\r\n") + "\r\n"
        XCTAssertTrue(excel.contains(";30/07/1985;M;fr;"), excel)
        let versions = try await fixture.count("SELECT SUM(version) AS n FROM dossiers")
        let again = try await importer.run(file: windows1252(excel), employer: ServerFixture.commune)
        XCTAssertEqual(again, .init(inserted: 0, updated: 0, unchanged: 2))
        let after = try await dossiers(fixture, ServerFixture.commune)
        XCTAssertEqual(after, original)
        let versionsAfter = try await fixture.count("SELECT SUM(version) AS n FROM dossiers")
        XCTAssertEqual(versionsAfter, versions, "nothing was written")
        await fixture.store.close()
    }

    /// `export dossiers` imported into an employer that has none gives the same dossiers, and
    /// exported again the same file: a last name, a first name and a grade a spreadsheet would
    /// run as formulas included.
    static func exportImportsIntoAFreshEmployer(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("S002")
        try await fixture.test { api in
            let token = try await api.login("clerk.cpas").accessToken
            let (_, push) = try await api.push(token, [
                .field(1, dossier: dossier, .lastName, old: "Van den Bossche", new: SpreadsheetScenarios.formula),
                .field(2, dossier: dossier, .firstName, old: "Bram", new: "@Bram"),
                .field(3, dossier: dossier, .grade, old: "C2", new: "-C2"),
            ])
            XCTAssertEqual(push?.results.map(\.status), [.applied, .applied, .applied])
        }
        let exporter = CSVExport(store: fixture.store)
        let lines = LinesBox()
        try await exporter.dossiers(employer: ServerFixture.cpas) { lines.append($0) }
        let export = lines.all.joined(separator: "\n") + "\n"
        XCTAssertTrue(export.contains(",'@Bram,"), export)
        try await fixture.accounts.addEmployer(code: "CPAS-NEW", kind: .cpas, nameFR: "Nouveau", nameNL: "Nieuw")
        let summary = try await DossierImport(store: fixture.store, configuration: fixture.configuration)
            .run(file: Data(export.utf8), employer: "CPAS-NEW")
        XCTAssertEqual(summary, .init(inserted: 2, updated: 0, unchanged: 0))
        let again = LinesBox()
        try await exporter.dossiers(employer: "CPAS-NEW") { again.append($0) }
        XCTAssertEqual(again.all.joined(separator: "\n") + "\n", export, "the file exported again is the file imported")
        let original = try await dossiers(fixture, ServerFixture.cpas)
        let copy = try await dossiers(fixture, "CPAS-NEW")
        XCTAssertEqual(copy, original)
        XCTAssertEqual(copy.last?[2], SpreadsheetScenarios.formula, "the formula came back as the name it was")

        // Saved by Excel as "CSV UTF-8" on a Belgian Windows: a byte order mark, `;`, CRLF, days first.
        let sheet = try CSVSheet.read(export)
        let excel = ([sheet.columnNames] + sheet.rows.map { row in
            zip(sheet.columnNames, row.fields).map { name, value in
                name == "birth_date" || name == "start_date" ? LocalDate.belgianOrSame(value) : value
            }
        }).map { CSVTable.line($0, separator: ";") }.joined(separator: "\r\n") + "\r\n"
        XCTAssertTrue(excel.contains(";30/07/2017;"), excel)
        try await fixture.accounts.addEmployer(code: "CPAS-XLS", kind: .cpas, nameFR: "Excel", nameNL: "Excel")
        let saved = try await DossierImport(store: fixture.store, configuration: fixture.configuration)
            .run(file: Data([0xEF, 0xBB, 0xBF]) + Data(excel.utf8), employer: "CPAS-XLS")
        XCTAssertEqual(saved, .init(inserted: 2, updated: 0, unchanged: 0))
        let fromExcel = try await dossiers(fixture, "CPAS-XLS")
        XCTAssertEqual(fromExcel, original, "the same dossiers as the file Fiche wrote")
        let third = LinesBox()
        try await exporter.dossiers(employer: "CPAS-XLS") { third.append($0) }
        XCTAssertEqual(third.all.joined(separator: "\n") + "\n", export)
        await fixture.store.close()
    }

    /// Each refusal names its line and column; nothing of the file is written.
    static func refusalsNameTheLineAndWriteNothing(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let importer = DossierImport(store: fixture.store, configuration: fixture.configuration)
        func errors(_ data: Data) async throws -> [String] {
            do {
                let summary = try await importer.run(file: data, employer: ServerFixture.commune)
                XCTFail("refused file imported: \(summary)")
                return []
            } catch let failure as DossierImport.Failure {
                return failure.errors
            }
        }
        let before = try await dossiers(fixture, ServerFixture.commune)
        let values = try await errors(Data([
            header,
            "B020;90.05.12-002.11;Dubois;Hélène;12/05/1990;F;fr;statutory;C1;100;31/02/2027;;",
            "B021;88.01.01-005.74;Peeters;Jan;01/01/1988;X;fr;statutory;C1;100;01/02/2021;;",
            "B022,88.01.01-005.74,Peeters,Jan,01/01/1988,M,fr,statutory,C1,100,01/02/2021,,",
            "B023;88.01.01-005.74;Peeters;Jan;01/01/1988;M;fr;statutory;C1;100;01/02/2021;;;",
            // The fixture's office day is 1 January 2026: a person born the day after is no one yet.
            "B024;\(NISS.digits(year: 2026, month: 1, day: 2, serial: 1));Peeters;Jan;02/01/2026;M;fr;statutory;C1;100;01/02/2021;;",
        ].joined(separator: "\r\n").utf8))
        XCTAssertEqual(values.count, 5, "\(values)")
        XCTAssertTrue(values.last?.hasPrefix("line 6: niss: ") ?? false, "\(values)")
        XCTAssertEqual(Array(values.prefix(4)), [
            "line 2: start_date: Day 31 of month 2 of 2027 does not exist",
            "line 3: sex: 'X' is not a sex: M or F, H or F, M or V, male or female",
            "line 4: row: separated by ',' where the header uses ';'",
            "line 5: row: 14 fields, the header has 13 (a value holding ';' must be in quotes)",
        ])
        let mixedHeader = try await errors(Data("dossier_number;niss,last_name\nB030;x,y\n".utf8))
        XCTAssertEqual(mixedHeader, ["line 1: the header has both ; and , between column names: use one separator"])
        let mixedEncoding = try await errors(Data(header.utf8) + Data("\nB031;x;Dubois;Hélène\nB032;x;".utf8) + Data([0xC9, 0x0A]))
        XCTAssertEqual(mixedEncoding, ["line 3: the file mixes UTF-8 with another encoding: save it again as CSV UTF-8"])
        let missing = try await errors(Data("dossier_number;niss;last_name;first_name;birth_date;sex;language;category;grade;regime_percent;start_date;iban\n".utf8))
        XCTAssertEqual(missing, ["line 1: header: missing column payroll_clerk"])
        let after = try await dossiers(fixture, ServerFixture.commune)
        XCTAssertEqual(after, before)
        await fixture.store.close()
    }
}

extension LocalDate {
    /// `30/07/1985` for `1985-07-30`; a text that is no date stays as it is.
    static func belgianOrSame(_ text: String) -> String {
        do { return try LocalDate.parse(text).belgian } catch { return text }
    }
}
