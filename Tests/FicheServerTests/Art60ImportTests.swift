import FicheDomain
import FicheServer
import FicheSyncProtocol
import FicheTestSupport
import Foundation
import XCTest

/// `fiche-server import art60`: the contracts a CPAS follows today, with the days acquired before
/// them and their placements, from the file its office keeps; all or nothing, idempotent.
final class Art60ImportTests: XCTestCase {
    func testSQLiteContractsAndPlacementsImportOnceAndABadFileWritesNothing() async throws {
        try await Self.contractsAndPlacementsImportOnceAndABadFileWritesNothing(.sqlite)
    }

    func testPostgresContractsAndPlacementsImportOnceAndABadFileWritesNothing() async throws {
        try await Self.contractsAndPlacementsImportOnceAndABadFileWritesNothing(.postgres)
    }

    /// As Excel saves it in Brussels: `;`, DD/MM/YYYY, a decimal comma, one partner named twice.
    static let file = """
        dossier_number;start_date;planned_end;regime_percent;prior_days;partner;placement_start;placement_end;monthly_fee_eur
        S001;02/03/2026;;100;40;ASBL Les Jardins de Forest;;;150,00
        S002;01/04/2026;30/09/2026;50 %;0;asbl les jardins de forest;15/04/2026;;\r\n
        """

    static func contractsAndPlacementsImportOnceAndABadFileWritesNothing(_ backend: TestStore) async throws {
        let fixture = try await ServerFixture.make(backend)
        let importer = Art60Import(store: fixture.store, configuration: fixture.configuration)
        let first = try await importer.run(file: Data(file.utf8), employer: ServerFixture.cpas)
        XCTAssertEqual(first.description,
                       "2 contracts imported (2 new, 0 updated, 0 unchanged); 2 placements written, 1 partner created")
        let contracts = try await fixture.store.read { tx in
            try await tx.query("""
                SELECT d.number, c.start_date, c.planned_end, c.regime, c.prior_days FROM art60_contracts c
                JOIN dossiers d ON d.id = c.dossier_id ORDER BY d.number
                """, [])
        }
        XCTAssertEqual(contracts.map { row in ["number", "start_date", "planned_end", "regime", "prior_days"].map { row.string($0) ?? "-" } },
                       [["S001", "2026-03-02", "-", "1000", "40"], ["S002", "2026-04-01", "2026-09-30", "500", "0"]])
        let placements = try await fixture.store.read { tx in
            try await tx.query("""
                SELECT p.start_date, p.monthly_fee_cents, r.name FROM placements p JOIN partners r ON r.id = p.partner_id
                ORDER BY p.start_date
                """, [])
        }
        XCTAssertEqual(placements.map { "\($0.string("start_date") ?? "") \($0.string("monthly_fee_cents") ?? "") \($0.string("name") ?? "")" },
                       ["2026-03-02 15000 ASBL Les Jardins de Forest", "2026-04-15 0 ASBL Les Jardins de Forest"])

        let again = try await importer.run(file: Data(file.utf8), employer: ServerFixture.cpas)
        XCTAssertEqual(again.description,
                       "0 contracts imported (0 new, 0 updated, 2 unchanged); 0 placements written, 0 partners created")
        let changed = try await importer.run(csv: """
            dossier_number,start_date,planned_end,regime_percent,prior_days
            S001,2026-03-02,,100,52
            """, employer: ServerFixture.cpas)
        XCTAssertEqual(changed.updated, 1)
        let logged = try await fixture.store.read { tx in
            try await tx.query("SELECT row_json FROM change_log WHERE entity = 'art60_contract' ORDER BY seq DESC", [])
        }
        XCTAssertTrue(logged.first?.string("row_json")?.contains("\"prior_days\":\"52\"") == true,
                      "replicas receive the new count: \(logged.first?.string("row_json") ?? "")")

        let before = try await count(fixture)
        do {
            _ = try await importer.run(csv: """
                dossier_number;start_date;planned_end;regime_percent;prior_days;partner;placement_start;placement_end;monthly_fee_eur
                S009;02/03/2026;;100;0;;;;
                S001;31/02/2026;;100;0;;;;
                S002;01/05/2026;30/06/2027;40;-3;;;;
                S001;01/06/2026;01/05/2026;100;700;;01/06/2026;;
                S002;01/07/2026;;100;0;ASBL X;01/06/2026;;abc
                S002;01/07/2026;;100;0;;;;
                """, employer: ServerFixture.cpas)
            XCTFail("a wrong file is refused")
        } catch let failure as DossierImport.Failure {
            XCTAssertEqual(failure.errors, [
                "line 3: start_date: Day 31 of month 2 of 2026 does not exist",
                "line 4: regime_percent: A part-time article 60 contract (40 %) must be at least half-time and last at most 6 months (planned end: 2027-06-30)",
                "line 4: prior_days: '-3' is not a whole number of days from 0 to 624",
                "line 5: planned_end: 2026-05-01 is before the start, 2026-06-01",
                "line 5: prior_days: '700' is not a whole number of days from 0 to 624",
                "line 5: placement_start: is given without a partner",
                "line 6: placement_start: 2026-06-01 is before the contract's start, 2026-07-01",
                "line 6: monthly_fee_eur: 'abc' is not an amount in euros from 0 to 1000000 (e.g. 150,00)",
            ])
        }
        do {
            _ = try await importer.run(csv: "dossier_number,start_date,planned_end,regime_percent,prior_days\nS009,2026-03-02,,100,0",
                                       employer: ServerFixture.cpas)
            XCTFail("a dossier the CPAS does not have is refused")
        } catch let failure as DossierImport.Failure {
            XCTAssertEqual(failure.errors, ["line 2: dossier_number: no dossier S009 at CPAS-T"])
        }
        do {
            _ = try await importer.run(csv: "dossier_number,start_date,planned_end,regime_percent,prior_days\nA001,2026-03-02,,100,0",
                                       employer: ServerFixture.commune)
            XCTFail("a commune holds no article 60 contract")
        } catch let failure as DossierImport.Failure {
            XCTAssertEqual(failure.errors, ["AC-T is a commune: article 60 contracts are held by a CPAS"])
        }
        let after = try await count(fixture)
        XCTAssertEqual(after, before, "a refused file writes nothing")
        await fixture.store.close()
    }

    private static func count(_ fixture: ServerFixture) async throws -> [Int64] {
        try await fixture.store.read { tx in
            var counts: [Int64] = []
            for table in ["art60_contracts", "placements", "partners", "change_log"] {
                counts.append(try await tx.first("SELECT COUNT(*) AS n FROM \(table)")?.int("n") ?? -1)
            }
            return counts
        }
    }
}
