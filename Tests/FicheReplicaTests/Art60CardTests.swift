@testable import FicheReplica
import FicheDomain
import XCTest

final class Art60CardTests: XCTestCase {
    private let asOf = ReadFixture.date("2026-05-04")

    func testTheTabListsContractsPlacementsWithTheirPartnerAndEventsInOrder() throws {
        let database = try ReplicaFixture.make()
        try ReadFixture.addArt60(to: database)
        let card = try XCTUnwrap(database.art60Card(dossierID: "dos-3", asOf: asOf, rules: ReplicaFixture.rules))
        XCTAssertEqual(card.contracts.map(\.id), ["c-3", "c-old"])
        XCTAssertEqual(card.currentContract?.id, "c-3")
        XCTAssertEqual(card.placements.map(\.placement.id), ["pl-old", "pl-3a", "pl-3b"])
        XCTAssertEqual(card.placements.map(\.partnerName), ["ASBL Le Pont", "Épicerie sociale Flagey", "Commune d'Ixelles"])
        XCTAssertEqual(card.placements.last?.monthlyFeeCents, 40_000)
        XCTAssertEqual(card.placements.last?.hoursPerWeek, 30)
        XCTAssertEqual(card.placements.last?.partnerKind, .commune)
        XCTAssertEqual(card.events.map(\.kind), [.earlyEnd, .contractStart, .reassignment])
        XCTAssertEqual(card.person.firstName, "Noël")
    }

    func testTheProgressIsThatOfTheCurrentContractUnderItsPolicyAndAgeBand() throws {
        let database = try ReplicaFixture.make()
        try ReadFixture.addArt60(to: database)
        let card = try XCTUnwrap(database.art60Card(dossierID: "dos-3", asOf: asOf, rules: ReplicaFixture.rules))
        let progress = try XCTUnwrap(card.progress)
        XCTAssertNil(card.progressProblem)
        // Born 1978, 47 when the contract is planned to end (20 May 2026), after the 2026 reform:
        // 312 days in 36 months (not the 468 of the old band), reached on the 260th weekday
        // from 6 January 2025, Friday 2 January 2026.
        XCTAssertEqual(progress.targetDays, 312)
        XCTAssertEqual(progress.policyID, "reform-2026")
        XCTAssertGreaterThan(progress.qualifyingDays, 312)
        XCTAssertTrue(progress.isReached)
        XCTAssertEqual(progress.projectedTargetDate, ReadFixture.date("2026-01-02"))
        XCTAssertEqual(progress.windowEnd, ReadFixture.date("2028-01-05"))
    }

    func testUnjustifiedDaysPastTheYearlyCapPushTheProjectedDateBackByAsManyWorkingDays() throws {
        let database = try ReplicaFixture.make()
        try ReadFixture.addArt60(to: database)
        let rules = ReplicaFixture.rules
        func projected() throws -> LocalDate {
            let card = try XCTUnwrap(database.art60Card(dossierID: "dos-3", asOf: asOf, rules: rules))
            return try XCTUnwrap(card.progress?.projectedTargetDate)
        }
        let without = try projected()
        // Before the 2026 reform, ten unjustified days in a year still count (the cap is 10
        // unpaid days a year)…
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("u-10", dossier: "dos-3", type: "unjustified", from: "2025-03-10", to: "2025-03-21"),
        ])
        XCTAssertEqual(try projected(), without)
        // …three more do not: the worker needs three more working days.
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("u-3", dossier: "dos-3", type: "unjustified", from: "2025-04-07", to: "2025-04-09"),
        ])
        let later = try projected()
        let holidays = try rules.holidayCalendar(for: Employer(code: "CPAS-IXL", kind: .cpas, nameFR: "", nameNL: "",
                                                               holidayCalendarID: "", payrollCutOffDay: 20))
        let calendar = WorkCalendar(holidays: holidays, schedule: .fullTime)
        XCTAssertEqual(calendar.workingDays(from: without.adding(days: 1), to: later), 3, "\(without) → \(later)")
    }

    func testADossierWithoutContractHasNoArticle60Tab() throws {
        let database = try ReplicaFixture.make()
        try ReadFixture.addArt60(to: database)
        XCTAssertNil(try database.art60Card(dossierID: "dos-1", asOf: asOf, rules: ReplicaFixture.rules))
        XCTAssertNil(try database.art60Card(dossierID: "dos-404", asOf: asOf, rules: ReplicaFixture.rules))
    }

    func testPartnersShowTheirRunningPlacementsAndFeesByName() throws {
        let database = try ReplicaFixture.make()
        try ReadFixture.addArt60(to: database)
        let partners = try database.partnerSummaries(employerCode: "CPAS-IXL", asOf: asOf)
        XCTAssertEqual(partners.map(\.partner.name), ["ASBL Le Pont", "Commune d'Ixelles", "Épicerie sociale Flagey"])
        XCTAssertEqual(partners.map(\.activePlacements), [0, 2, 0])
        XCTAssertEqual(partners.map(\.monthlyFeesCents), [0, 50_000, 0])
        XCTAssertEqual(partners.map(\.partner.kind), [.nonProfit, .commune, .socialEconomy])
        let inMay2025 = try database.partnerSummaries(employerCode: nil, asOf: ReadFixture.date("2025-05-05"))
        XCTAssertEqual(inMay2025.map(\.activePlacements), [0, 1, 1])
        XCTAssertEqual(try database.partnerSummaries(employerCode: "AC-IXL", asOf: asOf), [])
    }

    /// Fees a server sent past their range (Int.max twice for one partner) neither fail the
    /// partners list nor overflow its sum: each counts at the largest fee a placement can have.
    func testFeesPastTheirRangeCountAtTheirBound() throws {
        let database = try ReplicaFixture.make()
        try ReadFixture.addArt60(to: database)
        var batch = MirrorBatch()
        batch.placements = ["pl-x1", "pl-x2"].map { id in
            MirrorRow(Placement(id: id, contractID: "c-7", partnerID: "pa-3", start: ReadFixture.date("2024-01-15"),
                                agreementSignedOn: ReadFixture.date("2024-01-10"), monthlyFeeCents: Int.max),
                      employerCode: "CPAS-IXL", version: 2)
        }
        try database.applyPulled(batch)
        let partners = try database.partnerSummaries(employerCode: "CPAS-IXL", asOf: asOf)
        XCTAssertEqual(partners.map(\.monthlyFeesCents), [2 * Placement.monthlyFeeCentsRange.upperBound, 50_000, 0])
    }
}
