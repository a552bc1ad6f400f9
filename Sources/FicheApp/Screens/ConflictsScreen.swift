import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

/// Alt+c: the changes the server refused (✖) or found changed meanwhile (⚠). For the selected
/// one: the dossier, and per field the value the clerk started from (base), what they typed
/// (yours) and what the server holds now (theirs) — side by side from 100 columns, one under
/// the other below — masked as on the identity tab unless the role may see them, and why.
///
/// On a conflict: F5 takes theirs, F6 keeps yours (a new change starting from theirs), F4
/// edits the value first. On a refused entry, Enter opens its form again filled in with what
/// was typed; saving the corrected entry takes the refusal off the list and the badge.
public final class ConflictsScreen: Screen {
    public private(set) var conflicts: [SyncConflict] = []
    public private(set) var selection = 0
    private var top = 0
    private var body = App.bodySize(for: Frame.minimumSize)
    private var failure: String?
    private var failedRead = FailedRead()

    public init(_ environment: ScreenEnvironment) {
        reload(environment)
    }

    public var keyContext: KeyContext { .conflicts }
    public var hintedActions: [ActionID] {
        ["list.open", "conflict.keepMine", "conflict.takeTheirs", "conflict.edit", "app.back", "app.help"]
    }

    public func breadcrumb(_ environment: ScreenEnvironment) -> [String] { [environment.strings["conflicts.title"]] }

    public func perform(_ action: ActionID, _ environment: ScreenEnvironment) -> ScreenResult {
        switch action.rawValue {
        case "list.up": selection = max(0, selection - 1)
        case "list.down": selection = min(max(0, conflicts.count - 1), selection + 1)
        case "list.first", "list.pageUp": selection = 0
        case "list.last", "list.pageDown": selection = max(0, conflicts.count - 1)
        case "list.open": return open(environment)
        case "conflict.takeTheirs": return keepServerValue(environment)
        case "conflict.keepMine": return keepMine(environment)
        case "conflict.edit": return edit(environment)
        case "view.refresh": reload(environment)
        default: return .ignored
        }
        return .handled
    }

    public func click(row: Int, column: Int, double: Bool, _ environment: ScreenEnvironment) -> ScreenResult {
        let index = top + row - 1
        guard conflicts.indices.contains(index) else { return .handled }
        selection = index
        return double ? open(environment) : .handled
    }

    public func layout(body: Size, _ environment: ScreenEnvironment) { self.body = body }

    public func reload(_ environment: ScreenEnvironment) {
        do {
            let previous = conflicts
            conflicts = try environment.database.syncConflicts()
            selection = KeptSelection.index(in: conflicts, previous: previous, selection: selection) {
                $0.mutationID == $1.mutationID
            }
            failure = nil
        } catch {
            let text = environment.strings.format("error.replica", ["detail": "\(error)"])
            failure = text
            failedRead.note(text)
        }
    }

    public func takeReadFailure() -> Toast? { failedRead.take() }

    /// Enter: a refused entry goes back to its form filled in with what was typed; anything
    /// else opens its dossier where the value lives.
    private func open(_ environment: ScreenEnvironment) -> ScreenResult {
        guard conflicts.indices.contains(selection) else { return .handled }
        let conflict = conflicts[selection]
        guard let dossierID = conflict.dossierID else {
            return .notice(Toast(environment.strings["conflicts.noDossier"], kind: .error))
        }
        if let kind = NewRecordKind(mutation: conflict.mutation) {
            let values = conflict.changes.compactMapValues(\.new)
            return Navigation.newRecord(kind, dossierID: dossierID,
                                        prefill: RecordPrefill(values: values, correcting: conflict.mutationID), environment)
        }
        let tab: DossierTab = conflict.entity == "time_record" ? .timeRecords : conflict.entity == "note" ? .notes : .identity
        return Navigation.openDossier(dossierID, tab: tab, environment)
    }

    /// F5: the server's value stays; the item leaves the list and the badge's count.
    private func keepServerValue(_ environment: ScreenEnvironment) -> ScreenResult {
        settle(environment, done: "conflicts.kept") { database, conflict, user in
            try database.keepServerValue(mutationID: conflict.mutationID, by: user)
        }
    }

    /// F6: the clerk's value goes to the server again, as a new change starting from theirs.
    private func keepMine(_ environment: ScreenEnvironment) -> ScreenResult {
        guard selectedFieldConflict(environment) != nil else { return notAFieldConflict(environment) }
        return settle(environment, done: "conflicts.keptMine") { database, conflict, user in
            try database.keepMine(mutationID: conflict.mutationID, by: user)
        }
    }

    /// F4: the field in a small form, filled in with what the clerk typed.
    private func edit(_ environment: ScreenEnvironment) -> ScreenResult {
        guard let conflict = selectedFieldConflict(environment) else { return notAFieldConflict(environment) }
        let found: DossierCard?
        do {
            found = try conflict.dossierID.flatMap { try environment.database.openDossier($0, year: environment.today.year) }
        } catch {
            return .readFailed(error, environment.strings)
        }
        guard let dossierID = conflict.dossierID, let card = found else {
            return .notice(Toast(environment.strings["conflicts.noDossier"], kind: .error))
        }
        return .open(ConflictEditFormScreen(conflict: conflict, dossierID: dossierID, card: card, environment))
    }

    private func selectedFieldConflict(_ environment: ScreenEnvironment) -> SyncConflict? {
        guard conflicts.indices.contains(selection), conflicts[selection].isFieldConflict else {
            return nil
        }
        return conflicts[selection]
    }

    private func notAFieldConflict(_ environment: ScreenEnvironment) -> ScreenResult {
        guard conflicts.indices.contains(selection) else { return .handled }
        return .notice(Toast(environment.strings.format("conflicts.onlyConflicts", [
            "key": environment.keyNames("list.open", in: .conflicts)]), kind: .error))
    }

    /// Settles the selected item one way; it leaves the list and the badge's count.
    private func settle(_ environment: ScreenEnvironment, done: String,
                        _ write: (AppDatabase, SyncConflict, User) throws -> Void) -> ScreenResult {
        guard conflicts.indices.contains(selection) else { return .handled }
        let conflict = conflicts[selection]
        do {
            try write(environment.database, conflict, environment.user)
            reload(environment)
            return .notice(Toast(environment.strings.format(done, ["dossier": conflict.dossierNumber ?? conflict.targetID]),
                                 kind: .success))
        } catch let violation as RuleViolation {
            return .notice(Toast(environment.strings.message(for: violation), kind: .error))
        } catch {
            return .notice(Toast(environment.strings.format("error.replica", ["detail": "\(error)"]), kind: .error))
        }
    }

    // MARK: Words

    /// "Absence : Congé annuel du 01/12/2026 au 02/12/2026" or "IBAN : BE68… → BE71…".
    func typed(_ conflict: SyncConflict, _ environment: ScreenEnvironment) -> [String] {
        let strings = environment.strings
        if conflict.mutation == "recordAbsence" {
            let type = conflict.changes["type_code"]?.new ?? ""
            let label = environment.rules.absenceCatalogue.type(type)?.labels.text(in: domainLanguage(strings)) ?? type
            return [strings.format("conflicts.typed.absence", [
                "type": label, "start": displayed(conflict.changes["start"]?.new), "end": displayed(conflict.changes["end"]?.new),
            ])]
        }
        if conflict.mutation == "recordClocking" {
            func time(_ column: String) -> String {
                conflict.changes[column]?.new.flatMap { Int($0) }.map { strings.hours(minutes: $0) } ?? "—"
            }
            return [strings.format("conflicts.typed.clocking", [
                "day": displayed(conflict.changes["start"]?.new), "in": time("start_minute"), "out": time("end_minute"),
            ])]
        }
        if conflict.mutation == "recordCertificate" {
            return [strings.format("conflicts.typed.certificate", [
                "date": displayed(conflict.changes["certificate_received_on"]?.new),
            ])]
        }
        if conflict.mutation == "recordCorrection" {
            let entry = strings.entrySummary(conflict.changes.compactMapValues(\.new), catalogue: environment.rules.absenceCatalogue)
            return [strings.format("conflicts.typed.correction", ["entry": entry])]
        }
        if conflict.mutation == "amendTimeRecord" || conflict.mutation == "deleteTimeRecord" {
            let catalogue = environment.rules.absenceCatalogue
            let before = strings.entrySummary(conflict.changes.compactMapValues(\.old), catalogue: catalogue)
            guard conflict.mutation == "amendTimeRecord" else {
                return [strings.format("conflicts.typed.delete", ["entry": before])]
            }
            let after = strings.entrySummary(conflict.changes.compactMapValues(\.new), catalogue: catalogue)
            return [strings.format("conflicts.typed.amend", ["before": before, "after": after])]
        }
        if ["addNote", "editNote", "eraseNote"].contains(conflict.mutation) {
            // A note's text is kept neither in the history nor in the answers: the note itself,
            // as the server now has it, is on the dossier's notes tab.
            return [strings["conflicts.typed.\(conflict.mutation)"]]
        }
        if conflict.mutation == "recordArt60Event" {
            let kind = conflict.changes["kind"]?.new ?? ""
            return [strings.format("conflicts.typed.art60Event", [
                "kind": strings["art60.event." + kind], "date": displayed(conflict.changes["date"]?.new),
            ])]
        }
        return conflict.changes.keys.sorted().filter { $0 != "pending_iban_by" }.map { field in
            let change = conflict.changes[field]
            return strings.format("conflicts.typed.field", [
                "field": Self.fieldName(field, strings),
                "old": displayed(change?.old, field: field, employerCode: conflict.employerCode, environment),
                "new": displayed(change?.new, field: field, employerCode: conflict.employerCode, environment),
            ])
        }
    }

    /// Why, in words: the server's code translated, else the code itself.
    func reason(_ conflict: SyncConflict, _ strings: Strings) -> String {
        guard let code = conflict.reason else { return strings["conflicts.reason.none"] }
        let key = "conflicts.reason." + code
        let text = strings[key]
        return text == key ? strings.format("conflicts.reason.other", ["code": code]) : text
    }

    /// "IBAN", "Nom"…: a field as the clerk calls it.
    static func fieldName(_ field: String, _ strings: Strings) -> String {
        let key = "conflicts.field." + field
        let text = strings[key]
        return text == key ? field : text
    }

    /// A stored value as the clerk reads it: dates dd/mm/yyyy, a clerk's name, "—" for empty,
    /// an IBAN or NISS grouped — masked unless the user's role may see it in full at `employerCode`.
    static func displayed(_ value: String?, field: String, employerCode: String, _ environment: ScreenEnvironment) -> String {
        guard let value, !value.isEmpty else { return "—" }
        let rights = environment.rights
        switch field {
        case "iban", "pending_iban":
            // try?: "is this an IBAN?"; a value that is not one is shown as typed (masked without the right).
            guard let iban = try? IBAN(value) else {
                let visible = value.contains("*") || rights.may(.viewIBAN, at: employerCode)
                return visible ? value : "BE** **** **** " + String(value.suffix(4))
            }
            return rights.ibanText(iban, at: employerCode)
        case "niss":
            // try?: "is this a NISS?"; a value that is not one is shown as typed (masked without the right).
            guard let niss = try? NISS(value) else {
                return value.contains("*") || rights.may(.viewFullNISS, at: employerCode) ? value : "**.**.**-***.**"
            }
            return rights.nissText(niss, at: employerCode)
        case "status":
            let key = "status." + value
            let text = environment.strings[key]
            return text == key ? value : text
        default:
            // try?: "is this a date?"; a value that is not one is shown as it is.
            if value.count == 10, let date = try? LocalDate.parse(value) { return date.belgian }
            // try?: only a display name; when it cannot be read the id shows instead, nothing is hidden.
            if field.hasSuffix("_id"), let name = try? environment.database.user(id: value)?.displayName { return name }
            return value
        }
    }

    private func displayed(_ value: String?, field: String = "", employerCode: String = "",
                           _ environment: ScreenEnvironment? = nil) -> String {
        guard let environment else {
            guard let value, !value.isEmpty else { return "—" }
            // try?: "is this a date?"; a value that is not one is shown as it is.
            return (value.count == 10 ? (try? LocalDate.parse(value))?.belgian : nil) ?? value
        }
        return Self.displayed(value, field: field, employerCode: employerCode, environment)
    }

    private func domainLanguage(_ strings: Strings) -> FicheDomain.Language {
        switch strings.language {
        case .french: return .fr
        case .dutch: return .nl
        case .english: return .en
        }
    }

    // MARK: Drawing

    /// From this width the three values stand side by side; below, one under the other.
    static let sideBySideWidth = 100

    public func render(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        if let failure {
            buffer.write(failure, x: rect.x + 1, y: rect.y + 1, role: .error, maxWidth: rect.width - 2)
            return
        }
        guard !conflicts.isEmpty else {
            buffer.write(strings["conflicts.empty"], x: rect.x + 1, y: rect.y + 1, role: .dim, maxWidth: rect.width - 2)
            return
        }
        // The list on top, the selected item's details under it (at least 3 rows stay for the list).
        let details = detailLines(conflicts[selection], width: rect.width - 2, environment)
        let detailHeight = min(details.count + 1, max(0, rect.height - 4))
        let listHeight = rect.height - detailHeight
        let visible = Table.visibleRowCount(height: listHeight)
        top = max(0, min(top, selection))
        if selection >= top + visible { top = selection - visible + 1 }
        let table = Table(
            columns: [
                TableColumn(title: strings["conflicts.column.dossier"], minimumWidth: 22, weight: 2),
                TableColumn(title: strings["conflicts.column.change"], minimumWidth: 20, weight: 3),
                TableColumn(title: strings["conflicts.column.status"], minimumWidth: 10),
                TableColumn(title: strings["conflicts.column.date"], minimumWidth: 10),
            ],
            rows: conflicts.dropFirst(top).prefix(visible).map { conflict in
                TableRow([dossier(conflict), typed(conflict, environment).joined(separator: " · "),
                          strings[conflict.isConflict ? "conflicts.status.conflict" : "conflicts.status.rejected"],
                          displayed(String(conflict.recordedAt.prefix(10)))],
                         status: conflict.isConflict ? .conflict : .rejected)
            },
            selectedRow: selection - top, showsGutter: true)
        table.render(into: &buffer, rect: Rect(x: rect.x, y: rect.y, width: rect.width, height: listHeight))
        guard detailHeight > 0 else { return }
        let x = rect.x + 1
        let y = rect.y + listHeight
        buffer.write(String(repeating: buffer.glyphs.horizontal, count: rect.width - 2), x: x, y: y, role: .dim)
        for (offset, line) in details.prefix(detailHeight - 1).enumerated() {
            buffer.write(line.text, x: x, y: y + 1 + offset, role: line.role, maxWidth: rect.width - 2)
        }
    }

    private func dossier(_ conflict: SyncConflict) -> String {
        [conflict.dossierNumber, conflict.dossierName].compactMap { $0 }.joined(separator: " ")
    }

    /// The selected item under the list: the dossier, the values (base / yours / theirs for a
    /// conflict, what was typed for a refusal), why, and the keys that settle it.
    private func detailLines(_ conflict: SyncConflict, width: Int, _ environment: ScreenEnvironment) -> [(text: String, role: StyleRole)] {
        let strings = environment.strings
        let glyph = conflict.isConflict ? RowStatus.conflict.glyph : RowStatus.rejected.glyph
        let name = dossier(conflict).isEmpty ? conflict.targetID : dossier(conflict)
        var lines: [(text: String, role: StyleRole)] = [
            (glyph + " " + strings.format("conflicts.detail.dossier", ["dossier": name, "employer": conflict.employerCode]), .header),
        ]
        if conflict.isFieldConflict {
            lines += versionLines(conflict, width: width, environment)
        } else {
            lines += typed(conflict, environment).map { (strings.format("conflicts.detail.typed", ["change": $0]), .normal) }
            let server = conflict.serverValue.map {
                displayed($0, field: conflict.field ?? "", employerCode: conflict.employerCode, environment)
            }
            lines.append((strings.format("conflicts.detail.server", ["value": server ?? strings["conflicts.server.unchanged"]]), .normal))
        }
        let why = strings.format("conflicts.detail.reason", ["reason": reason(conflict, strings)])
        lines += TextWrap.lines(why, width: width).map { ($0, conflict.isConflict ? .rowConflict : .rowRejected) }
        lines += TextWrap.lines(help(conflict, environment), width: width).map { ($0, .dim) }
        return lines
    }

    /// Base, yours and theirs per field: three columns when wide enough, else three lines.
    private func versionLines(_ conflict: SyncConflict, width: Int, _ environment: ScreenEnvironment) -> [(text: String, role: StyleRole)] {
        let strings = environment.strings
        let titles = ["conflicts.version.base", "conflicts.version.yours", "conflicts.version.theirs"].map { strings[$0] }
        func shown(_ value: String?, _ field: String) -> String {
            Self.displayed(value, field: field, employerCode: conflict.employerCode, environment)
        }
        var lines: [(text: String, role: StyleRole)] = []
        if width >= Self.sideBySideWidth {
            let first = 16
            let column = (width - first) / 3
            func row(_ cells: [String]) -> String {
                zip([first, column, column, column], cells).map { size, cell in
                    let cut = String(cell.prefix(size - 1))
                    return cut + String(repeating: " ", count: max(0, size - DisplayWidth.of(cut)))
                }.joined()
            }
            lines.append((row([strings["conflicts.version.field"]] + titles), .columnHeader))
            for version in conflict.versions {
                lines.append((row([Self.fieldName(version.field, strings), shown(version.base, version.field),
                                   shown(version.yours, version.field), shown(version.theirs, version.field)]), .normal))
            }
            return lines
        }
        let labelWidth = titles.map { DisplayWidth.of($0) }.max() ?? 0
        for version in conflict.versions {
            lines.append((Self.fieldName(version.field, strings), .normal))
            for (title, value) in zip(titles, [version.base, version.yours, version.theirs]) {
                let padded = title + String(repeating: " ", count: labelWidth - DisplayWidth.of(title))
                lines.append(("  " + padded + " : " + shown(value, version.field), .normal))
            }
        }
        return lines
    }

    /// The keys that settle the selected item, in words.
    private func help(_ conflict: SyncConflict, _ environment: ScreenEnvironment) -> String {
        let strings = environment.strings
        func key(_ action: ActionID) -> String { environment.keyNames(action, in: .conflicts) }
        if conflict.isFieldConflict {
            return [strings.format("conflicts.help.keepMine", ["key": key("conflict.keepMine")]),
                    strings.format("conflicts.help.takeTheirs", ["key": key("conflict.takeTheirs")]),
                    strings.format("conflicts.help.edit", ["key": key("conflict.edit")])].joined(separator: " · ")
        }
        let enter = NewRecordKind(mutation: conflict.mutation).map { "conflicts.help.\($0.rawValue)" } ?? "conflicts.help.dossier"
        return strings.format(enter, ["key": key("list.open")]) + " · "
            + strings.format("conflicts.help.keep", ["key": key("conflict.takeTheirs")])
    }
}
