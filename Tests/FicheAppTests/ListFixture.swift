import FicheDomain
import FicheReplica
import Foundation

/// A small, fixed replica for the screen tests: 40 dossiers at the commune and the CPAS,
/// written as one pull from the server (`applyPulled`), so snapshots change only when a screen does.
///
/// The names are what a clerk in Ixelles meets: accents (Éloïse, Noël, Öztürk, Nguyễn), particles
/// in either case (Van den Bossche, De Smet / de Smet, D'Hondt), the same surname at both employers,
/// one name longer than the 80-column name cell, one dossier without a payroll clerk and one
/// suspended dossier. 40 rows is more than a 120×40 screen shows, so every size in the tests pages.
/// Tests read the expected order from the replica (`dossierPage`), never from this table.
enum ListFixture {
    static let commune = Employer(code: "AC-IXL", kind: .commune, nameFR: "Administration communale d'Ixelles",
                                  nameNL: "Gemeentebestuur Elsene", holidayCalendarID: "brussels-local", payrollCutOffDay: 20)
    static let cpas = Employer(code: "CPAS-IXL", kind: .cpas, nameFR: "CPAS d'Ixelles", nameNL: "OCMW Elsene",
                               holidayCalendarID: "brussels-local", payrollCutOffDay: 20)

    /// Payroll clerks, with the employer that administers each account.
    static let clerks: [(user: User, employerCode: String)] = [
        (User(id: "usr-ac-1", login: "bmertens", displayName: "Mertens, B.", language: .fr), "AC-IXL"),
        (User(id: "usr-ac-2", login: "evandamme", displayName: "Van Damme, É.", language: .nl), "AC-IXL"),
        (User(id: "usr-cp-1", login: "ddumont", displayName: "Dumont, D.", language: .fr), "CPAS-IXL"),
        (User(id: "usr-cp-2", login: "acelik", displayName: "Çelik, A.", language: .fr), "CPAS-IXL"),
    ]

    /// The supervisor of both employers, the user the app tests run as (the demo's user id).
    static let supervisor = User(id: "usr-demo", login: "demo", displayName: "Lambert, S.", language: .fr)

    /// One dossier: who, where, which category and clerk.
    struct Entry {
        let last: String
        let first: String
        let sex: Sex
        let born: String
        let employer: String
        let category: StaffCategory
        let clerk: String?
        var status: DossierStatus = .active

        /// Dutch for the Flemish first names, French otherwise.
        var language: FicheDomain.Language {
            ["Pieter", "Griet", "Sofie", "Wim", "Luc", "Maarten", "Geert", "Koen", "Lieve", "Bram"].contains(first) ? .nl : .fr
        }
    }

    static let entries: [Entry] = [
        // Administration communale d'Ixelles
        Entry(last: "Van den Bossche", first: "Éloïse", sex: .female, born: "1984-03-12", employer: "AC-IXL", category: .statutory, clerk: "usr-ac-1"),
        Entry(last: "De Smet", first: "Pieter", sex: .male, born: "1979-11-02", employer: "AC-IXL", category: .contractual, clerk: "usr-ac-2"),
        Entry(last: "El Amrani", first: "Yasmina", sex: .female, born: "1991-06-25", employer: "AC-IXL", category: .subsidisedContractual, clerk: "usr-ac-1"),
        Entry(last: "D'Hondt", first: "Griet", sex: .female, born: "1968-01-30", employer: "AC-IXL", category: .statutory, clerk: "usr-ac-2"),
        Entry(last: "Noël", first: "Amélie", sex: .female, born: "1995-12-24", employer: "AC-IXL", category: .contractual, clerk: "usr-ac-1"),
        Entry(last: "Lefèvre", first: "François", sex: .male, born: "1972-09-08", employer: "AC-IXL", category: .statutory, clerk: "usr-ac-1"),
        Entry(last: "Aït Ouali", first: "Nour", sex: .female, born: "2001-04-17", employer: "AC-IXL", category: .trainee, clerk: "usr-ac-2"),
        Entry(last: "Dubois", first: "Jérôme", sex: .male, born: "1987-02-14", employer: "AC-IXL", category: .contractual, clerk: "usr-ac-1"),
        Entry(last: "Janssens", first: "Sofie", sex: .female, born: "1976-07-03", employer: "AC-IXL", category: .statutory, clerk: "usr-ac-2"),
        Entry(last: "Peeters", first: "Wim", sex: .male, born: "1965-10-21", employer: "AC-IXL", category: .subsidisedContractual, clerk: "usr-ac-2"),
        Entry(last: "Vandenberghe", first: "Inès", sex: .female, born: "1993-05-09", employer: "AC-IXL", category: .contractual, clerk: "usr-ac-1"),
        Entry(last: "Van den Bossche", first: "Luc", sex: .male, born: "1961-08-19", employer: "AC-IXL", category: .statutory, clerk: "usr-ac-2"),
        Entry(last: "de Smet", first: "Anaïs", sex: .female, born: "1998-03-01", employer: "AC-IXL", category: .trainee, clerk: "usr-ac-1"),
        Entry(last: "Müller", first: "Jürgen", sex: .male, born: "1970-12-05", employer: "AC-IXL", category: .contractual, clerk: "usr-ac-1"),
        Entry(last: "Martin", first: "Zoé", sex: .female, born: "1989-09-29", employer: "AC-IXL", category: .contractual, clerk: "usr-ac-2"),
        Entry(last: "Claes", first: "Maarten", sex: .male, born: "1982-04-11", employer: "AC-IXL", category: .statutory, clerk: "usr-ac-2"),
        Entry(last: "Lambert", first: "Céline", sex: .female, born: "1977-01-16", employer: "AC-IXL", category: .contractual, clerk: "usr-ac-1"),
        Entry(last: "Van Acker", first: "Geert", sex: .male, born: "1966-06-06", employer: "AC-IXL", category: .subsidisedContractual, clerk: "usr-ac-2"),
        Entry(last: "Dupont-Leclercq", first: "Marie-Thérèse", sex: .female, born: "1963-02-27", employer: "AC-IXL", category: .statutory, clerk: "usr-ac-1"),
        Entry(last: "Van den Bossche-Vercammen", first: "Anne-Cécile", sex: .female, born: "1974-10-10", employer: "AC-IXL", category: .statutory, clerk: "usr-ac-2"),
        // CPAS d'Ixelles
        Entry(last: "Öztürk", first: "Emre", sex: .male, born: "1990-08-14", employer: "CPAS-IXL", category: .art60, clerk: "usr-cp-1", status: .suspended),
        Entry(last: "Aït Ouali", first: "Karim", sex: .male, born: "1985-11-23", employer: "CPAS-IXL", category: .art60, clerk: "usr-cp-2"),
        Entry(last: "El Amrani", first: "Mohamed", sex: .male, born: "1980-03-04", employer: "CPAS-IXL", category: .contractual, clerk: "usr-cp-1"),
        Entry(last: "Benali", first: "Aïcha", sex: .female, born: "1992-07-18", employer: "CPAS-IXL", category: .subsidisedContractual, clerk: "usr-cp-2"),
        Entry(last: "Diallo", first: "Mariama", sex: .female, born: "1997-01-07", employer: "CPAS-IXL", category: .art60, clerk: "usr-cp-1"),
        Entry(last: "Nguyễn", first: "Thị Lan", sex: .female, born: "1983-09-15", employer: "CPAS-IXL", category: .contractual, clerk: "usr-cp-2"),
        Entry(last: "Kowalczyk", first: "Łukasz", sex: .male, born: "1988-05-28", employer: "CPAS-IXL", category: .contractual, clerk: "usr-cp-1"),
        Entry(last: "Ferreira", first: "João", sex: .male, born: "1975-04-02", employer: "CPAS-IXL", category: .contractual, clerk: "usr-cp-2"),
        Entry(last: "Mbuyi", first: "Grâce", sex: .female, born: "1969-12-12", employer: "CPAS-IXL", category: .statutory, clerk: "usr-cp-1"),
        Entry(last: "Ouédraogo", first: "Aminata", sex: .female, born: "1999-06-20", employer: "CPAS-IXL", category: .art60, clerk: "usr-cp-2"),
        Entry(last: "D'Hondt", first: "Koen", sex: .male, born: "1971-03-26", employer: "CPAS-IXL", category: .statutory, clerk: "usr-cp-1"),
        Entry(last: "De Smet", first: "Lieve", sex: .female, born: "2000-10-31", employer: "CPAS-IXL", category: .trainee, clerk: "usr-cp-2"),
        Entry(last: "Hermans", first: "Noëlle", sex: .female, born: "1986-08-08", employer: "CPAS-IXL", category: .contractual, clerk: "usr-cp-1"),
        Entry(last: "Lefèbvre", first: "Raphaël", sex: .male, born: "1978-02-03", employer: "CPAS-IXL", category: .subsidisedContractual, clerk: "usr-cp-2"),
        Entry(last: "Rousseau", first: "Hélène", sex: .female, born: "1964-11-11", employer: "CPAS-IXL", category: .statutory, clerk: "usr-cp-1"),
        Entry(last: "Bakkali", first: "Samir", sex: .male, born: "1994-01-19", employer: "CPAS-IXL", category: .subsidisedContractual, clerk: nil),
        Entry(last: "Van Damme", first: "Jeanne", sex: .female, born: "1981-07-22", employer: "CPAS-IXL", category: .contractual, clerk: "usr-cp-2"),
        Entry(last: "Yılmaz", first: "Elif", sex: .female, born: "1996-04-30", employer: "CPAS-IXL", category: .art60, clerk: "usr-cp-1"),
        Entry(last: "Carpentier", first: "Maëlle", sex: .female, born: "1973-05-05", employer: "CPAS-IXL", category: .statutory, clerk: "usr-cp-2"),
        Entry(last: "Wouters", first: "Bram", sex: .male, born: "2002-09-09", employer: "CPAS-IXL", category: .art60, clerk: "usr-cp-1"),
    ]

    /// A replica holding the fixture, in a fresh temporary folder.
    static func make() throws -> AppDatabase {
        let database = try open()
        try database.applyPulled(try batch(entries))
        return database
    }

    /// A replica that has synced the two employers but holds no dossier.
    static func empty() throws -> AppDatabase {
        let database = try open()
        try database.applyPulled(try batch([]))
        return database
    }

    private static func open() throws -> AppDatabase {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fiche-app-\(UUID().uuidString)")
        return try AppDatabase.open(at: folder.appendingPathComponent("replica.sqlite").path, clock: .tests)
    }

    /// The rows a pull would bring for `entries`: employers, clerks and their grants, persons, dossiers.
    static func batch(_ entries: [Entry]) throws -> MirrorBatch {
        var batch = MirrorBatch()
        batch.employers = [commune, cpas].map { MirrorRow($0, employerCode: $0.code, version: 1) }
        batch.users = clerks.map { MirrorRow($0.user, employerCode: $0.employerCode, version: 1) }
        batch.grants = clerks.map {
            MirrorRow(Grant(id: "grant-\($0.user.id)", userID: $0.user.id, employerCode: $0.employerCode, role: .payrollClerk),
                      employerCode: $0.employerCode, version: 1)
        }
        // The supervisor the screens run as, at both employers.
        batch.users.append(MirrorRow(supervisor, employerCode: commune.code, version: 1))
        for employer in [commune.code, cpas.code] {
            batch.grants.append(MirrorRow(Grant(id: "grant-sup-\(employer)", userID: supervisor.id, employerCode: employer,
                                                role: .supervisor), employerCode: employer, version: 1))
        }
        var serials: [String: Int] = ["AC-IXL": 100, "CPAS-IXL": 200]
        for (index, entry) in entries.enumerated() {
            let born = try LocalDate.parse(entry.born)
            let serial = (entry.sex == .male ? 1 : 2) + 2 * index  // odd for men, even for women
            let person = Person(id: "per-\(index + 1)",
                                niss: try NISS(niss(born, serial: serial), declaredSex: entry.sex),
                                lastName: entry.last, firstName: entry.first, birthDate: born, sex: entry.sex,
                                language: entry.language)
            let number = (serials[entry.employer] ?? 0) + 1
            serials[entry.employer] = number
            let prefix = entry.employer == commune.code ? "AC" : "CP"
            let dossier = Dossier(id: "dos-\(index + 1)", employerCode: entry.employer,
                                  number: "\(prefix)-\(String(format: "%06d", number))", personID: person.id,
                                  status: entry.status, category: entry.category, payrollClerkID: entry.clerk,
                                  startDate: try LocalDate.parse("2015-01-01"))
            batch.persons.append(MirrorRow(person, employerCode: entry.employer, version: 1))
            batch.dossiers.append(MirrorRow(dossier, employerCode: entry.employer, version: 1))
        }
        return batch
    }

    /// A valid NISS for a birth date and a serial (odd for men, even for women).
    private static func niss(_ born: LocalDate, serial: Int) -> String {
        let base = (born.year % 100) * 10_000_000 + born.month * 100_000 + born.day * 1_000 + serial
        let check = 97 - (born.year >= 2000 ? 2_000_000_000 + base : base) % 97
        return String(format: "%09d%02d", base, check)
    }
}
