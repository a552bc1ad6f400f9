@testable import FicheDomain
import XCTest

/// Shared test data: the bundled rules, a Brussels commune and CPAS, a few users.
enum Fixtures {
    static func date(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> LocalDate {
        do { return try LocalDate.parse(text) } catch {
            XCTFail("bad test date \(text)", file: file, line: line)
            return LocalDate(dayNumber: 0)
        }
    }

    static let rules: RuleBook = {
        do { return try RuleBook.bundled() } catch {
            XCTFail("bundled rules do not load: \(error)")
            return try! RuleBook(texts: [:])
        }
    }()

    static let commune = Employer(code: "AC-IXL", kind: .commune, nameFR: "Commune d'Ixelles",
                                  nameNL: "Gemeente Elsene", holidayCalendarID: "brussels-local", payrollCutOffDay: 20)
    static let cpas = Employer(code: "CPAS-IXL", kind: .cpas, nameFR: "CPAS d'Ixelles", nameNL: "OCMW Elsene",
                               holidayCalendarID: "", payrollCutOffDay: 15)

    static var brussels: HolidayCalendar { try! rules.holidayCalendar(for: commune) }

    static let clerk = User(id: "u-clerk", login: "mdupont", displayName: "Marie Dupont", language: .fr,
                            personID: "p-clerk")
    static let supervisor = User(id: "u-sup", login: "jvandenbossche", displayName: "Jan Van den Bossche",
                                 language: .nl, personID: "p-sup")

    static func dossier(_ id: String = "d1", person: String = "p-worker", category: StaffCategory = .contractual,
                        employer: String = "AC-IXL") -> Dossier {
        Dossier(id: id, employerCode: employer, number: "N-\(id)", personID: person, category: category,
                startDate: date("2020-01-01"))
    }

    static func absence(_ id: String, _ type: String, _ from: String, _ to: String? = nil, part: DayPart = .full,
                        dossier: String = "d1", status: TimeRecordStatus = .draft, certificate: Bool = false) -> TimeRecord {
        var record = TimeRecord.absence(id: id, employerCode: "AC-IXL", dossierID: dossier, type: type,
                                        from: date(from), to: date(to ?? from), part: part,
                                        certificateReceived: certificate, enteredBy: clerk.id)
        record.status = status
        return record
    }
}
