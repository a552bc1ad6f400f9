import FicheDomain
import GRDB

extension AppDatabase {
    /// Absences (sickness, work accident…) whose certificate was due before `asOf` and not
    /// received, longest overdue first.
    ///
    /// Whether a certificate is needed, and by when, is `TimeSheet.certificateRequirement`:
    /// the type's rule in the catalogue, the first-day exemption of contract staff (three
    /// one-day absences a year) and the deadline in working days of the dossier's calendar.
    /// The candidates are the records of types needing one, not received and not rejected,
    /// read from the `(type_code, start)` index; the exemption only counts such records, so
    /// they are all the rule needs.
    ///
    /// ```swift
    /// let missing = try database.missingCertificates(asOf: today, rules: rules)
    /// missing.first?.dueBy   // 2026-03-04
    /// ```
    /// - Parameter employerCode: only this employer's records; every employer held when nil.
    public func missingCertificates(asOf: LocalDate, rules: RuleBook,
                                    employerCode: String? = nil) throws -> [MissingCertificateItem] {
        try writer.read { db in
            try Self.missingCertificates(db, asOf: asOf, rules: rules, employerCode: employerCode, in: nil)
        }
    }

    /// Missing certificates on `asOf`, of records starting in `month` when given.
    static func missingCertificates(_ db: Database, asOf: LocalDate, rules: RuleBook, employerCode: String?,
                                    in month: YearMonth?) throws -> [MissingCertificateItem] {
        let codes = rules.absenceCatalogue.types.filter(\.certificate.required).map(\.code)
        guard !codes.isEmpty else { return [] }
        // Earlier records of the same year use up the first-day exemption: read from 1 January.
        let from = month.flatMap { LocalDate(year: $0.year, month: 1, day: 1) }
        let last = month.map { min($0.lastDay, asOf) } ?? asOf
        let marks = databaseQuestionMarks(count: codes.count)
        // First what the exemption reads, and the category of each record's dossier: most
        // candidates turn out exempt, and a whole entry, a list row or an audit lookup for each
        // cost more than judging it.
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT \(CertificateCandidateRow.selection)
            FROM time_record_view r
            JOIN dossier_list l ON l.id = r.dossier_id
            WHERE r.type_code IN (\(marks)) AND r.start <= ? AND r.start >= ?
              AND r.kind = 'absence' AND r.certificate_received = 0 AND r.status <> 'rejected' AND \(TimeRecord.countsTerms("r"))
              AND (? IS NULL OR r.employer_code = ?)
            """), arguments: StatementArguments(codes + [last.iso, from?.iso ?? "0000-00-00", employerCode, employerCode]))
        var candidates: [CertificateCandidateRow] = []
        while let row = try rows.next() { candidates.append(try CertificateCandidateRow(row: row)) }
        let candidatesByDossier = Dictionary(grouping: candidates, by: \.dossierID)
        // Most of these are first days of contract staff, exempt: that needs no calendar. The
        // calendars are read only for the dossiers of records still needing a certificate whose
        // deadline may have passed (it falls at least as many calendar days after the start as
        // working days).
        var openCandidates: [CertificateCandidateRow] = []
        for candidate in candidates {
            if let month, !month.contains(candidate.start) { continue }
            if let category = candidate.category,
               TimeSheet.certificateRequirementBeforeDeadline(
                   for: candidate, among: candidatesByDossier[candidate.dossierID] ?? [], category: category,
                   catalogue: rules.absenceCatalogue) != nil { continue }
            let deadline = rules.absenceCatalogue.type(candidate.typeCode ?? "")?.certificate.deadlineWorkingDays ?? 0
            guard candidate.start.adding(days: deadline) < asOf else { continue }
            openCandidates.append(candidate)
        }
        guard !openCandidates.isEmpty else { return [] }
        // Whole entries for the dossiers left: the time sheet settles the deadline with the same
        // exemption count, over the same records.
        let openDossiers = Array(Set(openCandidates.map(\.dossierID)))
        let records = try BatchedReads.timeRecords(db, ids: openDossiers.flatMap { (candidatesByDossier[$0] ?? []).map(\.id) })
        let byDossier = Dictionary(grouping: records.values, by: \.dossierID)
        let open = openCandidates.compactMap { records[$0.id] }
        let dossiers = try BatchedReads.dossiers(db, ids: openDossiers)
        let listRows = try BatchedReads.listRows(db, ids: openDossiers)
        let createdAt = try BatchedReads.createdAt(db, entity: "time_record", ids: open.map(\.id))
        let earliest = open.map(\.start).min() ?? asOf
        // The deadline counts working days after the start, at most a few weeks ahead.
        let calendars = try BatchedReads.workCalendars(db, dossiers: Array(dossiers.values), from: earliest,
                                                       to: asOf.adding(days: 60), rules: rules)
        var sheets: [String: TimeSheet] = [:]
        for id in openDossiers {
            guard let dossier = dossiers[id], let calendar = calendars[id] else { continue }
            sheets[id] = TimeSheet(dossier: dossier, records: byDossier[id] ?? [], catalogue: rules.absenceCatalogue,
                                   calendar: calendar)
        }
        var items: [MissingCertificateItem] = []
        for record in open {
            guard let sheet = sheets[record.dossierID], let listRow = listRows[record.dossierID],
                  case .required(let dueBy) = sheet.certificateRequirement(for: record), dueBy < asOf else { continue }
            items.append(MissingCertificateItem(
                record: record, dossier: listRow, dueBy: dueBy,
                daysOverdue: dueBy.days(to: asOf),
                ageDays: BatchedReads.ageDays(createdAt: createdAt[record.id], start: record.start, asOf: asOf),
                link: DossierLink(dossierID: record.dossierID, tab: .timeRecords)))
        }
        return items.sorted { ($0.dueBy, $0.dossier.sortName, $0.record.id) < ($1.dueBy, $1.dossier.sortName, $1.record.id) }
    }
}
