import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

/// Ctrl+K on a dossier: a clocking, in and out on one day. As the times are typed it shows the
/// time worked and where the day and its week stand against the schedule, clockings already
/// entered included.
public final class ClockingFormScreen: RecordFormScreen {
    enum Field: Int { case day, clockIn, clockOut }

    /// The day off the user was told about: saving again on it records the clocking anyway.
    private var confirmedDayOff: LocalDate?

    public init(dossierID: String, card: DossierCard, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        super.init(dossierID: dossierID, card: card, titleKey: "form.clocking.title", fields: [
            FormField(label: strings["form.clocking.day"], kind: .date, text: strings.date(environment.today), isRequired: true),
            FormField(label: strings["form.clocking.in"], kind: .time, isRequired: true),
            FormField(label: strings["form.clocking.out"], kind: .time, isRequired: true),
        ])
        form.focus = Field.clockIn.rawValue
    }

    /// Minutes between in and out, nil until both are valid and in order.
    private var workedMinutes: Int? {
        guard let start = minutes(Field.clockIn.rawValue), let end = minutes(Field.clockOut.rawValue), end > start else { return nil }
        return end - start
    }

    override func prefill(_ values: [String: String], _ environment: ScreenEnvironment) {
        fillDate(Field.day.rawValue, values["start"])
        fillTime(Field.clockIn.rawValue, values["start_minute"])
        fillTime(Field.clockOut.rawValue, values["end_minute"])
        form.focus = Field.day.rawValue
    }

    override func checkAcrossFields(_ environment: ScreenEnvironment) -> Bool {
        let out = Field.clockOut.rawValue
        if let start = minutes(Field.clockIn.rawValue), let end = minutes(out), end <= start {
            form.fields[out].problem = .rule(environment.strings.message(for: .timeRangeInvalid(startMinute: start, endMinute: end)))
            return false
        }
        if case .rule = form.fields[out].problem { form.fields[out].problem = nil }
        return true
    }

    override func notes(_ environment: ScreenEnvironment) -> [String] {
        let strings = environment.strings
        let worked = workedMinutes ?? 0
        var lines = [strings.format("form.clocking.worked", ["hours": strings.hours(minutes: worked)])]
        guard let day = date(Field.day.rawValue) else { return lines }
        let balance: (day: ClockingBalance, week: ClockingBalance)
        do {
            balance = try environment.database.clockingBalance(dossierID: dossierID, on: day, rules: environment.rules)
        } catch {
            return lines + [strings.format("error.replica", ["detail": "\(error)"])]
        }
        // The entry being corrected is counted once: as typed now, not also as it was saved.
        let monday = day.adding(days: 1 - day.weekday.isoNumber)
        let before = editing?.durationMinutes ?? 0
        let sameWeek = editing.map { $0.start >= monday && $0.start <= monday.adding(days: 6) } ?? false
        let weekWorked = worked - (sameWeek ? before : 0)
        let dayWorked = worked - (editing?.start == day ? before : 0)
        func signed(_ minutes: Int) -> String { (minutes > 0 ? "+" : "") + strings.hours(minutes: minutes) }
        lines.append(strings.format("form.clocking.dayBalance", [
            "balance": signed(balance.day.balanceMinutes + dayWorked), "expected": strings.hours(minutes: balance.day.expectedMinutes)]))
        lines.append(strings.format("form.clocking.weekBalance", [
            "balance": signed(balance.week.balanceMinutes + weekWorked), "expected": strings.hours(minutes: balance.week.expectedMinutes),
            "start": strings.date(balance.week.start)]))
        return lines
    }

    override func save(_ environment: ScreenEnvironment) -> ScreenResult {
        guard let day = date(Field.day.rawValue), let start = minutes(Field.clockIn.rawValue),
              let end = minutes(Field.clockOut.rawValue) else { return .handled }
        // A clocking on a day the schedule does not expect (weekend, public holiday, day off of
        // a part-time schedule) is asked about once; the list marks it once saved.
        if confirmedDayOff != day {
            do {
                if try environment.database.clockingBalance(dossierID: dossierID, on: day, rules: environment.rules)
                    .day.expectedMinutes == 0 {
                    confirmedDayOff = day
                    return .notice(Toast(environment.strings.format("form.clocking.dayOff", [
                        "day": environment.strings.date(day), "key": environment.keyNames("form.save", in: .form),
                    ]), kind: .error))
                }
            } catch {
                return failed(error, environment)
            }
        }
        let written: Bool
        do {
            let record = TimeRecord.clocking(id: "", employerCode: card.dossier.employerCode, dossierID: dossierID, on: day,
                                             inMinute: start, outMinute: end, enteredBy: environment.user.id)
            written = try write(record, environment) {
                try environment.database.recordClocking(dossierID: dossierID, on: day, inMinute: start, outMinute: end,
                                                        by: environment.user, rules: environment.rules, settling: correcting)
            }
        } catch let violation as RuleViolation {
            let field: Field? = switch violation {
            case .timeRangeInvalid, .clockingTooLong, .clockingWeekTooLong: .clockOut
            case .clockingOverlap: .clockIn
            case .clockingDuringAbsence, .clockingInFuture, .monthClosed: .day
            default: nil
            }
            return refuse(violation, field: field?.rawValue, environment)
        } catch {
            return failed(error, environment)
        }
        let strings = environment.strings
        guard written else { return .close(Toast(strings["form.edit.unchanged"], kind: .info)) }
        return .close(Toast(strings.format(savedKey("clocking"), ["day": strings.date(day), "in": strings.hours(minutes: start),
                                                                   "out": strings.hours(minutes: end)]), kind: .success))
    }
}
