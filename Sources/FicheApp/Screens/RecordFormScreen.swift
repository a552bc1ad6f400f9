import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets
import Foundation

/// What the three entry forms share: a form in a panel over the dossier, fields checked as the
/// user types and when they leave a field, F2/Ctrl+S to save, Esc to leave without saving.
///
/// A failed save keeps everything typed and puts the problem under the field it concerns (and
/// in full on the message line). Each form says what its fields are, what it checks across
/// fields, and how it saves; dates get their slashes and times their colon as digits are typed.
public class RecordFormScreen: Screen {
    public let dossierID: String
    public internal(set) var form: Form
    /// The dossier the record is for (name, employer), as the replica holds it.
    let card: DossierCard
    private let titleKey: String
    /// The refused change this entry corrects: it leaves the conflicts list once the entry is saved.
    var correcting: Int64?
    /// The saved entry this form corrects (Enter on a row of the time-records tab): saving writes
    /// over it (an entry not yet validated, by its author) or sends a correction of it for
    /// validation (a validated entry).
    var editing: TimeRecord?
    /// Whether saving sends a correction of a validated entry rather than writing over it.
    var correctsValidated: Bool { editing?.status == .validated }
    /// Something was typed since the form opened: Esc then asks before dropping it.
    private(set) var edited = false
    /// Esc was pressed once on an edited form: a second Esc leaves, any other key stays.
    private(set) var leaving = false

    init(dossierID: String, card: DossierCard, titleKey: String, fields: [FormField]) {
        self.dossierID = dossierID
        self.card = card
        self.titleKey = titleKey
        self.form = Form(fields: fields)
    }

    public var keyContext: KeyContext { .form }
    public var hintedActions: [ActionID] { ["form.save", "form.next", "form.previous", "form.cancel"] }
    public var takesText: Bool { true }

    public func breadcrumb(_ environment: ScreenEnvironment) -> [String] {
        let person = card.person
        let initial = person.firstName.first.map { "\($0)." } ?? ""
        return [environment.strings["list.title"], "\(person.lastName), \(initial)", environment.strings[shownTitleKey]]
    }

    public func type(_ key: Key, _ environment: ScreenEnvironment) -> ScreenResult {
        switch key {
        case .right: form.fields[form.focus].cycle(1)
        case .left: form.fields[form.focus].cycle(-1)
        case .down, .enter: leaveField(environment) { $0.focusNext() }
        case .up: leaveField(environment) { $0.focusPrevious() }
        case .backspace: form.deleteBackward()
        case .control("u"): form.clearField()
        case .character(let character): typeCharacter(character)
        default: return .ignored
        }
        leaving = false
        if key != .down, key != .up, key != .enter { edited = true }
        fieldsChanged(environment)
        return .handled
    }

    public func perform(_ action: ActionID, _ environment: ScreenEnvironment) -> ScreenResult {
        let wasLeaving = leaving
        leaving = false
        switch action.rawValue {
        case "form.next": leaveField(environment) { $0.focusNext() }
        case "form.previous": leaveField(environment) { $0.focusPrevious() }
        case "form.save":
            let fieldsOK = form.checkAll()
            let crossOK = checkAcrossFields(environment)
            guard fieldsOK, crossOK else {
                if let first = form.fields.firstIndex(where: { $0.problem != nil }) { form.focus = first }
                return .notice(Toast(environment.strings["form.notSaved"], kind: .error))
            }
            return save(environment)
        case "form.cancel", "app.back":
            // What was typed is not dropped on one key: the first Esc says so, the second leaves.
            guard edited, !wasLeaving else { return .close(nil) }
            leaving = true
            return .notice(Toast(environment.strings.format("form.leaveUnsaved", [
                "key": environment.keyNames("form.cancel", in: .form),
            ]), kind: .error))
        default: return .ignored
        }
        return .handled
    }

    /// Typed into the focused field; a date gets its `/` and a time its `:` as the digits come.
    private func typeCharacter(_ character: Character) {
        var field = form.fields[form.focus]
        let digit = character.isASCII && character.isNumber
        switch field.kind {
        case .date where digit && (field.text.count == 2 || field.text.count == 5): field.text.append("/")
        case .time where digit && field.text.count == 2: field.text.append(":")
        default: break
        }
        field.type(character)
        // A problem found earlier goes once the value is complete and right, or is being retyped.
        if field.problem != nil { field.problem = nil }
        form.fields[form.focus] = field
        if case .date = field.kind, field.text.count == 10 { form.fields[form.focus].check() }
        if case .time = field.kind, field.text.count == 5 { form.fields[form.focus].check() }
    }

    /// Checks the field being left (and what depends on it), then moves.
    private func leaveField(_ environment: ScreenEnvironment, _ move: (inout Form) -> Void) {
        form.fields[form.focus].check()
        _ = checkAcrossFields(environment)
        move(&form)
    }

    /// Puts a broken rule under the field it concerns; returns the toast for the message line.
    func refuse(_ violation: RuleViolation, field: Int?, _ environment: ScreenEnvironment) -> ScreenResult {
        let message = environment.strings.message(for: violation) {
            environment.strings.absenceLabel($0, in: environment.rules.absenceCatalogue)
        }
        if let field, form.fields.indices.contains(field) {
            form.fields[field].problem = .rule(message)
            form.focus = field
        }
        return .notice(Toast(message, kind: .error))
    }

    /// A save that failed for another reason than a rule (a replica error): nothing is lost.
    func failed(_ error: Error, _ environment: ScreenEnvironment) -> ScreenResult {
        if let violation = error as? RuleViolation { return refuse(violation, field: nil, environment) }
        return .notice(Toast(environment.strings.format("error.replica", ["detail": "\(error)"]), kind: .error))
    }

    /// The value of a date field, nil while it is not a whole, valid date.
    func date(_ index: Int) -> LocalDate? {
        let text = form.fields[index].text
        guard FormField.problem(with: text, kind: .date, isRequired: true) == nil else { return nil }
        let parts = text.split(separator: "/").compactMap { Int($0) }
        return parts.count == 3 ? LocalDate(year: parts[2], month: parts[1], day: parts[0]) : nil
    }

    /// Minutes after midnight of a time field, nil while it is not a valid hh:mm.
    func minutes(_ index: Int) -> Int? {
        let text = form.fields[index].text
        guard FormField.problem(with: text, kind: .time, isRequired: true) == nil else { return nil }
        let parts = text.split(separator: ":").compactMap { Int($0) }
        return parts.count == 2 ? parts[0] * 60 + parts[1] : nil
    }

    /// The position of a choice field's text among its choices.
    func choiceIndex(_ index: Int) -> Int {
        guard case .choice(let choices) = form.fields[index].kind else { return 0 }
        return choices.firstIndex(of: form.fields[index].text) ?? 0
    }

    /// Fills the form from a refused entry: the stored columns (`start`, `type_code`…) as text.
    func prefill(_ values: [String: String], _ environment: ScreenEnvironment) {}

    /// Sets a date field from a stored `yyyy-mm-dd`; leaves it as it is when there is none.
    func fillDate(_ index: Int, _ stored: String?) {
        // try?: "is this a date?"; a stored value that is not one leaves the field for the clerk to fill.
        guard let stored, let day = try? LocalDate.parse(stored) else { return }
        form.fields[index].text = day.belgian
    }

    /// Sets a time field from stored minutes after midnight (`hh:mm`).
    func fillTime(_ index: Int, _ stored: String?) {
        guard let minutes = stored.flatMap({ Int($0) }), (0..<24 * 60).contains(minutes) else { return }
        form.fields[index].text = String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    /// Sets a choice field to its option at `position`, when there is one.
    func fillChoice(_ index: Int, _ position: Int?) {
        guard let position, case .choice(let choices) = form.fields[index].kind, choices.indices.contains(position) else { return }
        form.fields[index].text = choices[position]
    }

    /// "Correct the absence" when the form corrects a saved entry, else the form's own title.
    private var shownTitleKey: String {
        guard editing != nil else { return titleKey }
        return titleKey + (correctsValidated ? "Correction" : "Edit")
    }

    /// The message key of a saved form: a new entry, one corrected in place, or a correction sent.
    func savedKey(_ form: String) -> String {
        guard editing != nil else { return "form.\(form).saved" }
        return correctsValidated ? "form.\(form).correctionSent" : "form.\(form).amended"
    }

    /// Fills the form with a saved entry to correct it; saving then writes over that entry. A
    /// validated entry gets one more field, last: why it is corrected (required, sent with the
    /// correction for the person who validates it and for the payroll).
    func edit(_ record: TimeRecord, _ environment: ScreenEnvironment) {
        editing = record
        prefill(record.storedValues, environment)
        if record.status == .validated {
            form.fields.append(FormField(label: environment.strings["form.correctionReason"], kind: .text(maxLength: 200),
                                         isRequired: true))
            reasonField = form.fields.count - 1
        }
    }

    /// The index of the correction's reason field; nil unless the form corrects a validated entry.
    private(set) var reasonField: Int?

    /// What the reason field holds, trimmed; nil when empty or absent.
    var correctionReason: String? {
        guard let reasonField, form.fields.indices.contains(reasonField) else { return nil }
        let text = form.fields[reasonField].text.trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    /// Saves `record`: over the entry being corrected, or as a new entry. The message says which.
    /// - Returns: whether anything was written (a correction that changes nothing writes nothing).
    func write(_ record: TimeRecord, _ environment: ScreenEnvironment, new: () throws -> Void) throws -> Bool {
        guard let editing else {
            try new()
            return true
        }
        if correctsValidated {
            var corrected = record
            corrected.correctionReason = correctionReason
            try environment.database.recordCorrection(of: editing.id, replacingWith: corrected, by: environment.user,
                                                      rules: environment.rules)
            return true
        }
        var edit = record
        edit.id = editing.id
        return try environment.database.amendTimeRecord(edit, by: environment.user, rules: environment.rules) != nil
    }

    // MARK: What each form says

    /// Checks across fields (to ≥ from…), setting problems; returns whether all is well.
    func checkAcrossFields(_ environment: ScreenEnvironment) -> Bool { true }

    /// Called after every key typed: live figures (worked hours, balances).
    func fieldsChanged(_ environment: ScreenEnvironment) {}

    /// Writes the record; `.close` with a notice when it is saved.
    func save(_ environment: ScreenEnvironment) -> ScreenResult { .handled }

    /// Lines shown under the fields (live figures, a hint).
    func notes(_ environment: ScreenEnvironment) -> [String] { [] }

    public func render(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        let notes = notes(environment)
        let problems = form.fields.filter { $0.problem != nil }.count
        let height = min(rect.height, form.fields.count + problems + notes.count + 5)
        let panel = Panel(title: strings[shownTitleKey] + " · " + card.person.sortName, width: min(rect.width - 2, 90), height: height)
        let inside = panel.render(into: &buffer, in: rect)
        form.render(into: &buffer, rect: inside.inset(bottom: notes.count + 1)) { problem in
            switch problem {
            case .rule(let message): return message
            case .required: return strings["form.problem.required"]
            case .invalidDate: return strings["form.problem.date"]
            case .invalidTime: return strings["form.problem.time"]
            case .invalidNumber: return strings["form.problem.number"]
            case .tooLong: return strings["form.problem.tooLong"]
            }
        }
        for (offset, note) in notes.enumerated() {
            buffer.write(note, x: inside.x, y: inside.maxY - notes.count - 1 + offset, role: .normal, maxWidth: inside.width)
        }
        buffer.write(strings["form.help"], x: inside.x, y: inside.maxY - 1, role: .dim, maxWidth: inside.width)
    }
}
