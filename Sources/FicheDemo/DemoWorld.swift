import FicheDomain

/// The demo commune and CPAS of Ixelles, generated from a seed: the same seed always gives the
/// same employers, staff, dossiers, careers, art. 60 files and time records, with the same ids,
/// whether `fiche demo` writes them into a replica or `fiche-server seed-demo` into a server.
///
/// One commune and its CPAS, dossiers with Brussels names, categories in realistic proportions,
/// payroll clerks with 175–250 dossiers each, Article 60 workers (about 12 % of the CPAS) placed
/// with partners, and two years of time records (absences of the catalogue and clockings,
/// about 50 per dossier). Values are handed to a `DemoSink` as they are made, so a writer never
/// holds millions of records at once.
///
/// The two years are those of `today` and the year before: whatever the day it is generated,
/// nothing is clocked, drafted or logged after today, contracts whose end is past have ended,
/// months before today's are closed, and nobody was hired before 18 (`DemoPlausibilityTests`).
///
/// ```swift
/// var world = try DemoWorld(dataset: DemoDataset(dossiers: 400, seed: 7), today: clock.today)
/// try world.writeReference(into: &sink)
/// while try world.writeNextDossier(into: &sink) {}
/// ```
public struct DemoWorld {
    public static let commune = Employer(code: "AC-IXL", kind: .commune, nameFR: "Administration communale d'Ixelles",
                                         nameNL: "Gemeentebestuur Elsene", holidayCalendarID: "", payrollCutOffDay: 20)
    public static let cpas = Employer(code: "CPAS-IXL", kind: .cpas, nameFR: "CPAS d'Ixelles", nameNL: "OCMW Elsene",
                                      holidayCalendarID: "", payrollCutOffDay: 20)
    /// The id of the demo's own user, who works at both employers.
    public static let demoUserID = "usr-demo"

    public let dataset: DemoDataset
    /// The day the demo is made for (the clock's): what happened stops there.
    public let today: LocalDate
    /// The days the demo covers, 1 January of the year before `today` to 31 December of its
    /// year; writers format dates with it.
    public let calendar: DemoCalendar
    /// `today` as an offset from the first day.
    let todayOffset: Int
    /// The first day of today's month as an offset: entries before it are in closed months.
    let openMonthOffset: Int
    /// Dossiers at the commune; the rest are at the CPAS.
    let communeCount: Int
    var random: SeededGenerator
    var staffCount = 0
    var recordCount = 0
    var eventCount = 0
    var supervisors: [String: String] = [:]
    var communeClerks: [String] = []
    var cpasClerks: [String] = []
    var cpasTimeManagers: [String] = []
    var officers: [String] = []
    var partners: [String] = []
    var nextDossier = 0
    /// Draws the art. 60 follow-up events (unjustified absences, lateness, sickness) from a
    /// stream of their own, so adding them changed no other row of the demo.
    var followUpRandom: SeededGenerator
    var followUpCount = 0
    /// The art. 60 worker whose projection the 2026 reform moved: a long sickness paid by the
    /// mutuality after 30 days (`DemoWorld+Art60.swift`).
    var reformExample: (dossierID: String, sickness: ClosedRange<LocalDate>)?

    public init(dataset: DemoDataset, today: LocalDate) throws {
        self.dataset = dataset
        self.today = today
        let firstDay = LocalDate(year: today.year - 1, month: 1, day: 1) ?? today.adding(days: -365)
        let afterLast = LocalDate(year: today.year + 1, month: 1, day: 1) ?? today.adding(days: 366)
        calendar = try DemoCalendar(firstDay: firstDay, dayCount: afterLast.dayNumber - firstDay.dayNumber,
                                    employers: [Self.commune, Self.cpas])
        todayOffset = today.dayNumber - firstDay.dayNumber
        openMonthOffset = today.yearMonth.firstDay.dayNumber - firstDay.dayNumber
        random = SeededGenerator(seed: dataset.seed)
        followUpRandom = SeededGenerator(seed: dataset.seed ^ 0x0A60_F011_0A60_F011)
        // The commune has more staff than its CPAS (about 1,400 FTE against 1,000).
        communeCount = dataset.dossiers * 7 / 12
    }

    var cpasCount: Int { dataset.dossiers - communeCount }
    /// The first of the two years the time records cover.
    var firstDay: LocalDate { calendar.firstDay }
    /// How many days the demo covers.
    var dayCount: Int { calendar.dayCount }

    /// Employers, payroll months, staff with their grants, the demo's own user and the partners.
    public mutating func writeReference<Sink: DemoSink>(into sink: inout Sink) throws {
        for employer in [Self.commune, Self.cpas] {
            try sink.employer(employer)
            for year in (today.year - 1)...today.year {
                for month in 1...12 {
                    guard let yearMonth = YearMonth(year: year, month: month) else { continue }
                    // Closed up to the month before today's.
                    let closed = yearMonth < today.yearMonth
                    try sink.payrollMonth(PayrollMonth(employerCode: employer.code, month: yearMonth,
                                                       status: closed ? .closed : .open))
                }
            }
        }
        communeClerks = try staff(employer: Self.commune.code, role: .payrollClerk,
                                  count: Self.teamSize(communeCount, perPerson: 200), into: &sink)
        cpasClerks = try staff(employer: Self.cpas.code, role: .payrollClerk,
                               count: Self.teamSize(cpasCount, perPerson: 240), into: &sink)
        // At the CPAS, time management is a separate team (3 people for about 1,000 dossiers).
        cpasTimeManagers = try staff(employer: Self.cpas.code, role: .timeManager,
                                     count: Self.teamSize(cpasCount, perPerson: 333), into: &sink)
        officers = try staff(employer: Self.cpas.code, role: .art60Officer,
                             count: max(1, Self.teamSize(cpasCount, perPerson: 250)), into: &sink)
        try sink.user(User(id: Self.demoUserID, login: "demo", displayName: "Démo, U.", language: .fr),
                      employerCode: Self.commune.code)
        for employer in [Self.commune.code, Self.cpas.code] {
            for role in [Role.supervisor, .payrollClerk, .timeManager] {
                try sink.grant(Grant(id: "grt-demo-\(employer)-\(role.rawValue)", userID: Self.demoUserID,
                                     employerCode: employer, role: role))
            }
        }
        partners = try writePartners(count: max(1, min(72, cpasCount / 14)), into: &sink)
    }

    /// The next dossier with its person, career, art. 60 file and time records; false once
    /// every dossier is written.
    public mutating func writeNextDossier<Sink: DemoSink>(into sink: inout Sink) throws -> Bool {
        guard nextDossier < dataset.dossiers else { return false }
        let index = nextDossier
        nextDossier += 1
        let atCommune = index < communeCount
        let position = atCommune ? index : index - communeCount
        let clerks = atCommune ? communeClerks : cpasClerks
        let clerk = clerks[position * clerks.count / max(1, atCommune ? communeCount : cpasCount)]
        let timeManager = atCommune ? clerk : cpasTimeManagers[position % cpasTimeManagers.count]
        let category = Self.category(atCommune: atCommune, roll: Int.random(in: 0..<100, using: &random))
        var made = try makeDossier(employer: atCommune ? Self.commune.code : Self.cpas.code,
                                   numberPrefix: atCommune ? "AC" : "CP", position: position + 1, category: category,
                                   clerk: clerk, timeManager: timeManager)
        // An art. 60 worker's dossier ends with the contract: it is written once the contract is made.
        let art60 = category == .art60 ? try makeArt60(dossier: &made, officer: officers[position % officers.count]) : nil
        try sink.dossier(made.dossier, person: made.person, career: made.career)
        if let art60 {
            if let sickness = art60.reformSickness { try sink.timeRecord(sickness) }
            try sink.art60(art60.contract, placement: art60.placement, events: art60.events)
        }
        try writeTimeRecords(dossier: made.written, into: &sink)
        return true
    }

    /// How many people a team needs so each has about `perPerson` dossiers.
    static func teamSize(_ dossiers: Int, perPerson: Int) -> Int {
        max(1, Int((Double(dossiers) / Double(perPerson)).rounded()))
    }

    /// Categories in the proportions of a Brussels local administration; the CPAS also employs
    /// about 12 % of its staff under Article 60 §7.
    static func category(atCommune: Bool, roll: Int) -> StaffCategory {
        if atCommune {
            switch roll {
            case ..<45: return .statutory
            case ..<80: return .contractual
            case ..<95: return .subsidisedContractual
            default: return .trainee
            }
        }
        switch roll {
        case ..<30: return .statutory
        case ..<62: return .contractual
        case ..<83: return .subsidisedContractual
        case ..<88: return .trainee
        default: return .art60
        }
    }

    /// Creates `count` users of one role at one employer (and a supervisor per employer), and
    /// returns their ids.
    mutating func staff<Sink: DemoSink>(employer: String, role: Role, count: Int, into sink: inout Sink) throws -> [String] {
        if supervisors[employer] == nil {
            let id = "usr-\(employer)-sup"
            try addUser(id: id, employer: employer, role: .supervisor, into: &sink)
            supervisors[employer] = id
        }
        var ids: [String] = []
        for index in 1...max(1, count) {
            let id = "usr-\(employer)-\(role.rawValue)-\(index)"
            try addUser(id: id, employer: employer, role: role, into: &sink)
            ids.append(id)
        }
        return ids
    }

    private mutating func addUser<Sink: DemoSink>(id: String, employer: String, role: Role, into sink: inout Sink) throws {
        let names = DemoNames.lastNames
        let last = names[(staffCount * 7) % names.count]
        let initial = DemoNames.initials[staffCount % DemoNames.initials.count]
        staffCount += 1
        let login = FoldedText.compact(FoldedText.fold(last).lowercased()) + String(staffCount)
        try sink.user(User(id: id, login: login, displayName: "\(last), \(initial)",
                           language: staffCount % 3 == 0 ? .nl : .fr), employerCode: employer)
        try sink.grant(Grant(id: "grt-\(id)", userID: id, employerCode: employer, role: role))
    }

    /// Partners of the CPAS that host Article 60 workers.
    private mutating func writePartners<Sink: DemoSink>(count: Int, into sink: inout Sink) throws -> [String] {
        var ids: [String] = []
        for index in 0..<count {
            let id = "prt-\(index + 1)"
            let named = DemoNames.partners
            let (kind, name): (PartnerKind, String)
            if index < named.count {
                (kind, name) = named[index]
            } else {
                let dutch = index % 3 == 0
                let forms = dutch ? DemoNames.partnerFormsNL : DemoNames.partnerFormsFR
                let street = DemoNames.streets[index % DemoNames.streets.count]
                (kind, name) = (index % 2 == 0 ? .nonProfit : .socialEconomy, "\(forms[index % forms.count]) \(street.street)")
            }
            let enterprise = "0" + String(Int.random(in: 200_000_000...999_999_999, using: &random))
            let contact = "\(DemoNames.firstNamesFemale.randomElement(using: &random) ?? "Marie") "
                + (DemoNames.lastNames.randomElement(using: &random) ?? "Peeters")
            try sink.partner(Partner(id: id, employerCode: Self.cpas.code, name: name, kind: kind,
                                     enterpriseNumber: enterprise, contactName: contact))
            ids.append(id)
        }
        return ids
    }
}
