@testable import FicheReplica
import FicheDomain
import XCTest

final class WorkloadTests: XCTestCase {
    private func addDossier(_ database: AppDatabase, id: String, serial: Int, clerk: String?, status: DossierStatus) throws {
        var batch = MirrorBatch()
        let person = Person(id: "per-\(id)", niss: try NISS(NISS.digits(year: 1991, month: 5, day: 6, serial: serial)),
                            lastName: "Peeters", firstName: id, birthDate: ReplicaFixture.date("1991-05-06"),
                            sex: .female, language: .nl)
        batch.persons = [MirrorRow(person, employerCode: "AC-IXL", version: 1)]
        batch.dossiers = [MirrorRow(Dossier(id: id, employerCode: "AC-IXL", number: "AC-9\(serial)", personID: person.id,
                                            status: status, category: .contractual, payrollClerkID: clerk,
                                            startDate: ReplicaFixture.date("2021-01-01")),
                                    employerCode: "AC-IXL", version: 1)]
        try database.applyPulled(batch)
    }

    func testDossiersAreCountedPerEmployerAndClerkWithTheUnassignedLast() throws {
        let database = try ReplicaFixture.make()
        try addDossier(database, id: "dos-free", serial: 200, clerk: nil, status: .active)
        try addDossier(database, id: "dos-gone", serial: 202, clerk: "u-clerk", status: .left)
        let rows = try database.workload()
        XCTAssertEqual(rows, [
            WorkloadRow(employerCode: "AC-IXL", payrollClerkID: "u-clerk", payrollClerkName: "Dubois, C.", dossiers: 2),
            WorkloadRow(employerCode: "AC-IXL", payrollClerkID: "u-time", payrollClerkName: "Peeters, A.", dossiers: 1),
            WorkloadRow(employerCode: "AC-IXL", payrollClerkID: nil, payrollClerkName: nil, dossiers: 1),
            WorkloadRow(employerCode: "CPAS-IXL", payrollClerkID: "u-clerk", payrollClerkName: "Dubois, C.", dossiers: 1),
            WorkloadRow(employerCode: "CPAS-IXL", payrollClerkID: "u-time", payrollClerkName: "Peeters, A.", dossiers: 2),
        ])
        XCTAssertEqual(try database.workload(activeOnly: false).first?.dossiers, 3)
    }

    func testAReassignmentShowsInTheWorkloadBeforeItIsSent() throws {
        let database = try ReplicaFixture.make()
        let supervisor = User(id: "u-lead", login: "lead", displayName: "Janssens, M.", language: .nl)
        var batch = MirrorBatch()
        batch.users = [MirrorRow(supervisor, employerCode: "AC-IXL", version: 1)]
        batch.grants = [MirrorRow(Grant(id: "g-lead", userID: "u-lead", employerCode: "AC-IXL", role: .supervisor),
                                  employerCode: "AC-IXL", version: 1)]
        try database.applyPulled(batch)
        try database.updateDossierField("dos-2", .payrollClerk, to: "u-time", by: supervisor)
        let ac = try database.workload().filter { $0.employerCode == "AC-IXL" }
        XCTAssertEqual(ac.map(\.dossiers), [1, 2])
    }

    func testReassignmentTargetsAreTheEmployersPayrollClerks() throws {
        let database = try ReplicaFixture.make()
        XCTAssertEqual(try database.payrollClerks(employerCode: "AC-IXL").map(\.id), ["u-clerk"])
        XCTAssertEqual(try database.users(employerCode: "AC-IXL").map(\.displayName), ["Claes, E.", "Dubois, C.", "Peeters, A."])
        XCTAssertEqual(try database.users(employerCode: "CPAS-IXL").map(\.id), ["u-clerk"])
        var batch = MirrorBatch()
        batch.grants = [MirrorRow(Grant(id: "g9", userID: "u-time", employerCode: "AC-IXL", role: .payrollClerk,
                                        validFrom: ReplicaFixture.date("2027-01-01")), employerCode: "AC-IXL", version: 1)]
        try database.applyPulled(batch)
        XCTAssertEqual(try database.payrollClerks(employerCode: "AC-IXL").map(\.id), ["u-clerk", "u-time"])
        XCTAssertEqual(try database.payrollClerks(employerCode: "AC-IXL", on: ReplicaFixture.date("2026-12-01")).map(\.id),
                       ["u-clerk"])
    }

    func testEmployersAndTheirPayrollMonthsForFilters() throws {
        let database = try ReplicaFixture.make()
        var batch = MirrorBatch()
        batch.payrollMonths = [
            MirrorRow(PayrollMonth(employerCode: "AC-IXL", month: try YearMonth.parse("2026-10"), status: .open),
                      employerCode: "AC-IXL", version: 1),
        ]
        try database.applyPulled(batch)
        let employers = try database.employers()
        XCTAssertEqual(employers.map(\.code), ["AC-IXL", "CPAS-IXL"])
        XCTAssertEqual(employers.map(\.kind), [.commune, .cpas])
        XCTAssertEqual(employers.last?.name(in: .nl), "OCMW Elsene")
        let months = try database.payrollMonths(employerCode: "AC-IXL")
        XCTAssertEqual(months.map(\.month.description), ["2026-10", "2026-09"])
        XCTAssertEqual(months.map(\.status), [.open, .closed])
        XCTAssertEqual(try database.payrollMonths(employerCode: "CPAS-IXL"), [])
    }
}
