import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

/// Ctrl+K on a dossier: a clocking, in and out on one day. As the times are typed it shows the
/// time worked and where the day and its week stand against the schedule, clockings already
/// entered included.
public final class ClockingFormScreen: RecordFormScreen {
    enum Field: Int { case day, clockIn, clockOut }

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
        func signed(_ minutes: Int) -> String { (minutes > 0 ? "+" : "") + strings.hours(minutes: minutes) }
        lines.append(strings.format("form.clocking.dayBalance", [
            "balance": signed(balance.day.balanceMinutes + worked), "expected": strings.hours(minutes: balance.day.expectedMinutes)]))
        lines.append(strings.format("form.clocking.weekBalance", [
            "balance": signed(balance.week.balanceMinutes + worked), "expected": strings.hours(minutes: balance.week.expectedMinutes),
            "start": strings.date(balance.week.start)]))
        return lines
    }

    override func save(_ environment: ScreenEnvironment) -> ScreenResult {
        guard let day = date(Field.day.rawValue), let start = minutes(Field.clockIn.rawValue),
              let end = minutes(Field.clockOut.rawValue) else { return .handled }
        do {
            try environment.database.recordClocking(dossierID: dossierID, on: day, inMinute: start, outMinute: end,
                                                    by: environment.user, rules: environment.rules, settling: correcting)
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
        return .close(Toast(strings.format("form.clocking.saved", ["day": strings.date(day), "in": strings.hours(minutes: start),
                                                                   "out": strings.hours(minutes: end)]), kind: .success))
    }
}
