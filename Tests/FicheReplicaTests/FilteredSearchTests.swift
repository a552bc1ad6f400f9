@testable import FicheReplica
import FicheDomain
import XCTest

final class FilteredSearchTests: XCTestCase {
    private func names(_ database: AppDatabase, _ text: String, _ filter: DossierListFilter) throws -> [String] {
        try database.searchDossiers(text, filter: filter, limit: 50).map(\.row.displayName)
    }

    func testASearchKeepsOnlyTheDossiersOfTheListFilter() throws {
        let database = try ReplicaFixture.make()
        XCTAssertEqual(try names(database, "van", DossierListFilter(employerCode: "CPAS-IXL")), ["Van der Linden, Noël"])
        XCTAssertEqual(Set(try names(database, "van", DossierListFilter(employerCode: "AC-IXL"))),
                       ["Van den Bossche, Éloïse", "Vandenbroucke, Jan"])
        XCTAssertEqual(try names(database, "van", DossierListFilter(category: "statutory")), ["Van den Bossche, Éloïse"])
        XCTAssertEqual(try names(database, "van", DossierListFilter(employerCode: "AC-IXL", payrollClerkID: "u-time")), [])
        XCTAssertEqual(try names(database, "zoe", DossierListFilter(status: "active", payrollClerkID: "u-time")),
                       ["D'Hondt, Zoë"])
    }

    func testWithoutAFilterTheSearchIsTheUsualOne() throws {
        let database = try ReplicaFixture.make()
        let plain = try database.searchDossiers("van", limit: 50)
        XCTAssertEqual(try database.searchDossiers("van", filter: DossierListFilter(), limit: 50), plain)
        XCTAssertEqual(plain.count, 3)
    }

    func testFilteredResultsArePagedWithoutRepeats() throws {
        let database = try ReplicaFixture.make()
        let filter = DossierListFilter(employerCode: "AC-IXL")
        let all = try database.searchDossiers("van", filter: filter, limit: 50)
        var paged: [DossierSearchHit] = []
        var cursor: DossierSearchCursor?
        while true {
            let page = try database.searchDossiers("van", filter: filter, after: cursor, limit: 1)
            guard let last = page.last else { break }
            paged += page
            cursor = last.cursor
        }
        XCTAssertEqual(paged.map(\.row.id), all.map(\.row.id))
        XCTAssertEqual(paged.count, 2)
    }

    func testAMatchFarBehindThousandsOfOtherEmployersMatchesIsStillFound() throws {
        let database = try ReplicaFixture.make()
        var batch = MirrorBatch()
        let count = AppDatabase.rankedCandidates + 50
        for index in 0...count {
            let employer = index == count ? "CPAS-IXL" : "AC-IXL"
            let person = Person(id: "per-v\(index)", niss: try NISS(NISS.digits(year: 1980, month: 1, day: 2, serial: 2 * index + 2)),
                                lastName: index == count ? "Vanlaere" : "Vanhove", firstName: "Lou", birthDate: ReplicaFixture.date("1980-01-02"),
                                sex: .female, language: .nl)
            batch.persons.append(MirrorRow(person, employerCode: employer, version: 1))
            batch.dossiers.append(MirrorRow(Dossier(id: "dos-v\(index)", employerCode: employer, number: "X-\(index)",
                                                    personID: person.id, category: .contractual,
                                                    startDate: ReplicaFixture.date("2020-01-01")),
                                            employerCode: employer, version: 1))
        }
        try database.applyPulled(batch)
        XCTAssertEqual(Set(try names(database, "van", DossierListFilter(employerCode: "CPAS-IXL"))),
                       ["Van der Linden, Noël", "Vanlaere, Lou"])
    }
}
