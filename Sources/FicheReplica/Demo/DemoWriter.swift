import FicheDemo
import FicheDomain
import GRDB
import GRDBSQLite

/// Writes what `DemoWorld` generates into the mirror tables, as if pulled from the server.
///
/// Kept apart so the generator reads as a description of the demo; this type is about
/// writing millions of rows quickly (one prepared statement per table, dates pre-formatted).
struct DemoWriter: DemoSink {
    private let db: Database
    private let calendar: DemoCalendar
    private let employer: Statement
    private let payrollMonth: Statement
    private let user: Statement
    private let grant: Statement
    private let person: Statement
    private let dossier: Statement
    private let career: Statement
    private let partner: Statement
    private let contract: Statement
    private let placement: Statement
    private let event: Statement
    private let timeRecord: Statement
    /// The JSON of each schedule written so far, by regime (thousandths).
    private var schedules: [Int: String] = [:]

    init(_ db: Database, calendar: DemoCalendar) throws {
        self.db = db
        self.calendar = calendar
        employer = try db.makeStatement(sql: """
            INSERT INTO employer (code, kind, name_fr, name_nl, holiday_calendar_id, payroll_cut_off_day, version)
            VALUES (?, ?, ?, ?, ?, ?, 1)
            """)
        payrollMonth = try db.makeStatement(sql: "INSERT INTO payroll_month (employer_code, month, status, version) VALUES (?, ?, ?, 1)")
        user = try db.makeStatement(sql: """
            INSERT INTO app_user (id, employer_code, login, display_name, language, person_id, active, version)
            VALUES (?, ?, ?, ?, ?, NULL, 1, 1)
            """)
        grant = try db.makeStatement(sql: """
            INSERT INTO user_grant (id, user_id, employer_code, role, valid_from, valid_to, version)
            VALUES (?, ?, ?, ?, NULL, NULL, 1)
            """)
        person = try db.makeStatement(sql: """
            INSERT INTO person (id, employer_code, niss, last_name, first_name, birth_date, sex, language, address, iban, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """)
        dossier = try db.makeStatement(sql: """
            INSERT INTO dossier (id, employer_code, number, person_id, status, category, payroll_clerk_id, time_manager_id,
                                 start_date, pay_seniority_date, end_date, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """)
        career = try db.makeStatement(sql: """
            INSERT INTO career_period (id, employer_code, dossier_id, start, "end", grade, scale, regime, schedule, category, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """)
        partner = try db.makeStatement(sql: """
            INSERT INTO partner (id, employer_code, name, kind, enterprise_number, address, contact_name, active, version)
            VALUES (?, ?, ?, ?, ?, NULL, ?, 1, 1)
            """)
        contract = try db.makeStatement(sql: """
            INSERT INTO art60_contract (id, employer_code, dossier_id, start, "end", end_reason, planned_end, regime, officer_id, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """)
        placement = try db.makeStatement(sql: """
            INSERT INTO placement (id, employer_code, contract_id, partner_id, start, "end", agreement_signed_on,
                                   monthly_fee_cents, tasks, hours_per_week, supervisor_name, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """)
        event = try db.makeStatement(sql: """
            INSERT INTO art60_event (id, employer_code, contract_id, date, kind, placement_id, note, recorded_by, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
            """)
        timeRecord = try db.makeStatement(sql: """
            INSERT INTO time_record (id, employer_code, dossier_id, kind, type_code, start, "end", day_part, start_minute,
                                     end_minute, minutes, certificate_received, status, entered_by, reviewed_by,
                                     rejection_reason, correction_month, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 1)
            """)
    }

    func employer(_ employer: Employer) throws {
        try self.employer.execute(arguments: [employer.code, employer.kind.rawValue, employer.nameFR, employer.nameNL,
                                              employer.holidayCalendarID, employer.payrollCutOffDay])
    }

    func payrollMonth(_ month: PayrollMonth) throws {
        try payrollMonth.execute(arguments: [month.employerCode, month.month.description, month.status.rawValue])
    }

    func user(_ user: User, employerCode: String) throws {
        try self.user.execute(arguments: [user.id, employerCode, user.login, user.displayName, user.language.rawValue])
    }

    func grant(_ grant: Grant) throws {
        try self.grant.execute(arguments: [grant.id, grant.userID, grant.employerCode, grant.role.rawValue])
    }

    func partner(_ partner: Partner) throws {
        try self.partner.execute(arguments: [partner.id, partner.employerCode, partner.name, partner.kind.rawValue,
                                             partner.enterpriseNumber, partner.contactName])
    }

    mutating func dossier(_ dossier: Dossier, person: Person, career: CareerPeriod) throws {
        let employer = dossier.employerCode
        try self.person.execute(arguments: [person.id, employer, person.niss?.digits ?? person.maskedNISS ?? "", person.lastName, person.firstName,
                                            person.birthDate.iso, person.sex.rawValue, person.language.rawValue,
                                            JSONColumn.encode(person.address), person.iban?.compact])
        let start = dossier.startDate.iso
        try self.dossier.execute(arguments: [dossier.id, employer, dossier.number, dossier.personID, dossier.status.rawValue,
                                             dossier.category.rawValue, dossier.payrollClerkID, dossier.timeManagerID,
                                             start, dossier.paySeniorityDate?.iso, dossier.endDate.map(calendar.iso)])
        let regime = career.regime.thousandths
        if schedules[regime] == nil { schedules[regime] = JSONColumn.encode(career.schedule) ?? "[]" }
        try self.career.execute(arguments: [career.id, employer, career.dossierID, career.start.iso, career.end?.iso,
                                            career.grade, career.scale, regime, schedules[regime], career.category.rawValue])
    }

    func art60(_ contract: Art60Contract, placement: Placement, events: [Art60Event]) throws {
        let employer = contract.employerCode
        try self.contract.execute(arguments: [contract.id, employer, contract.dossierID, contract.start.iso,
                                              contract.end?.iso, contract.endReason?.rawValue, contract.plannedEnd?.iso,
                                              contract.regime.thousandths, contract.officerID])
        try self.placement.execute(arguments: [placement.id, employer, placement.contractID, placement.partnerID,
                                               placement.start.iso, placement.end?.iso, placement.agreementSignedOn?.iso,
                                               placement.monthlyFeeCents, placement.tasks, placement.hoursPerWeek,
                                               placement.supervisorName])
        for event in events {
            try self.event.execute(arguments: [event.id, employer, event.contractID, event.date.iso, event.kind.rawValue,
                                               event.placementID, event.note, event.recordedBy])
        }
    }

    func timeRecord(_ record: TimeRecord) throws {
        // Millions of rows: bound through the C API (`RawStatement`).
        try RawStatement.execute(timeRecord, [
            .text(record.id), .text(record.employerCode), .text(record.dossierID), .text(record.kind.rawValue),
            .text(record.typeCode), .text(calendar.iso(record.start)), .text(calendar.iso(record.end)),
            .text(record.dayPart.rawValue), .int(record.startMinute.map(Int64.init)), .int(record.endMinute.map(Int64.init)),
            .int(record.minutes.map(Int64.init)), .int(record.certificateReceived ? 1 : 0), .text(record.status.rawValue),
            .text(record.enteredBy), .text(record.reviewedBy),
        ], in: db)
    }
}
