import FicheDomain
import GRDB
import GRDBSQLite

/// The prepared statements and counters `DemoDataGenerator` writes the mirror with.
///
/// Kept apart so the generator reads as a description of the demo; this type is about
/// writing millions of rows quickly (one prepared statement per table, dates pre-formatted).
struct DemoWriter {
    /// A dossier as written, with what its time records and contract need.
    struct WrittenDossier {
        let id: String
        let employerCode: String
        let category: String
        /// First and last day (offsets from `DemoDataGenerator.firstDay`) the dossier works.
        let firstOffset: Int
        let lastOffset: Int
        let timeManager: String
        let supervisor: String
    }

    private let db: Database
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
    /// ISO text of every day of the two demo years, by offset.
    private let isoDays: [String]
    /// Weekday of each offset: 0 is Monday, 5 and 6 the weekend.
    private let weekdays: [Int]
    /// Offsets of the public holidays each employer's calendar gives, by employer code.
    private let holidays: [String: Set<Int>]
    private var staffCount = 0
    private var recordCount = 0
    private var eventCount = 0
    private var supervisors: [String: String] = [:]
    private let schedules: [Int: String]

    init(_ db: Database) throws {
        self.db = db
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
            VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, 1)
            """)
        partner = try db.makeStatement(sql: """
            INSERT INTO partner (id, employer_code, name, kind, enterprise_number, address, contact_name, active, version)
            VALUES (?, ?, ?, ?, ?, NULL, ?, 1, 1)
            """)
        contract = try db.makeStatement(sql: """
            INSERT INTO art60_contract (id, employer_code, dossier_id, start, "end", end_reason, planned_end, regime, officer_id, version)
            VALUES (?, ?, ?, ?, NULL, NULL, ?, 1000, ?, 1)
            """)
        placement = try db.makeStatement(sql: """
            INSERT INTO placement (id, employer_code, contract_id, partner_id, start, "end", agreement_signed_on,
                                   monthly_fee_cents, tasks, hours_per_week, supervisor_name, version)
            VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, 38, ?, 1)
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
        let first = DemoDataGenerator.firstDay
        isoDays = (0..<DemoDataGenerator.dayCount).map { first.adding(days: $0).iso }
        weekdays = (0..<DemoDataGenerator.dayCount).map { ((first.dayNumber + $0) % 7 + 7 + 3) % 7 }
        holidays = try DemoWriter.holidayOffsets(from: first)
        var schedules: [Int: String] = [:]
        for thousandths in [1000, 800, 500] {
            let regime = (try? RegimeFraction(thousandths: thousandths)) ?? .fullTime
            let schedule = (try? WorkSchedule.usual(for: regime)) ?? .fullTime
            schedules[thousandths] = JSONColumn.encode(schedule) ?? "[]"
        }
        self.schedules = schedules
    }

    /// Creates `count` users of one role at one employer (and a supervisor per employer), and
    /// returns their ids.
    mutating func staff(employer: String, role: String, count: Int, random: inout SeededGenerator) throws -> [String] {
        if supervisors[employer] == nil {
            let id = "usr-\(employer)-sup"
            try addUser(id: id, employer: employer, role: "supervisor")
            supervisors[employer] = id
        }
        var ids: [String] = []
        for index in 1...max(1, count) {
            let id = "usr-\(employer)-\(role)-\(index)"
            try addUser(id: id, employer: employer, role: role)
            ids.append(id)
        }
        return ids
    }

    private mutating func addUser(id: String, employer: String, role: String) throws {
        let names = DemoNames.lastNames
        let last = names[(staffCount * 7) % names.count]
        let initial = DemoNames.initials[staffCount % DemoNames.initials.count]
        staffCount += 1
        let login = SearchText.compact(SearchText.fold(last)) + String(staffCount)
        try user.execute(arguments: [id, employer, login, "\(last), \(initial)", staffCount % 3 == 0 ? "nl" : "fr"])
        try grant.execute(arguments: ["grt-\(id)", id, employer, role])
    }

    /// The demo's own user: supervisor at both employers.
    mutating func demoUser() throws {
        let id = DemoDataGenerator.demoUserID
        try user.execute(arguments: [id, DemoDataGenerator.commune.code, "demo", "Démo, U.", "fr"])
        for employer in [DemoDataGenerator.commune.code, DemoDataGenerator.cpas.code] {
            for role in ["supervisor", "payroll_clerk", "time_manager"] {
                try grant.execute(arguments: ["grt-demo-\(employer)-\(role)", id, employer, role])
            }
        }
    }

    /// Partners of the CPAS that host Article 60 workers.
    mutating func partners(count: Int, random: inout SeededGenerator) throws -> [String] {
        var ids: [String] = []
        let employer = DemoDataGenerator.cpas.code
        for index in 0..<count {
            let id = "prt-\(index + 1)"
            let named = DemoNames.partners
            let (kind, name): (String, String)
            if index < named.count {
                (kind, name) = named[index]
            } else {
                let dutch = index % 3 == 0
                let forms = dutch ? DemoNames.partnerFormsNL : DemoNames.partnerFormsFR
                let street = DemoNames.streets[index % DemoNames.streets.count]
                (kind, name) = (index % 2 == 0 ? "non_profit" : "social_economy",
                                "\(forms[index % forms.count]) \(street.street)")
            }
            let enterprise = "0" + String(Int.random(in: 200_000_000...999_999_999, using: &random))
            let contact = "\(DemoNames.firstNamesFemale.randomElement(using: &random) ?? "Marie") "
                + (DemoNames.lastNames.randomElement(using: &random) ?? "Peeters")
            try partner.execute(arguments: [id, employer, name, kind, enterprise, contact])
            ids.append(id)
        }
        return ids
    }

    /// A person and their dossier (with one career period).
    mutating func dossier(employer: String, numberPrefix: String, position: Int, category: String, clerk: String,
                          timeManager: String, random: inout SeededGenerator) throws -> WrittenDossier {
        let female = Bool.random(using: &random)
        let lastName = DemoNames.lastNames.randomElement(using: &random) ?? "Peeters"
        let firstName = (female ? DemoNames.firstNamesFemale : DemoNames.firstNamesMale).randomElement(using: &random) ?? "Marie"
        let isArt60 = category == StaffCategory.art60.rawValue
        let birthYear = isArt60 ? Int.random(in: 1970...2003, using: &random) : Int.random(in: 1961...2004, using: &random)
        let birthMonth = Int.random(in: 1...12, using: &random)
        let birthDay = Int.random(in: 1...28, using: &random)
        let serial = Int.random(in: 1...499, using: &random) * 2 - (female ? 0 : 1)
        let niss = NISS.digits(year: birthYear, month: birthMonth, day: birthDay, serial: serial)
        let birth = "\(birthYear)-\(String(birthMonth).leftPadded(to: 2))-\(String(birthDay).leftPadded(to: 2))"
        let languageRoll = Int.random(in: 0..<100, using: &random)
        let language = languageRoll < 62 ? "fr" : (languageRoll < 93 ? "nl" : "en")
        let street = DemoNames.streets[Int.random(in: 0..<DemoNames.streets.count, using: &random)]
        let address = Address(street: street.street, number: String(Int.random(in: 1...220, using: &random)),
                              postalCode: street.postalCode, city: street.city, country: "BE")
        let iban = IBAN.belgian(account: Int.random(in: 0..<10_000_000_000, using: &random))
        let personID = "per-\(employer)-\(position)"
        let dossierID = "dos-\(employer)-\(position)"
        try person.execute(arguments: [personID, employer, niss, lastName, firstName, birth, female ? "female" : "male",
                                       language, JSONColumn.encode(address), iban])

        // Article 60 contracts start within the two years; other staff usually long before.
        let firstOffset = isArt60 ? Int.random(in: 0...600, using: &random) : -Int.random(in: 30...12_000, using: &random)
        let start = DemoDataGenerator.firstDay.adding(days: firstOffset).iso
        let statusRoll = Int.random(in: 0..<100, using: &random)
        let status = statusRoll < 3 ? "left" : (statusRoll < 6 ? "suspended" : "active")
        var lastOffset = DemoDataGenerator.dayCount - 1
        var end: String?
        if status == "left" {
            lastOffset = Int.random(in: max(0, firstOffset + 30)...(DemoDataGenerator.dayCount - 1), using: &random)
            end = isoDays[min(lastOffset, isoDays.count - 1)]
        }
        try dossier.execute(arguments: [dossierID, employer, "\(numberPrefix)-\(String(position).leftPadded(to: 6))",
                                        personID, status, category, clerk, timeManager, start, start, end])
        let regimeRoll = Int.random(in: 0..<100, using: &random)
        let regime = isArt60 || regimeRoll < 82 ? 1000 : (regimeRoll < 94 ? 800 : 500)
        let level = isArt60 ? "E" : ["A", "B", "C", "C", "D", "D", "E"][Int.random(in: 0..<7, using: &random)]
        let grade = level + String(Int.random(in: 1...(level == "A" ? 4 : 4), using: &random))
        try career.execute(arguments: ["car-\(employer)-\(position)", employer, dossierID, start, grade, grade, regime,
                                       schedules[regime] ?? "[]", category])
        return WrittenDossier(id: dossierID, employerCode: employer, category: category, firstOffset: max(0, firstOffset),
                              lastOffset: lastOffset, timeManager: timeManager,
                              supervisor: supervisors[employer] ?? timeManager)
    }

    /// The Article 60 contract of a worker, one placement with a partner, and its follow-up events.
    mutating func art60(dossier: WrittenDossier, partners: [String], officer: String, random: inout SeededGenerator) throws {
        let contractID = "a60-\(dossier.id)"
        let start = DemoDataGenerator.firstDay.adding(days: dossier.firstOffset)
        let months = [12, 18, 24][Int.random(in: 0..<3, using: &random)]
        try contract.execute(arguments: [contractID, dossier.employerCode, dossier.id, start.iso,
                                         start.adding(months: months).adding(days: -1).iso, officer])
        let placementID = "plc-\(dossier.id)"
        let partnerID = partners[Int.random(in: 0..<partners.count, using: &random)]
        let placementStart = start.adding(days: Int.random(in: 0...30, using: &random))
        let fee = [0, 25_000, 50_000, 75_000, 100_000][Int.random(in: 0..<5, using: &random)]
        let tasks = ["Entretien des espaces verts", "Aide en cuisine", "Accueil et secrétariat", "Logistique en entrepôt",
                     "Aide-soignant·e", "Onderhoud van gebouwen", "Magazijnwerk", "Animation en maison de repos"]
        try placement.execute(arguments: [placementID, dossier.employerCode, contractID, partnerID, placementStart.iso,
                                          placementStart.adding(days: -7).iso, fee,
                                          tasks[Int.random(in: 0..<tasks.count, using: &random)],
                                          DemoNames.lastNames.randomElement(using: &random)])
        var events: [(LocalDate, String, String?, String)] = [
            (start, "contract_start", nil, "Signature du contrat"),
            (placementStart, "placement_start", placementID, "Début de mise à disposition"),
        ]
        var evaluation = placementStart.adding(months: 3)
        let lastDay = DemoDataGenerator.firstDay.adding(days: dossier.lastOffset)
        while evaluation <= lastDay {
            events.append((evaluation, "partner_evaluation", placementID, "Évaluation trimestrielle"))
            evaluation = evaluation.adding(months: 3)
        }
        for (date, kind, placement, note) in events {
            eventCount += 1
            try event.execute(arguments: ["evt-\(eventCount)", dossier.employerCode, contractID, date.iso, kind,
                                          placement, note, officer])
        }
    }

    /// About 50 time records over the two years, never overlapping: absences of the catalogue,
    /// clockings, lateness and overtime, validated in closed months and pending after.
    mutating func timeRecords(dossier: WrittenDossier, random: inout SeededGenerator) throws {
        let isArt60 = dossier.category == StaffCategory.art60.rawValue
        let contractStaff = dossier.category != StaffCategory.statutory.rawValue && dossier.category != StaffCategory.trainee.rawValue
        var day = dossier.firstOffset + Int.random(in: 0...10, using: &random)
        let holidays = self.holidays[dossier.employerCode] ?? []
        while day < dossier.lastOffset {
            while day <= dossier.lastOffset, weekdays[day] >= 5 || holidays.contains(day) { day += 1 }
            guard day <= dossier.lastOffset else { break }
            let roll = Int.random(in: 0..<1000, using: &random)
            var kind = "absence"
            var type: String? = nil
            var length = 1
            var dayPart = "full"
            var startMinute: Int? = nil
            var endMinute: Int? = nil
            var minutes: Int? = nil
            var certificate = false
            switch roll {
            case ..<440:
                kind = "clocking"
                startMinute = 450 + Int.random(in: 0...90, using: &random)
                endMinute = (startMinute ?? 480) + 420 + Int.random(in: 0...100, using: &random)
            case ..<680:
                type = "annual_leave"
                length = Int.random(in: 0..<10, using: &random) == 0 ? Int.random(in: 5...14, using: &random)
                    : Int.random(in: 1...3, using: &random)
            case ..<770:
                type = "sick"
                length = Int.random(in: 1...5, using: &random)
                certificate = length > 1 || !contractStaff || Bool.random(using: &random)
            case ..<840:
                type = "compensatory_rest"
            case ..<890:
                type = "training"
            case ..<910:
                type = "circumstance"
                length = Int.random(in: 1...2, using: &random)
            case ..<930:
                type = "time_credit"
                dayPart = Bool.random(using: &random) ? "morning" : "afternoon"
            case ..<945:
                type = "strike"
            case ..<960:
                type = isArt60 ? "unjustified" : "annual_leave"
            case ..<980:
                kind = "lateness"
                type = "lateness"
                minutes = Int.random(in: 5...45, using: &random)
            default:
                kind = "overtime"
                type = "overtime"
                minutes = Int.random(in: 30...120, using: &random)
            }
            // A range may span a weekend or holiday (the rules do not count them) but, as a
            // clerk enters it, starts and ends on working days.
            var end = min(day + length - 1, dossier.lastOffset)
            while end > day, weekdays[end] >= 5 || holidays.contains(end) { end -= 1 }
            let closed = isoDays[end] < "2026-11-01"
            let status = closed ? "validated" : (Bool.random(using: &random) ? "submitted" : "draft")
            recordCount += 1
            try insertTimeRecord([
                .text("tr-" + String(recordCount).leftPadded(to: 9)), .text(dossier.employerCode), .text(dossier.id),
                .text(kind), .text(type), .text(isoDays[day]), .text(isoDays[end]), .text(dayPart),
                .int(startMinute.map(Int64.init)), .int(endMinute.map(Int64.init)), .int(minutes.map(Int64.init)),
                .int(certificate ? 1 : 0), .text(status), .text(dossier.timeManager), .text(closed ? dossier.supervisor : nil),
            ])
            day = end + 1 + Int.random(in: 1...23, using: &random)
        }
    }

    /// The public holidays of the demo's two years for each demo employer, as day offsets
    /// from `first`, taken from the employer's holiday calendar in the bundled rules.
    private static func holidayOffsets(from first: LocalDate) throws -> [String: Set<Int>] {
        let rules = try RuleBook.bundled()
        var offsets: [String: Set<Int>] = [:]
        for demo in [DemoDataGenerator.commune, DemoDataGenerator.cpas] {
            let employer = Employer(code: demo.code, kind: EmployerKind(rawValue: demo.kind) ?? .commune,
                                    nameFR: demo.fr, nameNL: demo.nl, holidayCalendarID: "", payrollCutOffDay: 20)
            let calendar = try rules.holidayCalendar(for: employer)
            var days = Set<Int>()
            for offset in 0..<DemoDataGenerator.dayCount where calendar.isHoliday(first.adding(days: offset)) {
                days.insert(offset)
            }
            offsets[demo.code] = days
        }
        return offsets
    }

    private func insertTimeRecord(_ values: [RawStatement.Value]) throws {
        try RawStatement.execute(timeRecord, values, in: db)
    }
}
