import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

/// Alt+c: the changes the server refused (✖) or found changed meanwhile (⚠). For the selected
/// one: the dossier, what the clerk typed (old → new), what the server holds, and why, in the
/// user's language. Enter re-opens a refused absence in the absence form (or opens the
/// dossier); F5 keeps the server's value, which takes the item off the list and the badge.
public final class ConflictsScreen: Screen {
    public private(set) var conflicts: [SyncConflict] = []
    public private(set) var selection = 0
    private var top = 0
    private var body = App.bodySize(for: Frame.minimumSize)
    private var failure: String?

    public init(_ environment: ScreenEnvironment) {
        reload(environment)
    }

    public var keyContext: KeyContext { .queue }
    public var hintedActions: [ActionID] { ["app.help", "list.open", "queue.approve", "app.back", "app.quit"] }

    public func breadcrumb(_ environment: ScreenEnvironment) -> [String] { [environment.strings["conflicts.title"]] }

    public func perform(_ action: ActionID, _ environment: ScreenEnvironment) -> ScreenResult {
        switch action.rawValue {
        case "list.up": selection = max(0, selection - 1)
        case "list.down": selection = min(max(0, conflicts.count - 1), selection + 1)
        case "list.first", "list.pageUp": selection = 0
        case "list.last", "list.pageDown": selection = max(0, conflicts.count - 1)
        case "list.open": return open(environment)
        case "queue.approve": return keepServerValue(environment)
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
            let selected = conflicts.indices.contains(selection) ? conflicts[selection].mutationID : nil
            conflicts = try environment.database.syncConflicts()
            selection = selected.flatMap { id in conflicts.firstIndex { $0.mutationID == id } }
                ?? min(selection, max(0, conflicts.count - 1))
            failure = nil
        } catch {
            failure = environment.strings.format("error.replica", ["detail": "\(error)"])
        }
    }

    /// Enter: a refused absence goes back to the absence form with what was typed; anything
    /// else opens its dossier where the value lives.
    private func open(_ environment: ScreenEnvironment) -> ScreenResult {
        guard conflicts.indices.contains(selection) else { return .handled }
        let conflict = conflicts[selection]
        guard let dossierID = conflict.dossierID else {
            return .notice(Toast(environment.strings["conflicts.noDossier"], kind: .error))
        }
        if conflict.mutation == "recordAbsence" {
            return Navigation.newRecord(.absence, dossierID: dossierID, environment)
        }
        return Navigation.openDossier(dossierID, tab: conflict.entity == "time_record" ? .timeRecords : .identity, environment)
    }

    /// F5: the server's value stays; the item leaves the list and the badge's count.
    private func keepServerValue(_ environment: ScreenEnvironment) -> ScreenResult {
        guard conflicts.indices.contains(selection) else { return .handled }
        let conflict = conflicts[selection]
        do {
            try environment.database.keepServerValue(mutationID: conflict.mutationID, by: environment.user)
            reload(environment)
            return .notice(Toast(environment.strings.format("conflicts.kept", ["dossier": conflict.dossierNumber ?? conflict.targetID]),
                                 kind: .success))
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
        return conflict.changes.keys.sorted().map { field in
            let change = conflict.changes[field]
            return strings.format("conflicts.typed.field", [
                "field": fieldName(field, strings), "old": displayed(change?.old, field: field, environment),
                "new": displayed(change?.new, field: field, environment),
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

    private func fieldName(_ field: String, _ strings: Strings) -> String {
        let key = "conflicts.field." + field
        let text = strings[key]
        return text == key ? field : text
    }

    /// A stored value as the clerk reads it: dates dd/mm/yyyy, a clerk's name, "—" for empty.
    private func displayed(_ value: String?, field: String = "", _ environment: ScreenEnvironment? = nil) -> String {
        guard let value, !value.isEmpty else { return "—" }
        if value.count == 10, let date = try? LocalDate.parse(value) { return date.belgian }
        if field.hasSuffix("_id"), let name = try? environment?.database.user(id: value)?.displayName { return name }
        if field == "status", let environment {
            let key = "status." + value
            let text = environment.strings[key]
            return text == key ? value : text
        }
        return value
    }

    private func domainLanguage(_ strings: Strings) -> FicheDomain.Language {
        switch strings.language {
        case .french: return .fr
        case .dutch: return .nl
        case .english: return .en
        }
    }

    // MARK: Drawing

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
        // The list on top, the selected item's details under it (8 lines).
        let detailHeight = 8
        let listHeight = max(2, rect.height - detailHeight)
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
        renderDetails(conflicts[selection], into: &buffer,
                      rect: Rect(x: rect.x + 1, y: rect.y + listHeight, width: rect.width - 2, height: detailHeight), environment)
    }

    private func dossier(_ conflict: SyncConflict) -> String {
        [conflict.dossierNumber, conflict.dossierName].compactMap { $0 }.joined(separator: " ")
    }

    private func renderDetails(_ conflict: SyncConflict, into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        buffer.write(String(repeating: "─", count: rect.width), x: rect.x, y: rect.y, role: .dim)
        let glyph = conflict.isConflict ? RowStatus.conflict.glyph : RowStatus.rejected.glyph
        var lines: [(String, StyleRole)] = [
            (glyph + " " + strings.format("conflicts.detail.dossier", ["dossier": dossier(conflict).isEmpty ? conflict.targetID : dossier(conflict),
                                                                     "employer": conflict.employerCode]), .header),
        ]
        lines += typed(conflict, environment).map { (strings.format("conflicts.detail.typed", ["change": $0]), .normal) }
        let server = conflict.serverValue.map { displayed($0, field: conflict.changes.keys.sorted().first ?? "", environment) }
        lines.append((strings.format("conflicts.detail.server", ["value": server ?? strings["conflicts.server.unchanged"]]), .normal))
        let why = strings.format("conflicts.detail.reason", ["reason": reason(conflict, strings)])
        lines += TextWrap.lines(why, width: rect.width).map { ($0, conflict.isConflict ? .rowConflict : .rowRejected) }
        let enter = conflict.mutation == "recordAbsence" ? "conflicts.help.absence" : "conflicts.help.dossier"
        lines.append((strings.format(enter, ["key": environment.keyNames("list.open", in: .queue)]) + " · "
                      + strings.format("conflicts.help.keep", ["key": environment.keyNames("queue.approve", in: .queue)]), .dim))
        for (offset, line) in lines.prefix(rect.height - 1).enumerated() {
            buffer.write(line.0, x: rect.x, y: rect.y + 1 + offset, role: line.1, maxWidth: rect.width)
        }
    }
}
