@testable import FicheReplica
import FicheDomain
import XCTest

final class PayrollExportTests: XCTestCase {
    private let october = YearMonth(year: 2026, month: 10)!

    private func addLeaver(_ database: AppDatabase, id: String, serial: Int, end: String) throws {
        var batch = MirrorBatch()
        let person = Person(id: "per-\(id)", niss: try NISS(NISS.digits(year: 1975, month: 4, day: 3, serial: serial)),
                            lastName: "Claes", firstName: id, birthDate: ReplicaFixture.date("1975-04-03"),
                            sex: .female, language: .nl)
        batch.persons = [MirrorRow(person, employerCode: "AC-IXL", version: 1)]
        batch.dossiers = [MirrorRow(Dossier(id: id, employerCode: "AC-IXL", number: "AC-8\(serial)", personID: person.id,
                                            status: .left, category: .contractual, payrollClerkID: "u-clerk",
                                            startDate: ReplicaFixture.date("2015-01-01"), endDate: ReplicaFixture.date(end)),
                                    employerCode: "AC-IXL", version: 1)]
        try database.applyPulled(batch)
    }

    func testEachDossierEmployedInTheMonthGetsItsValidatedFigures() throws {
        let database = try ReplicaFixture.make()
        try addLeaver(database, id: "dos-gone", serial: 300, end: "2026-08-31")
        try addLeaver(database, id: "dos-leaving", serial: 302, end: "2026-10-15")
        var batch = MirrorBatch()
        batch.careerPeriods = [
            MirrorRow(CareerPeriod(id: "cp-1", dossierID: "dos-1", start: ReplicaFixture.date("2020-01-01"), grade: "B1",
                                   scale: "B1", regime: .fullTime, schedule: .fullTime, category: .statutory),
                      employerCode: "AC-IXL", version: 1),
        ]
        try database.applyPulled(batch)
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("leave", dossier: "dos-2", type: "annual_leave", from: "2026-10-05", to: "2026-10-09"),
            ReadFixture.absence("waiting", dossier: "dos-5", type: "annual_leave", from: "2026-10-12", status: .submitted),
            ReadFixture.absence("other-month", dossier: "dos-5", type: "sick", from: "2026-11-02", to: "2026-11-03"),
        ])
        // September is closed: a late leave of 14 September is booked in October.
        var late = TimeRecord.absence(id: "late", employerCode: "AC-IXL", dossierID: "dos-1", type: "annual_leave",
                                      from: ReplicaFixture.date("2026-09-14"), to: ReplicaFixture.date("2026-09-14"),
                                      enteredBy: "u-time")
        late.status = .validated
        late.correctionMonth = october
        try ReadFixture.apply(database, records: [MirrorRow(late, employerCode: "AC-IXL", version: 1)])
        let lines = try database.payrollExport(employerCode: "AC-IXL", month: october, rules: ReplicaFixture.rules)
        XCTAssertEqual(lines.first?.variables.corrections, ["2026-09": ["late"]])
        XCTAssertEqual(lines.map(\.dossierNumber), ["AC-000121", "AC-000122", "AC-000125", "AC-8302"])
        XCTAssertEqual(lines.map(\.lastName), ["Van den Bossche", "Vandenbroucke", "El Amrani", "Claes"])
        // October 2026 has 22 working days and no public holiday.
        XCTAssertEqual(lines.prefix(3).map(\.variables.scheduledDays), [22, 22, 22])
        XCTAssertEqual(lines.prefix(3).map(\.variables.workedDays), [22, 17, 22])
        XCTAssertEqual(lines[1].variables.paidAbsenceDays["annual_leave"], 5)
        XCTAssertNil(lines[2].variables.paidAbsenceDays["annual_leave"], "a submitted record is not paid yet")
        XCTAssertEqual(lines[2].variables.sicknessDays, 0)
        XCTAssertEqual(lines[0].variables.regimes.map(\.grade), ["B1"])
        XCTAssertEqual(lines[0].variables.month, october)
        XCTAssertEqual(try database.payrollExport(employerCode: "CPAS-IXL", month: october, rules: ReplicaFixture.rules).count, 3)
        XCTAssertThrowsError(try database.payrollExport(employerCode: "XX", month: october, rules: ReplicaFixture.rules))
    }

    /// Who pays in November 2026 (2, 3 and 11 November are holidays, 3 replacing All Saints on
    /// a Sunday), each dossier by its category: the export reads the October sickness that ended
    /// before the month, so the relapse of 4 November continues its guaranteed period.
    func testEachDayIsCountedByWhoPaysItWithTheSicknessOfTheMonthBefore() throws {
        let database = try ReplicaFixture.make()
        try ReadFixture.apply(database, records: [
            // dos-2, contractual: 12 days in October, ill again 12 days later: 18 guaranteed days left.
            ReadFixture.absence("oct", dossier: "dos-2", type: "sick", from: "2026-10-12", to: "2026-10-23"),
            ReadFixture.absence("nov", dossier: "dos-2", type: "sick", from: "2026-11-04", to: "2026-11-30"),
            // dos-5, subsidised contractual: sick since 1 October, the guaranteed month ended on 30 October.
            ReadFixture.absence("long", dossier: "dos-5", type: "sick", from: "2026-10-01", to: "2026-11-30"),
            // dos-1, statutory: maternity is paid by the employer.
            ReadFixture.absence("mat", dossier: "dos-1", type: "maternity", from: "2026-11-02", to: "2026-11-30"),
        ])
        let november = YearMonth(year: 2026, month: 11)!
        let lines = try database.payrollExport(employerCode: "AC-IXL", month: november, rules: ReplicaFixture.rules)
        let byDossier = Dictionary(uniqueKeysWithValues: lines.map { ($0.dossierID, $0.variables) })
        let relapse = try XCTUnwrap(byDossier["dos-2"])
        XCTAssertEqual(relapse.paidAbsenceDays, ["sick": 12, "public_holiday": 3])
        XCTAssertEqual(relapse.guaranteedSalaryDays, 12)
        XCTAssertEqual(relapse.mutualityAbsenceDays, ["sick": 6])
        XCTAssertEqual(relapse.incapacityStarts.map(\.iso), ["2026-11-04"])
        let long = try XCTUnwrap(byDossier["dos-5"])
        XCTAssertEqual(long.paidAbsenceDays, [:])
        XCTAssertEqual(long.mutualitySickDays, 21)
        XCTAssertEqual(long.incapacityStarts.map(\.iso), ["2026-10-01"])
        let maternity = try XCTUnwrap(byDossier["dos-1"])
        XCTAssertEqual(maternity.paidAbsenceDays, ["maternity": 18, "public_holiday": 3])
        XCTAssertEqual(maternity.mutualityAbsenceDays, [:])
    }

    /// A statutory worker's sick days of the whole career use the capital: dos-1, in service
    /// since 2020 (126 days from 2026), was sick from January to July 2025, over a year before
    /// October 2026, and used the 105 days of 2025; 21 are left, so the 22nd sick day of
    /// October is paid the waiting allowance. A contract worker's birth leave begun in September
    /// has had its 3 employer days: October's days are the mutuality's.
    func testTheCapitalCountsTheWholeCareerAndABirthTheDaysBeforeTheMonth() throws {
        let database = try ReplicaFixture.make()
        var batch = MirrorBatch()
        batch.careerPeriods = [
            MirrorRow(CareerPeriod(id: "cp-1", dossierID: "dos-1", start: ReplicaFixture.date("2020-01-01"), grade: "B1",
                                   scale: "B1", regime: .fullTime, schedule: .fullTime, category: .statutory),
                      employerCode: "AC-IXL", version: 1),
        ]
        try database.applyPulled(batch)
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("old", dossier: "dos-1", type: "sick", from: "2025-01-06", to: "2025-07-25"),
            ReadFixture.absence("now", dossier: "dos-1", type: "sick", from: "2026-10-01", to: "2026-10-30"),
            ReadFixture.absence("birth-sep", dossier: "dos-2", type: "birth_leave", from: "2026-09-28", to: "2026-09-30"),
            ReadFixture.absence("birth-oct", dossier: "dos-2", type: "birth_leave", from: "2026-10-01", to: "2026-10-02"),
        ])
        let lines = try database.payrollExport(employerCode: "AC-IXL", month: october, rules: ReplicaFixture.rules)
        let byDossier = Dictionary(uniqueKeysWithValues: lines.map { ($0.dossierID, $0.variables) })
        let statutory = try XCTUnwrap(byDossier["dos-1"])
        XCTAssertEqual(statutory.paidAbsenceDays, ["sick": 21])
        XCTAssertEqual(statutory.waitingAllowanceDays, ["sick": 1])
        XCTAssertEqual(statutory.availabilitySickDays, 1)
        XCTAssertEqual(statutory.sicknessDays, 22)
        let birth = try XCTUnwrap(byDossier["dos-2"])
        XCTAssertEqual(birth.paidAbsenceDays, [:])
        XCTAssertEqual(birth.mutualityAbsenceDays, ["birth_leave": 2])
    }

    func testThousandsOfDossiersAreReadInBatchesWithoutLosingAnyRecord() throws {
        let database = try ReplicaFixture.make()
        var batch = MirrorBatch()
        let count = BatchedReads.chunkSize + 120
        for index in 0..<count {
            let person = Person(id: "per-b\(index)", niss: try NISS(NISS.digits(year: 1985, month: 6, day: 7, serial: index + 1)),
                                lastName: "Janssens", firstName: "N\(index)", birthDate: ReplicaFixture.date("1985-06-07"),
                                sex: index % 2 == 0 ? .male : .female, language: .nl)
            batch.persons.append(MirrorRow(person, employerCode: "AC-IXL", version: 1))
            batch.dossiers.append(MirrorRow(Dossier(id: "dos-b\(index)", employerCode: "AC-IXL",
                                                    number: String(format: "AC-5%04d", index), personID: person.id,
                                                    category: .contractual, startDate: ReplicaFixture.date("2020-01-01")),
                                            employerCode: "AC-IXL", version: 1))
            batch.timeRecords.append(ReadFixture.absence("b\(index)", dossier: "dos-b\(index)", type: "annual_leave",
                                                         from: "2026-10-05"))
        }
        try database.applyPulled(batch)
        let lines = try database.payrollExport(employerCode: "AC-IXL", month: october, rules: ReplicaFixture.rules)
        let batched = lines.filter { $0.dossierID.hasPrefix("dos-b") }
        XCTAssertEqual(batched.count, count)
        XCTAssertTrue(batched.allSatisfy { $0.variables.paidAbsenceDays["annual_leave"] == 1 && $0.variables.workedDays == 21 })
    }
}
