@testable import FicheReplica
import FicheDomain
import Foundation
import GRDB
import XCTest

/// The art. 60 projections kept between openings of the watch: an unchanged worker's projection
/// is read back, and every change to what a projection reads is seen at the next opening, so
/// the watch always shows what the worker's art. 60 tab works out afresh.
final class Art60ProjectionStoreTests: XCTestCase {
    let rules = ReplicaFixture.rules
    let day = ReadFixture.date("2026-02-02")

    /// The fixture's two running contracts (c-3 of dos-3, c-7 of dos-7), opened once.
    private func opened() throws -> AppDatabase {
        let database = try ReplicaFixture.make()
        try ReadFixture.addArt60(to: database)
        _ = try database.art60Overview(employerCode: "CPAS-IXL", asOf: day, rules: rules)
        return database
    }

    private func overview(_ database: AppDatabase) throws -> [String: Art60Progress] {
        var result: [String: Art60Progress] = [:]
        for item in try database.art60Overview(employerCode: "CPAS-IXL", asOf: day, rules: rules) {
            result[item.contract.id] = item.progress
        }
        return result
    }

    /// What the dossier's art. 60 tab shows, worked out from the replica without any stored projection.
    private func tab(_ database: AppDatabase, _ dossierID: String) throws -> Art60Progress? {
        try database.art60Card(dossierID: dossierID, asOf: day, rules: rules)?.progress
    }

    /// Overwrites every stored projection with one whose qualifying days are `marker`: a
    /// projection read back shows it, one worked out again does not.
    private func markStored(_ database: AppDatabase, _ marker: Double) throws {
        try database.writer.write { db in
            try db.execute(sql: "UPDATE art60_projection SET qualifying_days = ?", arguments: [marker])
        }
    }

    private func count(_ database: AppDatabase, _ table: String) throws -> Int {
        try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }

    func testAnUnchangedWorkersProjectionIsReadBackAndAnAbsenceEnteredIsCountedAtTheNextOpening() throws {
        let database = try opened()
        XCTAssertEqual(try count(database, "art60_projection"), 2, "both running contracts are kept")
        let fresh = try overview(database)
        XCTAssertEqual(fresh["c-3"], try tab(database, "dos-3"))
        XCTAssertEqual(fresh["c-7"], try tab(database, "dos-7"))

        try markStored(database, 1.5)
        XCTAssertEqual(try overview(database).mapValues(\.qualifyingDays), ["c-3": 1.5, "c-7": 1.5],
                       "nothing changed: both are read back")

        // An unjustified day in January for Inès (dos-7), pulled from the server.
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("u-7", dossier: "dos-7", type: "unjustified", from: "2026-01-13"),
        ])
        let after = try overview(database)
        XCTAssertEqual(after["c-3"]?.qualifyingDays, 1.5, "Noël's projection did not change and is read back")
        XCTAssertEqual(after["c-7"], try tab(database, "dos-7"), "Inès's is worked out again")
        XCTAssertNotEqual(after["c-7"], fresh["c-7"], "the unjustified day moved her count")
        let readBack = try overview(database)["c-7"]
        XCTAssertEqual(readBack, try tab(database, "dos-7"), "read back exactly as it was worked out")

        // A time-credit day does not count: it is listed among the days lost, and read back with them.
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("t-7", dossier: "dos-7", type: "time_credit", from: "2026-01-20"),
        ])
        _ = try overview(database)
        let withLostDay = try overview(database)["c-7"]
        XCTAssertEqual(withLostDay?.notCounted.map(\.typeCode), ["time_credit"])
        XCTAssertEqual(withLostDay, try tab(database, "dos-7"))
    }

    /// Each kind of change a projection reads, made as the replica receives it (a pull, an entry
    /// of the clerk), gives the changed worker the tab's figures at the next opening, and leaves
    /// the other worker's projection as it was kept.
    func testEveryInputOfAProjectionMarksItsWorkerWhoeverWritesIt() throws {
        let database = try opened()
        var grant = MirrorBatch()
        grant.grants = [MirrorRow(Grant(id: "g-cpas-time", userID: "u-time", employerCode: "CPAS-IXL", role: .timeManager),
                                  employerCode: "CPAS-IXL", version: 1)]
        try database.applyPulled(grant)
        let birth = ReadFixture.date("1978-11-15")
        let person = Person(id: "per-3", niss: try NISS(NISS.digits(year: 1978, month: 11, day: 15, serial: 123)),
                            lastName: "Van der Linden", firstName: "Noël", birthDate: birth, sex: .male, language: .fr)
        var entered: OutboxEntry?
        let changes: [(String, () throws -> Void)] = [
            ("an absence entered on the replica", {
                entered = try database.recordAbsence(
                    .absence(id: "new-3", employerCode: "CPAS-IXL", dossierID: "dos-3", type: "unjustified",
                             from: ReadFixture.date("2026-01-14"), to: ReadFixture.date("2026-01-15"), enteredBy: "u-time"),
                    by: ReplicaFixture.timeManager, rules: self.rules, now: ReadFixture.noon(self.day))
            }),
            ("that absence deleted by whoever entered it", {
                _ = try database.deleteTimeRecord(try XCTUnwrap(entered?.targetID), by: ReplicaFixture.timeManager,
                                                  now: ReadFixture.noon(self.day))
            }),
            ("an absence pulled", {
                try ReadFixture.apply(database, records: [
                    ReadFixture.absence("s-3", dossier: "dos-3", type: "unjustified", from: "2026-01-20", to: "2026-01-22"),
                ])
            }),
            ("that absence refused on the server", {
                try ReadFixture.apply(database, records: [
                    ReadFixture.absence("s-3", dossier: "dos-3", type: "unjustified", from: "2026-01-20", to: "2026-01-22",
                                        status: .rejected),
                ].map { row in var row = row; row.version = 2; return row })
            }),
            // Ending before the 2026 reform, Noël (47) falls under the older policy's 468 days.
            ("the contract's planned end moved", {
                var batch = MirrorBatch()
                batch.art60Contracts = [MirrorRow(
                    Art60Contract(id: "c-3", employerCode: "CPAS-IXL", dossierID: "dos-3", start: ReadFixture.date("2025-01-06"),
                                  plannedEnd: ReadFixture.date("2026-02-20")),
                    employerCode: "CPAS-IXL", version: 2)]
                try database.applyPulled(batch)
            }),
            ("a part-time career period", {
                var batch = MirrorBatch()
                batch.careerPeriods = [MirrorRow(
                    CareerPeriod(id: "cp-3", dossierID: "dos-3", start: ReadFixture.date("2025-01-06"), grade: "E1", scale: "E1",
                                 regime: try RegimeFraction(thousandths: 500), schedule: try WorkSchedule.usual(for: RegimeFraction(thousandths: 500)),
                                 category: .art60),
                    employerCode: "CPAS-IXL", version: 1)]
                try database.applyPulled(batch)
            }),
            // Born in 1970, 55 when the contract ends: 624 days.
            ("a corrected birth date", {
                var corrected = person
                corrected.birthDate = ReadFixture.date("1970-11-15")
                var batch = MirrorBatch()
                batch.persons = [MirrorRow(corrected, employerCode: "CPAS-IXL", version: 5)]
                try database.applyPulled(batch)
            }),
        ]
        for (change, make) in changes {
            let before = try overview(database)["c-3"]
            try markStored(database, -1)
            try make()
            let after = try overview(database)
            XCTAssertEqual(after["c-3"], try tab(database, "dos-3"), "after \(change), Noël's watch line is the tab's")
            XCTAssertNotEqual(after["c-3"], before, "\(change) changes Noël's figures")
            XCTAssertEqual(after["c-7"]?.qualifyingDays, -1, "after \(change), Inès's projection is read back")
        }
    }

    func testAnEmployersHolidayCalendarChangedWorksEveryProjectionOutAgain() throws {
        let database = try opened()
        try markStored(database, -1)
        var batch = MirrorBatch()
        batch.employers = [MirrorRow(Employer(code: "CPAS-IXL", kind: .cpas, nameFR: "CPAS d'Ixelles", nameNL: "OCMW Elsene",
                                              holidayCalendarID: "be-legal", payrollCutOffDay: 20),
                                     employerCode: "CPAS-IXL", version: 2)]
        try database.applyPulled(batch)
        let after = try overview(database)
        XCTAssertEqual(after["c-3"], try tab(database, "dos-3"))
        XCTAssertEqual(after["c-7"], try tab(database, "dos-7"))
        XCTAssertNotEqual(after["c-7"]?.qualifyingDays, -1)
    }

    func testAnotherDayOrOtherRulesWorkTheProjectionsOutAgain() throws {
        let database = try opened()
        try markStored(database, -1)
        let nextDay = day.adding(days: 1)
        let tomorrow = try database.art60Overview(employerCode: "CPAS-IXL", asOf: nextDay, rules: rules)
        XCTAssertEqual(tomorrow.first { $0.contract.id == "c-7" }?.progress,
                       try database.art60Card(dossierID: "dos-7", asOf: nextDay, rules: rules)?.progress)

        let reform = try rules.replacing(.art60Policies, with: try XCTUnwrap(rules.texts[.art60Policies]) + "\n# revised\n")
        try markStored(database, -1)
        let underOtherRules = try database.art60Overview(employerCode: "CPAS-IXL", asOf: nextDay, rules: reform)
        XCTAssertNotEqual(underOtherRules.first { $0.contract.id == "c-7" }?.progress?.qualifyingDays, -1,
                          "a rule file changed, even by a comment: nothing kept is used")
    }

    /// A projection whose worker changed while it was being worked out is not kept: the next
    /// opening would otherwise show figures from before the change.
    func testAProjectionWorkedOutBeforeAChangeIsNotKept() throws {
        let database = try opened()
        let basis = try database.writer.read { db in
            Art60ProjectionStore.Basis(rulesFingerprint: rules.fingerprint, asOf: day.adding(days: 7),
                                       epoch: try Art60ProjectionStore.epoch(db))
        }
        let markRead = try database.writer.read { db in try Art60ProjectionStore.marks(db, dossierIDs: ["dos-7"])["dos-7"] ?? 0 }
        let stale = try XCTUnwrap(try tab(database, "dos-7"))
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("u-7", dossier: "dos-7", type: "unjustified", from: "2026-01-13"),
        ])
        try database.writer.write { db in
            try Art60ProjectionStore.write([.init(contractID: "c-7", dossierID: "dos-7", mark: markRead, progress: stale)],
                                           basis: basis, in: db)
        }
        let kept = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT basis FROM art60_projection WHERE contract_id = 'c-7'")
        }
        XCTAssertNotEqual(kept, basis.key, "the stale projection was not written")
    }

    func testALostEmployerTakesItsProjectionsAndMarksAlong() throws {
        let database = try opened()
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("u-7", dossier: "dos-7", type: "unjustified", from: "2026-01-13"),
        ])
        XCTAssertEqual(try count(database, "art60_projection"), 2)
        XCTAssertGreaterThan(try count(database, "art60_projection_mark"), 0)
        try database.applyPulledPage([AppDatabase.SyncedChange(operation: .scopeRemoved, row: AppDatabase.SyncedRow(
            entity: "scope", id: "CPAS-IXL", employerCode: "CPAS-IXL", version: 15, fields: [:]))], cursor: 15)
        XCTAssertEqual(try count(database, "art60_projection"), 0)
        XCTAssertEqual(try count(database, "art60_projection_mark"), 0)
    }
}
