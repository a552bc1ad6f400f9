import FicheDomain

extension DemoWorld {
    /// The regimes of the demo's careers (thousandths) and their usual weekly schedules.
    static let schedules: [Int: WorkSchedule] = Dictionary(uniqueKeysWithValues: [1000, 800, 500].map { thousandths in
        // try?: fixed demo regimes (1000, 800, 500), all valid; full time is only the type's fallback.
        let regime = (try? RegimeFraction(thousandths: thousandths)) ?? .fullTime
        // try?: as above, the usual schedule of a valid demo regime.
        return (thousandths, (try? WorkSchedule.usual(for: regime)) ?? .fullTime)
    })

    /// A person and their dossier (with one career period), hired at 18 or later; one who
    /// left did so before today.
    mutating func makeDossier(employer: String, numberPrefix: String, position: Int, category: StaffCategory,
                              clerk: String, timeManager: String) throws -> DemoDossier {
        let female = Bool.random(using: &random)
        let lastName = DemoNames.lastNames.randomElement(using: &random) ?? "Peeters"
        let firstName = (female ? DemoNames.firstNamesFemale : DemoNames.firstNamesMale).randomElement(using: &random) ?? "Marie"
        let isArt60 = category == .art60
        // Aged 23 to 56 (art. 60) or 22 to 65 this year.
        let birthYear = isArt60 ? Int.random(in: (today.year - 56)...(today.year - 23), using: &random)
            : Int.random(in: (today.year - 65)...(today.year - 22), using: &random)
        let birthMonth = Int.random(in: 1...12, using: &random)
        let birthDay = Int.random(in: 1...28, using: &random)
        let drawn = Int.random(in: 1...499, using: &random) * 2 - (female ? 0 : 1)
        // Serials run from 001 to 997: the one draw of 998 becomes 996 (the rest of the demo stays the same).
        let serial = drawn == 998 ? 996 : drawn
        let niss = try NISS(NISS.digits(year: birthYear, month: birthMonth, day: birthDay, serial: serial))
        let birth = LocalDate(year: birthYear, month: birthMonth, day: birthDay) ?? firstDay
        let languageRoll = Int.random(in: 0..<100, using: &random)
        let language: Language = languageRoll < 62 ? .fr : (languageRoll < 93 ? .nl : .en)
        let street = DemoNames.streets[Int.random(in: 0..<DemoNames.streets.count, using: &random)]
        let address = Address(street: street.street, number: String(Int.random(in: 1...220, using: &random)),
                              postalCode: street.postalCode, city: street.city, country: "BE")
        let iban = try IBAN(IBAN.belgian(account: Int.random(in: 0..<10_000_000_000, using: &random)))
        let person = Person(id: "per-\(employer)-\(position)", niss: niss, lastName: lastName, firstName: firstName,
                            birthDate: birth, sex: female ? .female : .male, language: language, address: address,
                            iban: iban)

        // Article 60 contracts start within the two years; other staff usually long before.
        // The days drawn are folded into what fits (no other draw, so the rest of the demo stays).
        // Article 60 contracts start in the 18 months before today (the last a month before it):
        // the CPAS keeps hiring, so most of them run today and those of a year ago have ended.
        let drawnOffset = isArt60 ? max(0, todayOffset - 31 - Int.random(in: 0...600, using: &random) % 540)
            : -Int.random(in: 30...12_000, using: &random)
        // Hired at 18 at the earliest: a start drawn before is folded into the years since.
        let adultOffset = birth.adding(months: 18 * 12).dayNumber - firstDay.dayNumber
        let firstOffset: Int
        if drawnOffset >= adultOffset {
            firstOffset = drawnOffset
        } else if adultOffset >= -30 {
            firstOffset = adultOffset
        } else {
            firstOffset = adultOffset + (adultOffset - drawnOffset) % (-30 - adultOffset)
        }
        let start = calendar.day(firstOffset)
        let statusRoll = Int.random(in: 0..<100, using: &random)
        var status: DossierStatus = statusRoll < 3 ? .left : (statusRoll < 6 ? .suspended : .active)
        var lastOffset = dayCount - 1
        var end: LocalDate?
        if status == .left {
            let earliest = max(0, firstOffset + 30)
            let drawn = Int.random(in: earliest...(dayCount - 1), using: &random)
            // Left before today (one who leaves later still works here today).
            if earliest < todayOffset {
                lastOffset = earliest + (drawn - earliest) % (todayOffset - earliest)
                end = calendar.day(lastOffset)
            } else {
                status = .active
            }
        }
        let dossierID = "dos-\(employer)-\(position)"
        let dossier = Dossier(id: dossierID, employerCode: employer, number: "\(numberPrefix)-\(Self.padded(position, 6))",
                              personID: person.id, status: status, category: category, payrollClerkID: clerk,
                              timeManagerID: timeManager, startDate: start, paySeniorityDate: start, endDate: end)
        let regimeRoll = Int.random(in: 0..<100, using: &random)
        let regime = isArt60 || regimeRoll < 82 ? 1000 : (regimeRoll < 94 ? 800 : 500)
        let level = isArt60 ? "E" : ["A", "B", "C", "C", "D", "D", "E"][Int.random(in: 0..<7, using: &random)]
        let grade = level + String(Int.random(in: 1...4, using: &random))
        let career = CareerPeriod(id: "car-\(employer)-\(position)", dossierID: dossierID, start: start, grade: grade,
                                  scale: grade, regime: try RegimeFraction(thousandths: regime),
                                  schedule: Self.schedules[regime] ?? .fullTime, category: category)
        let written = WrittenDossier(id: dossierID, employerCode: employer, category: category,
                                     firstOffset: max(0, firstOffset), lastOffset: lastOffset, timeManager: timeManager,
                                     supervisor: supervisors[employer] ?? timeManager)
        var made = DemoDossier(dossier: dossier, person: person, career: career, written: written)
        if let end { made.end(on: end, offset: lastOffset) }
        return made
    }

    /// `value` in decimal, left-padded with zeros to `width` digits.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
