import FicheDemo
import FicheDomain
import Foundation

/// What `DemoWorld` generates, as rows of the server's tables, held until `DemoSeed` writes
/// them with `BulkInsert`. Every row gets the same version: the sequence the seed took.
struct DemoStoreRows: DemoSink, Sendable {
    /// The tables in the order they can be written (a row's references come first).
    static let tables: [(name: String, columns: [String])] = [
        ("employers", ["code", "kind", "name_fr", "name_nl", "holiday_calendar_id", "payroll_cutoff_day", "created_at"]),
        ("payroll_months", ["employer_code", "month", "status"]),
        ("users", ["id", "login", "display_name", "password_hash", "active", "created_at", "language"]),
        ("grants", ["id", "user_id", "employer_code", "role", "created_at"]),
        ("partners", ["id", "employer_code", "name", "kind", "enterprise_number", "address", "contact_name", "active",
                      "version"]),
        ("dossiers", ["id", "employer_code", "number", "niss", "last_name", "first_name", "birth_date", "sex", "language",
                      "address", "iban", "category", "grade", "regime_percent", "start_date", "status", "payroll_clerk",
                      "time_manager", "pay_seniority_date", "end_date", "version"]),
        ("career_periods", ["id", "employer_code", "dossier_id", "start_date", "end_date", "grade", "scale", "regime",
                            "schedule", "category", "version"]),
        ("art60_contracts", ["id", "employer_code", "dossier_id", "start_date", "end_date", "end_reason", "planned_end",
                             "regime", "officer_id", "version"]),
        ("placements", ["id", "employer_code", "contract_id", "partner_id", "start_date", "end_date", "agreement_signed_on",
                        "monthly_fee_cents", "tasks", "hours_per_week", "supervisor_name", "version"]),
        ("art60_events", ["id", "employer_code", "dossier_id", "contract_id", "date", "kind", "placement_id", "note",
                          "recorded_by", "version"]),
        ("time_records", ["id", "employer_code", "dossier_id", "kind", "type_code", "start_date", "end_date", "day_part",
                          "start_minute", "end_minute", "minutes", "certificate_received", "status", "entered_by",
                          "reviewed_by", "version"]),
    ]

    let calendar: DemoCalendar
    let version: Int64
    let createdAt: String
    let passwordHash: String
    /// Logins that replace the generated ones, by user id.
    let logins: [String: String]
    /// Rows waiting to be written, by table.
    private(set) var rows: [String: [[SQLValue]]] = [:]
    /// How many rows are waiting.
    private(set) var count = 0
    private var schedules: [Int: String] = [:]

    init(calendar: DemoCalendar, version: Int64, createdAt: String, passwordHash: String, logins: [String: String]) {
        self.calendar = calendar
        self.version = version
        self.createdAt = createdAt
        self.passwordHash = passwordHash
        self.logins = logins
    }

    /// Writes the waiting rows in `tx` and forgets them.
    mutating func flush(in tx: any StoreTransaction) async throws {
        for table in Self.tables {
            try await BulkInsert.insert(into: table.name, columns: table.columns, rows: rows[table.name] ?? [], in: tx)
        }
        rows = [:]
        count = 0
    }

    private mutating func add(_ table: String, _ values: [SQLValue]) {
        rows[table, default: []].append(values)
        count += 1
    }

    private static func json<T: Encodable>(_ value: T?) -> SQLValue {
        guard let value else { return .null }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // try?: JSONEncoder fails only on a NaN or infinite number; the demo's addresses and schedules hold neither.
        return (try? encoder.encode(value)).map { .text(String(decoding: $0, as: UTF8.self)) } ?? .null
    }

    private func date(_ date: LocalDate?) -> SQLValue { date.map { .text(calendar.iso($0)) } ?? .null }

    private static func number(_ value: Int?) -> SQLValue { value.map { .text(String($0)) } ?? .null }

    mutating func employer(_ employer: Employer) throws {
        add("employers", [.text(employer.code), .text(employer.kind.rawValue), .text(employer.nameFR), .text(employer.nameNL),
                          .text(employer.holidayCalendarID), .int(Int64(employer.payrollCutOffDay)), .text(createdAt)])
    }

    mutating func payrollMonth(_ month: PayrollMonth) throws {
        add("payroll_months", [.text(month.employerCode), .text(month.month.description), .text(month.status.rawValue)])
    }

    mutating func user(_ user: User, employerCode: String) throws {
        add("users", [.text(user.id), .text(logins[user.id] ?? user.login), .text(user.displayName), .text(passwordHash),
                      .int(user.active ? 1 : 0), .text(createdAt), .text(user.language.rawValue)])
    }

    mutating func grant(_ grant: Grant) throws {
        add("grants", [.text(grant.id), .text(grant.userID), .text(grant.employerCode), .text(grant.role.rawValue),
                       .text(createdAt)])
    }

    mutating func partner(_ partner: Partner) throws {
        add("partners", [.text(partner.id), .text(partner.employerCode), .text(partner.name), .text(partner.kind.rawValue),
                         .optional(partner.enterpriseNumber), Self.json(partner.address), .optional(partner.contactName),
                         .int(partner.active ? 1 : 0), .int(version)])
    }

    mutating func dossier(_ dossier: Dossier, person: Person, career: CareerPeriod) throws {
        let employer = SQLValue.text(dossier.employerCode)
        add("dossiers", [.text(dossier.id), employer, .text(dossier.number), .text(person.niss?.digits ?? ""), .text(person.lastName),
                         .text(person.firstName), date(person.birthDate), .text(person.sex.rawValue),
                         .text(person.language.rawValue), Self.json(person.address), .optional(person.iban?.compact),
                         .text(dossier.category.rawValue), .text(career.grade),
                         .text(career.regime.percentText), date(dossier.startDate),
                         .text(dossier.status.rawValue), .optional(dossier.payrollClerkID), .optional(dossier.timeManagerID),
                         date(dossier.paySeniorityDate), date(dossier.endDate), .int(version)])
        let regime = career.regime.thousandths
        if schedules[regime] == nil { schedules[regime] = Self.json(career.schedule).string }
        add("career_periods", [.text(career.id), employer, .text(career.dossierID), date(career.start), date(career.end),
                               .text(career.grade), .text(career.scale), .int(Int64(regime)),
                               .optional(schedules[regime]), .text(career.category.rawValue), .int(version)])
    }

    mutating func art60(_ contract: Art60Contract, placement: Placement, events: [Art60Event]) throws {
        let employer = SQLValue.text(contract.employerCode)
        add("art60_contracts", [.text(contract.id), employer, .text(contract.dossierID), date(contract.start),
                                date(contract.end), .optional(contract.endReason?.rawValue), date(contract.plannedEnd),
                                .int(Int64(contract.regime.thousandths)), .optional(contract.officerID), .int(version)])
        add("placements", [.text(placement.id), employer, .text(placement.contractID), .text(placement.partnerID),
                           date(placement.start), date(placement.end), date(placement.agreementSignedOn),
                           .int(Int64(placement.monthlyFeeCents)), .text(placement.tasks),
                           .text(String(placement.hoursPerWeek)), .optional(placement.supervisorName), .int(version)])
        for event in events {
            add("art60_events", [.text(event.id), employer, .text(contract.dossierID), .text(event.contractID),
                                 date(event.date), .text(event.kind.rawValue), .optional(event.placementID),
                                 .text(event.note), .text(event.recordedBy), .int(version)])
        }
    }

    mutating func timeRecord(_ record: TimeRecord) throws {
        add("time_records", [.text(record.id), .text(record.employerCode), .text(record.dossierID), .text(record.kind.rawValue),
                             .optional(record.typeCode), date(record.start), date(record.end), .text(record.dayPart.rawValue),
                             Self.number(record.startMinute), Self.number(record.endMinute), Self.number(record.minutes),
                             .text(record.certificateReceived ? "1" : "0"), .text(record.status.rawValue),
                             .text(record.enteredBy), .optional(record.reviewedBy), .int(version)])
    }
}
