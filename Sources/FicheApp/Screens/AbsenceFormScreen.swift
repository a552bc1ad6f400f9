import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets
import Foundation

/// F7 on a dossier: an absence of a type from the employer's catalogue, from a date to a date,
/// for whole days, a morning, an afternoon, or some hours of one day, with the certificate
/// received or not. Saved to the replica as submitted for validation; it shows as pending (…)
/// until the server has it. For an annual leave it says what remains of the year's leave
/// days, and what will remain after this entry.
public final class AbsenceFormScreen: RecordFormScreen {
    /// The absence types offered, in catalogue order (public holidays come from the calendar).
    private let types: [AbsenceType]
    /// The annual leave of one year, read when the entry's year changes (nil: no career).
    private var leave: (year: Int, ledger: LeaveLedger?)?
    /// "Congé annuel 2026 : reste 12 j, après cet encodage 10 j"; nil for other types.
    private(set) var leaveNote: String?

    enum Field: Int { case type, from, to, dayPart, hourFrom, hourTo, certificate }

    public init(dossierID: String, card: DossierCard, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        // Built in a local first: reading the stored property before super.init crashes the optimiser.
        let absenceTypes = environment.rules.absenceCatalogue.types.filter { $0.recordKind == .absence && $0.code != "public_holiday" }
        let typeLabels = absenceTypes.map { strings.label($0.labels) }
        types = absenceTypes
        super.init(dossierID: dossierID, card: card, titleKey: "form.absence.title", fields: [
            FormField(label: strings["form.absence.type"], kind: .choice(typeLabels), isRequired: true),
            FormField(label: strings["form.absence.from"], kind: .date, isRequired: true),
            FormField(label: strings["form.absence.to"], kind: .date),
            FormField(label: strings["form.absence.dayPart"], kind: .choice(DayPart.allCases.map { strings["dayPart.\($0.rawValue)"] })),
            FormField(label: strings["form.absence.hourFrom"], kind: .time),
            FormField(label: strings["form.absence.hourTo"], kind: .time),
            FormField(label: strings["form.absence.certificate"], kind: .checkbox),
        ])
        fieldsChanged(environment)
    }

    private var type: AbsenceType? { types.indices.contains(choiceIndex(Field.type.rawValue)) ? types[choiceIndex(Field.type.rawValue)] : nil }
    private var isHourBased: Bool { !form.fields[Field.hourFrom.rawValue].text.isEmpty || !form.fields[Field.hourTo.rawValue].text.isEmpty }

    override func prefill(_ values: [String: String], _ environment: ScreenEnvironment) {
        fillChoice(Field.type.rawValue, types.firstIndex { $0.code == values["type_code"] })
        fillDate(Field.from.rawValue, values["start"])
        fillDate(Field.to.rawValue, values["end"])
        fillChoice(Field.dayPart.rawValue, DayPart.allCases.firstIndex { $0.rawValue == values["day_part"] })
        fillTime(Field.hourFrom.rawValue, values["start_minute"])
        fillTime(Field.hourTo.rawValue, values["end_minute"])
        form.fields[Field.certificate.rawValue].text = values["certificate_received"] == "1" ? "1" : ""
        form.focus = Field.from.rawValue
        fieldsChanged(environment)
    }

    override func fieldsChanged(_ environment: ScreenEnvironment) {
        leaveNote = nil
        guard let type, environment.rules.leaveRules.balanceTypes.contains(type.code) else { return }
        let typed = typedRecord(id: editing?.id ?? "", environment)
        let year = typed?.start.year ?? environment.today.year
        if leave?.year != year {
            // try?: a figure shown while typing; saving checks the same balance and says why it cannot read it.
            leave = (year, try? environment.database.leaveLedger(dossierID: dossierID, year: year, rules: environment.rules))
        }
        guard let ledger = leave?.ledger else { return }
        let strings = environment.strings
        guard let typed, let after = ledger.remaining(after: typed).first else {
            let remaining = ledger.balance(year: year, asOf: environment.today).remaining
            leaveNote = strings.format("form.absence.leaveNow", ["year": "\(year)", "remaining": strings.decimal(remaining.days, digits: 2)])
            return
        }
        let before = after.remaining + ledger.days(of: typed, in: after.year)
        leaveNote = strings.format("form.absence.leave", ["year": "\(after.year)", "remaining": strings.decimal(before.days, digits: 2),
                                                         "after": strings.decimal(after.remaining.days, digits: 2)])
    }

    /// The entry as typed, submitted for validation; nil until a type and a first day are given,
    /// or for hours over several days.
    private func typedRecord(id: String, _ environment: ScreenEnvironment) -> TimeRecord? {
        guard let type, let start = date(Field.from.rawValue) else { return nil }
        let end = date(Field.to.rawValue) ?? start
        var record: TimeRecord
        if isHourBased, let from = minutes(Field.hourFrom.rawValue), let to = minutes(Field.hourTo.rawValue) {
            guard end == start else { return nil }
            record = .hourAbsence(id: id, employerCode: card.dossier.employerCode, dossierID: dossierID, type: type.code,
                                  on: start, fromMinute: from, toMinute: to, enteredBy: environment.user.id)
            record.certificateReceived = form.fields[Field.certificate.rawValue].isChecked
        } else {
            record = .absence(id: id, employerCode: card.dossier.employerCode, dossierID: dossierID, type: type.code,
                              from: start, to: end, part: DayPart.allCases[choiceIndex(Field.dayPart.rawValue)],
                              certificateReceived: form.fields[Field.certificate.rawValue].isChecked,
                              enteredBy: environment.user.id)
        }
        // Entered for the supervisor to validate.
        record.status = .submitted
        return record
    }

    override func checkAcrossFields(_ environment: ScreenEnvironment) -> Bool {
        var ok = true
        let to = Field.to.rawValue
        if let start = date(Field.from.rawValue), let end = date(to), end < start {
            form.fields[to].problem = .rule(environment.strings.message(for: .dateRangeReversed(start: start, end: end)))
            ok = false
        } else if case .rule = form.fields[to].problem {
            form.fields[to].problem = nil
        }
        if isHourBased {
            for field in [Field.hourFrom, .hourTo] where form.fields[field.rawValue].text.isEmpty {
                form.fields[field.rawValue].problem = .required
                ok = false
            }
            if let start = minutes(Field.hourFrom.rawValue), let end = minutes(Field.hourTo.rawValue), end <= start {
                form.fields[Field.hourTo.rawValue].problem = .rule(environment.strings.message(for: .timeRangeInvalid(startMinute: start, endMinute: end)))
                ok = false
            }
        }
        return ok
    }

    override func save(_ environment: ScreenEnvironment) -> ScreenResult {
        guard let type, let start = date(Field.from.rawValue) else { return .handled }
        let end = date(Field.to.rawValue) ?? start
        guard let record = typedRecord(id: UUID().uuidString.lowercased(), environment) else {
            return refuse(.absenceUnitNotAllowed(code: type.code, unit: .day), field: Field.to.rawValue, environment)
        }
        let written: Bool
        do {
            written = try write(record, environment) {
                try environment.database.recordAbsence(record, by: environment.user, rules: environment.rules,
                                                       settling: correcting)
            }
        } catch let violation as RuleViolation {
            return refuse(violation, field: Self.field(for: violation)?.rawValue, environment)
        } catch {
            return failed(error, environment)
        }
        let strings = environment.strings
        guard written else { return .close(Toast(strings["form.edit.unchanged"], kind: .info)) }
        return .close(Toast(strings.format(savedKey("absence"), ["type": strings.label(type.labels),
                                                                  "from": strings.date(start), "to": strings.date(end)]),
                            kind: .success))
    }

    /// The field a broken rule is about; nil for the message line only.
    static func field(for violation: RuleViolation) -> Field? {
        switch violation {
        case .absenceOverlap, .absenceOnNonWorkingDays, .monthClosed, .dateInvalid, .dateFormat: return .from
        case .dateRangeReversed: return .to
        case .absenceUnitNotAllowed: return .dayPart
        case .timeRangeInvalid: return .hourTo
        case .certificateMissing: return .certificate
        case .leaveBalanceExceeded: return .to
        case .absenceTypeUnknown, .entryKindChanged: return .type
        case .correctionCancellationDates: return .from
        default: return nil
        }
    }

    override func notes(_ environment: ScreenEnvironment) -> [String] {
        guard let type else { return [] }
        let strings = environment.strings
        var note = strings["form.absence.unit.\(type.unit.rawValue)"]
        if type.certificate.required { note += " · " + strings["form.absence.needsCertificate"] }
        return [note] + (leaveNote.map { [$0] } ?? [])
    }
}
