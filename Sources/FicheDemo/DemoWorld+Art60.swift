import FicheDomain

extension DemoWorld {
    static let placementTasks = ["Entretien des espaces verts", "Aide en cuisine", "Accueil et secrétariat",
                                 "Logistique en entrepôt", "Aide-soignant·e", "Onderhoud van gebouwen", "Magazijnwerk",
                                 "Animation en maison de repos"]

    /// The day the 2026 reform of art. 60 took effect: the example's contract started before.
    static let reformDay = LocalDate(year: 2026, month: 3, day: 1) ?? LocalDate(dayNumber: 20_513)
    /// The long sickness of the worker whose projection the 2026 reform moved.
    static let reformSicknessStart = LocalDate(year: 2026, month: 5, day: 4) ?? LocalDate(dayNumber: 20_577)
    static let reformSicknessEnd = LocalDate(year: 2026, month: 6, day: 26) ?? LocalDate(dayNumber: 20_630)

    /// The Article 60 contract of a worker, one placement with a partner, and its follow-up
    /// events. A contract whose planned end is past has ended that day (its target reached);
    /// one whose worker left before has ended then (a resignation); the dossier ends with it.
    mutating func makeArt60(dossier made: inout DemoDossier, officer: String) throws -> DemoArt60File {
        let dossier = made.written
        let contractID = "a60-\(dossier.id)"
        let start = calendar.day(dossier.firstOffset)
        let months = [12, 18, 24][Int.random(in: 0..<3, using: &random)]
        let plannedEnd = start.adding(months: months).adding(days: -1)
        var contract = Art60Contract(id: contractID, employerCode: dossier.employerCode, dossierID: dossier.id, start: start,
                                     plannedEnd: plannedEnd, regime: .fullTime, officerID: officer)
        let placementID = "plc-\(dossier.id)"
        let partnerID = partners[Int.random(in: 0..<partners.count, using: &random)]
        let placementStart = start.adding(days: Int.random(in: 0...30, using: &random))
        let fee = [0, 25_000, 50_000, 75_000, 100_000][Int.random(in: 0..<5, using: &random)]
        let tasks = Self.placementTasks[Int.random(in: 0..<Self.placementTasks.count, using: &random)]
        var placement = Placement(id: placementID, contractID: contractID, partnerID: partnerID, start: placementStart,
                                  agreementSignedOn: placementStart.adding(days: -7), monthlyFeeCents: fee, tasks: tasks,
                                  hoursPerWeek: 38, supervisorName: DemoNames.lastNames.randomElement(using: &random))
        if let left = made.dossier.endDate, left < plannedEnd {
            (contract.end, contract.endReason) = (left, .resignation)
        } else if plannedEnd < today {
            (contract.end, contract.endReason) = (plannedEnd, .targetReached)
            made.end(on: plannedEnd, offset: plannedEnd.dayNumber - firstDay.dayNumber)
        }
        if let end = contract.end { placement.end = max(placementStart, end) }
        var planned: [(LocalDate, Art60EventKind, String?, String)] = [
            (start, .contractStart, nil, "Signature du contrat"),
            (placementStart, .placementStart, placementID, "Début de mise à disposition"),
        ]
        var evaluation = placementStart.adding(months: 3)
        // The officer's log stops at the contract's end, and at today.
        let lastDay = min(calendar.day(made.written.lastOffset), today)
        while evaluation <= lastDay {
            planned.append((evaluation, .partnerEvaluation, placementID, "Évaluation trimestrielle"))
            evaluation = evaluation.adding(months: 3)
        }
        var events: [Art60Event] = []
        for (date, kind, placement, note) in planned {
            eventCount += 1
            events.append(Art60Event(id: "evt-\(eventCount)", contractID: contractID, date: date, kind: kind,
                                     placementID: placement, note: note, recordedBy: officer))
        }
        events += followUpEvents(contractID: contractID, placementID: placementID, from: placementStart, to: lastDay,
                                 officer: officer)
        if let end = contract.end, end <= lastDay {
            eventCount += 1
            events.append(Art60Event(id: "evt-\(eventCount)", contractID: contractID, date: end,
                                     kind: contract.endReason == .targetReached ? .normalEnd : .earlyEnd,
                                     placementID: placementID, note: "Fin du contrat", recordedBy: officer))
        }
        // The first worker whose contract runs across the 2026 reform and through the summer is ill
        // from 4 May to 26 June 2026: after the 30 days of guaranteed salary the mutuality pays,
        // and since 1 March 2026 those days no longer count, so the projected date moves. Ids of
        // their own, so no other record or event of the demo changes.
        var reformSickness: TimeRecord?
        if reformExample == nil, contract.end == nil, start < Self.reformDay,
           lastDay > Self.reformSicknessEnd.adding(days: 60) {
            reformExample = (dossier.id, Self.reformSicknessStart...Self.reformSicknessEnd)
            events.append(Art60Event(id: "evt-reform-\(dossier.id)", contractID: contractID, date: Self.reformSicknessStart,
                                     kind: .sickness, placementID: placementID,
                                     note: "Maladie longue : la mutuelle paie après 30 jours, ces jours ne comptent plus",
                                     recordedBy: officer))
            reformSickness = TimeRecord(
                id: "tr-reform-\(dossier.id)", employerCode: dossier.employerCode, dossierID: dossier.id, kind: .absence,
                typeCode: "sick", start: Self.reformSicknessStart, end: Self.reformSicknessEnd, certificateReceived: true,
                status: .validated, enteredBy: dossier.timeManager, reviewedBy: dossier.supervisor)
        }
        return DemoArt60File(contract: contract, placement: placement, events: events, reformSickness: reformSickness)
    }

    /// What the CPAS's own study of Article 60 follow-up found: far more events than for other
    /// staff. About one a fortnight while placed: an unjustified absence or a lateness the
    /// partner reports, or a sickness; each is a row the payroll clerk deals with (and weighs in
    /// the workload). Drawn from `followUpRandom` with ids of their own (`evt-f-N`).
    mutating func followUpEvents(contractID: String, placementID: String, from first: LocalDate, to last: LocalDate,
                                 officer: String) -> [Art60Event] {
        let kinds: [(Art60EventKind, String)] = [
            (.unjustifiedAbsence, "Absence injustifiée signalée par le partenaire"),
            (.lateness, "Retard signalé par le partenaire"),
            (.unjustifiedAbsence, "Absence non justifiée, courrier envoyé"),
            (.sickness, "Maladie : certificat demandé"),
            (.lateness, "Retards répétés, entretien prévu"),
        ]
        var events: [Art60Event] = []
        var day = first.adding(days: Int.random(in: 7...30, using: &followUpRandom))
        while day <= last {
            let (kind, note) = kinds[Int.random(in: 0..<kinds.count, using: &followUpRandom)]
            followUpCount += 1
            events.append(Art60Event(id: "evt-f-\(followUpCount)", contractID: contractID, date: day, kind: kind,
                                     placementID: placementID, note: note, recordedBy: officer))
            day = day.adding(days: Int.random(in: 7...21, using: &followUpRandom))
        }
        return events
    }
}
