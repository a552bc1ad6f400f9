import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

/// One dossier, opened by Enter on the list: identity, career, time records, art. 60, notes
/// and history on tabs that Tab/→ and Shift+Tab/← walk.
///
/// The NISS and IBAN show masked; F6 shows them in full to a user whose rights allow it, and
/// the history keeps who looked. PgUp/PgDn change the year of the time-records tab. ↑ ↓ Home End
/// scroll the tab's list (career periods, the year's records, art. 60 events, history) when it
/// does not fit, PgUp/PgDn too outside the time-records tab; ⇡ ⇣ mark what is out of view. On
/// the time-records tab ↑ ↓ select an entry: Enter opens it to correct it, F8 (twice) deletes
/// it, both while it is the user's own and not validated; on a validated entry they send a
/// correction or a cancellation for a second person to validate. F7 enters an absence, Ctrl+K a
/// clocking, Ctrl+A an art. 60 event, Ctrl+N a note; on the notes tab ↑ ↓ select a note, Enter
/// edits it and F8 (twice) erases it, the author's own only. Esc goes back to the list where it was.
public final class DossierScreen: Screen {
    public let dossierID: String
    public private(set) var tab: DossierTab
    /// The year the time-records tab shows.
    public private(set) var year: Int
    /// The dossier as the replica holds it; nil when it is no longer held (the grant was removed).
    public private(set) var card: DossierCard?
    /// The audit trail, newest first.
    public private(set) var history: [AuditEntry] = []
    /// The art. 60 contracts, placements, events and progress; nil when the dossier has none.
    public private(set) var art60: Art60Card?
    /// The annual leave of the year shown, as of today (the time-records tab's last line); nil
    /// for a dossier without career.
    public private(set) var leave: LeaveBalance?
    /// Why the art. 60 tab could not be read (a rule file without the employer's calendar).
    private var art60Problem: String?
    /// Whether F6 showed the identifiers in full (for those the user's rights allow).
    public private(set) var isRevealed = false
    /// The first row shown of the tab's list; back to 0 on another tab or year.
    public private(set) var top = 0
    /// The rows of the tab's list the last frame showed (to clamp and page `top`).
    private var shown: ScrollWindow?
    /// The selected entry of the time-records tab, by position in its list (newest first).
    public private(set) var selectedRecord = 0
    /// The dossier's notes, newest first.
    public private(set) var notes: [DossierNote] = []
    /// The selected note of the notes tab, by position in `notes`.
    public private(set) var selectedNote = 0
    /// The entry a first F8 asked about: a second F8 deletes it, any other action keeps it.
    private var deleteArmed: String?
    private var failedRead = FailedRead()

    public init(dossierID: String, tab: DossierTab = .identity, _ environment: ScreenEnvironment) {
        self.dossierID = dossierID
        self.tab = tab
        self.year = environment.today.year
        reload(environment)
    }

    public var keyContext: KeyContext { .detail }

    public var hintedActions: [ActionID] {
        var actions: [ActionID] = ["app.help", "tab.next"]
        switch tab {
        case .identity:
            actions.append("detail.reveal")
            if card?.ibanChange != nil { actions.append("detail.confirmIBAN") }
        case .art60: actions.append("record.newArt60Event")
        case .notes: actions += ["note.new", "record.open", "record.delete"]
        // The entries' own keys first: the bar keeps what fits, and F1 lists every key.
        case .timeRecords: actions += ["record.new", "record.open", "record.delete", "record.newClocking"]
        default: actions.append("record.new")
        }
        return actions + ["app.back"]
    }

    /// On the notes tab Enter edits a note and F8 erases it (elsewhere they correct and delete an entry).
    public func hintLabel(for action: ActionID, _ strings: Strings) -> String? {
        guard tab == .notes else { return nil }
        switch action.rawValue {
        case "record.open": return strings["dossier.notes.hint.edit"]
        case "record.delete": return strings["dossier.notes.hint.erase"]
        default: return nil
        }
    }

    /// The rights count at the dossier's employer: a right held only at the other employer is no use here.
    public func mayUse(_ action: ActionID, _ environment: ScreenEnvironment) -> Bool {
        // On the notes tab F8 erases a note: whoever may write notes may erase their own.
        if tab == .notes, action == "record.delete" {
            return ActionRight.allows("note.new", environment.rights, at: card?.dossier.employerCode)
        }
        return ActionRight.allows(action, environment.rights, at: card?.dossier.employerCode)
    }

    public func breadcrumb(_ environment: ScreenEnvironment) -> [String] {
        let strings = environment.strings
        guard let person = card?.person else { return [strings["list.title"], dossierID] }
        let initial = person.firstName.first.map { "\($0)." } ?? ""
        return [strings["list.title"], "\(person.lastName), \(initial)", strings["dossier.tab.\(tab.rawValue)"]]
    }

    public func perform(_ action: ActionID, _ environment: ScreenEnvironment) -> ScreenResult {
        let tabs = DossierTab.allCases
        let index = tabs.firstIndex(of: tab) ?? 0
        let lastTop = shown?.lastTop ?? 0
        let page = max(1, shown?.visible ?? 1)
        let armed = deleteArmed
        deleteArmed = nil
        if tab == .timeRecords, let result = performOnRecords(action, armed: armed, environment) { return result }
        if tab == .notes, let result = performOnNotes(action, armed: armed, environment) { return result }
        if tab == .identity, action == "detail.confirmIBAN" || action == "record.delete" {
            return reviewIBANChange(confirm: action == "detail.confirmIBAN", armed: armed, environment)
        }
        switch action.rawValue {
        case "tab.next": showTab(tabs[(index + 1) % tabs.count])
        case "tab.previous": showTab(tabs[(index - 1 + tabs.count) % tabs.count])
        case "list.pageUp" where tab == .timeRecords, "list.pageDown" where tab == .timeRecords:
            if read(year: year + (action == "list.pageUp" ? -1 : 1), environment) {
                top = 0
                selectedRecord = 0
            }
        case "list.up": top = max(0, min(top, lastTop) - 1)
        case "list.down": top = min(lastTop, top + 1)
        case "list.pageUp": top = max(0, min(top, lastTop) - page)
        case "list.pageDown": top = min(lastTop, top + page)
        case "list.first": top = 0
        case "list.last": top = lastTop
        case "detail.reveal": return reveal(environment)
        case "record.new": return Navigation.newRecord(.absence, dossierID: dossierID, environment)
        case "record.newClocking": return Navigation.newRecord(.clocking, dossierID: dossierID, environment)
        case "record.newArt60Event": return Navigation.newRecord(.art60Event, dossierID: dossierID, environment)
        case "note.new": return openNote(nil, environment)
        case "view.refresh": reload(environment)
        default: return .ignored
        }
        return .handled
    }

    /// The time-records tab's own keys: ↑ ↓ Home End select an entry (the list follows), Enter
    /// opens it to correct it, F8 asks and then deletes it. Nil for the keys it leaves to the screen.
    private func performOnRecords(_ action: ActionID, armed: String?, _ environment: ScreenEnvironment) -> ScreenResult? {
        let records = card.map(TimeRecordsTab.records) ?? []
        if let moved = Self.selection(after: action, from: selectedRecord, count: records.count) {
            selectedRecord = moved
            followSelection(selectedRecord)
            return .handled
        }
        switch action.rawValue {
        case "record.open", "record.delete":
            let strings = environment.strings
            guard records.indices.contains(selectedRecord) else {
                return .notice(Toast(strings["dossier.time.noRecordSelected"], kind: .error))
            }
            let record = records[selectedRecord]
            // A validated entry is changed by a correction that a second person validates.
            if record.status != .validated {
                do {
                    try record.checkChangeable(by: environment.user)
                } catch {
                    return .notice(Toast(strings.message(for: error), kind: .error))
                }
            }
            return action == "record.open" ? open(record, environment) : delete(record, armed: armed == record.id, environment)
        default: return nil
        }
    }

    /// The row selected after a list key (↑ ↓ Home End) in a list of `count` rows; nil for other keys.
    private static func selection(after action: ActionID, from selected: Int, count: Int) -> Int? {
        let last = max(0, count - 1)
        switch action.rawValue {
        case "list.up": return max(0, min(selected, last) - 1)
        case "list.down": return min(last, selected + 1)
        case "list.first": return 0
        case "list.last": return last
        default: return nil
        }
    }

    /// The list follows the selection: it stays within the rows the last frame showed.
    private func followSelection(_ selected: Int) {
        let visible = max(1, shown?.visible ?? 1)
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
    }

    /// The notes tab's own keys: ↑ ↓ Home End select a note (the list follows), Enter opens the
    /// user's own note to edit it, F8 asks and then erases it. Nil for the keys it leaves to the screen.
    private func performOnNotes(_ action: ActionID, armed: String?, _ environment: ScreenEnvironment) -> ScreenResult? {
        if let moved = Self.selection(after: action, from: selectedNote, count: notes.count) {
            selectedNote = moved
            followSelection(selectedNote)
            return .handled
        }
        switch action.rawValue {
        case "record.open", "record.delete":
            let strings = environment.strings
            guard notes.indices.contains(selectedNote) else {
                return .notice(Toast(strings["dossier.notes.noneSelected"], kind: .error))
            }
            let note = notes[selectedNote]
            do {
                try note.checkChangeable(by: environment.user)
            } catch {
                return .notice(Toast(strings.message(for: error), kind: .error))
            }
            return action == "record.open" ? openNote(note, environment) : erase(note, armed: armed == note.id, environment)
        default: return nil
        }
    }

    /// Ctrl+N (a new note) or Enter on the user's own note (to edit it): the note form.
    private func openNote(_ note: DossierNote?, _ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        guard let card else { return .notice(Toast(strings["dossier.missing"], kind: .error)) }
        let employer = card.dossier.employerCode
        guard ActionRight.allows("note.new", environment.rights, at: employer) else {
            return .notice(Toast(strings.message(for: .permissionDenied(permission: .editDossier, employerCode: employer)),
                                 kind: .error))
        }
        return .open(NoteFormScreen(dossierID: dossierID, card: card, note: note, environment))
    }

    /// F8 on the user's own note: the first press asks, the second erases it.
    private func erase(_ note: DossierNote, armed: Bool, _ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        guard armed else {
            deleteArmed = note.id
            return .notice(Toast(strings.format("dossier.notes.eraseAsk", [
                "when": HistoryTab.localTime(note.createdAt), "key": environment.keyNames("record.delete", in: .detail),
            ]), kind: .error))
        }
        do {
            try environment.database.eraseNote(id: note.id, by: environment.user)
        } catch let violation as RuleViolation {
            return .notice(Toast(strings.message(for: violation), kind: .error))
        } catch {
            return .notice(Toast(strings.format("error.replica", ["detail": "\(error)"]), kind: .error))
        }
        reload(environment)
        selectedNote = min(selectedNote, max(0, notes.count - 1))
        return .notice(Toast(strings["dossier.notes.erased"], kind: .success))
    }

    /// Enter on an entry: its form, filled in, to correct it.
    private func open(_ record: TimeRecord, _ environment: ScreenEnvironment) -> ScreenResult {
        let kind: NewRecordKind
        switch record.kind {
        case .absence: kind = .absence
        case .clocking: kind = .clocking
        case .lateness, .overtime:
            return .notice(Toast(environment.strings.format("dossier.time.noForm", [
                "key": environment.keyNames("record.delete", in: .detail),
            ]), kind: .error))
        }
        return Navigation.newRecord(kind, dossierID: dossierID, editing: record, environment)
    }

    /// F8 on an entry: the first press names it and asks, the second deletes it (or, for a
    /// validated entry, sends its cancellation for validation).
    private func delete(_ record: TimeRecord, armed: Bool, _ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        let entry = strings.entrySummary(record, catalogue: environment.rules.absenceCatalogue)
        let cancels = record.status == .validated
        guard armed else {
            deleteArmed = record.id
            return .notice(Toast(strings.format(cancels ? "dossier.time.cancelAsk" : "dossier.time.deleteAsk", [
                "entry": entry, "key": environment.keyNames("record.delete", in: .detail),
            ]), kind: .error))
        }
        do {
            if cancels {
                try environment.database.recordCorrection(of: record.id, replacingWith: nil, by: environment.user,
                                                          rules: environment.rules)
            } else {
                try environment.database.deleteTimeRecord(record.id, by: environment.user)
            }
        } catch let violation as RuleViolation {
            return .notice(Toast(strings.message(for: violation), kind: .error))
        } catch {
            return .notice(Toast(strings.format("error.replica", ["detail": "\(error)"]), kind: .error))
        }
        reload(environment)
        return .notice(Toast(strings.format(cancels ? "dossier.time.cancelSent" : "dossier.time.deleted", ["entry": entry]),
                             kind: .success))
    }

    /// F4 (confirm) or F8 (refuse) on the identity tab, each pressed twice: a second person's
    /// decision on the new IBAN waiting on the dossier.
    private func reviewIBANChange(confirm: Bool, armed: String?, _ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        guard let card, card.ibanChange != nil else {
            return .notice(Toast(strings["dossier.identity.noIBANChange"], kind: .error))
        }
        let key = confirm ? "confirm-iban" : "refuse-iban"
        guard armed == key else {
            deleteArmed = key
            let action: ActionID = confirm ? "detail.confirmIBAN" : "record.delete"
            return .notice(Toast(strings.format(confirm ? "dossier.identity.confirmAsk" : "dossier.identity.refuseAsk", [
                "name": card.person.sortName, "key": environment.keyNames(action, in: .detail),
            ]), kind: .error))
        }
        do {
            try environment.database.reviewIBANChange(
                dossierID: dossierID, decision: confirm ? .approve : .reject(reason: strings["dossier.identity.refusedReason"]),
                by: environment.user)
        } catch let violation as RuleViolation {
            return .notice(Toast(strings.message(for: violation), kind: .error))
        } catch {
            return .notice(Toast(strings.format("error.replica", ["detail": "\(error)"]), kind: .error))
        }
        reload(environment)
        return .notice(Toast(strings[confirm ? "dossier.identity.confirmed" : "dossier.identity.refused"], kind: .success))
    }

    private func showTab(_ next: DossierTab) {
        tab = next
        top = 0
        shown = nil
    }

    public func reload(_ environment: ScreenEnvironment) {
        read(year: year, environment)
    }

    public func takeReadFailure() -> Toast? { failedRead.take() }

    /// Reads the dossier with its records of `year`; when the replica cannot be read the screen
    /// keeps the year and all it showed, and the failure goes to the message line.
    @discardableResult
    private func read(year: Int, _ environment: ScreenEnvironment) -> Bool {
        let database = environment.database
        do {
            let nextCard = try database.openDossier(dossierID, year: year)
            var nextArt60: Art60Card?
            var problem: String?
            do {
                nextArt60 = try database.art60Card(dossierID: dossierID, asOf: environment.today, rules: environment.rules)
                // The follow-up log as this device sees it: events recorded here and not yet sent included.
                if let contracts = nextArt60?.contracts {
                    nextArt60?.events = try contracts.flatMap { try database.art60Events(contractID: $0.id) }
                }
            } catch {
                // Told on the art. 60 tab, where it is missing; the other tabs still show.
                problem = environment.strings.format("error.replica", ["detail": "\(error)"])
            }
            let nextHistory = try readHistory(database, art60: nextArt60)
            let nextNotes = try database.notes(dossierID: dossierID)
            let nextLeave = try database.leaveLedger(dossierID: dossierID, year: year, rules: environment.rules)?
                .balance(year: year, asOf: environment.today)
            card = nextCard
            leave = nextLeave
            history = nextHistory
            notes = nextNotes
            art60 = nextArt60
            art60Problem = problem
            self.year = year
            return true
        } catch {
            failedRead.note(error, environment.strings)
            return false
        }
    }

    /// The dossier's audit trail with the reads of its identifiers and its art. 60 follow-up,
    /// which `dossierHistory` does not cover yet, newest first.
    private func readHistory(_ database: AppDatabase, art60: Art60Card?) throws -> [AuditEntry] {
        var entries = try database.dossierHistory(dossierID: dossierID)
        entries += try database.auditTrail(entity: "reveal", targetID: dossierID)
        for event in art60?.events ?? [] {
            entries += try database.auditTrail(entity: "art60_event", targetID: event.id)
        }
        var seen = Set<Int64>()
        return entries.filter { seen.insert($0.id).inserted }.sorted { $0.id > $1.id }
    }

    /// F6: the identifiers in full for what the rights allow, written to the history; the
    /// missing right named otherwise.
    private func reveal(_ environment: ScreenEnvironment) -> ScreenResult {
        guard let card else { return .handled }
        let strings = environment.strings
        let rights = environment.rights
        let employer = card.dossier.employerCode
        var allowed: [Permission] = []
        var missing: [Permission] = []
        for permission in [Permission.viewFullNISS, .viewIBAN] where permission == .viewFullNISS || card.person.iban != nil {
            if rights.may(permission, at: employer) { allowed.append(permission) } else { missing.append(permission) }
        }
        guard !allowed.isEmpty else {
            let denied = RuleViolation.permissionDenied(permission: missing.first ?? .viewFullNISS, employerCode: employer)
            return .notice(Toast(strings.message(for: denied), kind: .error))
        }
        do {
            // Written to the history before anything shows: a read that cannot be recorded is not shown.
            for permission in allowed {
                try environment.database.recordReveal(dossierID: dossierID, field: permission == .viewIBAN ? .iban : .niss,
                                                      by: environment.user)
            }
        } catch let violation as RuleViolation {
            return .notice(Toast(strings.message(for: violation), kind: .error))
        } catch {
            return .notice(Toast(strings.format("error.replica", ["detail": "\(error)"]), kind: .error))
        }
        isRevealed = true
        reload(environment)
        let text = missing.isEmpty
            ? strings[allowed.count == 2 ? "dossier.reveal.both" : "dossier.reveal.niss"]
            : strings.format("dossier.reveal.nissOnly", ["right": strings["value.view_iban"]])
        return .notice(Toast(text, kind: .success))
    }

    public func render(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        guard let card else {
            buffer.write(strings["dossier.missing"], x: rect.x + 1, y: rect.y + 1, role: .dim, maxWidth: rect.width - 2)
            return
        }
        let title = [card.person.sortName, card.dossier.number, card.dossier.employerCode,
                     strings["category.\(card.dossier.category.rawValue)"], strings["status.\(card.dossier.status.rawValue)"]]
            .joined(separator: " · ")
        buffer.write(title, x: rect.x + 1, y: rect.y, role: .header, maxWidth: rect.width - 2)
        let tabs = DossierTab.allCases
        TabBar(titles: tabs.map { strings["dossier.tab.\($0.rawValue)"] }, selected: tabs.firstIndex(of: tab) ?? 0)
            .render(into: &buffer, rect: rect.line(1))
        let body = rect.inset(top: 2, left: 1, right: 1)
        switch tab {
        case .identity:
            IdentityTab(card: card, isRevealed: isRevealed).render(into: &buffer, rect: body, environment)
            shown = nil
        case .career: shown = CareerTab(career: card.career, top: top).render(into: &buffer, rect: body, environment)
        case .timeRecords:
            let count = card.timeRecords.count
            let selected = count == 0 ? nil : min(selectedRecord, count - 1)
            shown = TimeRecordsTab(card: card, year: year, leave: leave, top: top, selected: selected).render(into: &buffer, rect: body, environment)
        case .art60: shown = Art60Tab(card: art60, problem: art60Problem, top: top).render(into: &buffer, rect: body, environment)
        case .notes:
            let selected = notes.isEmpty ? nil : min(selectedNote, notes.count - 1)
            shown = NotesTab(notes: notes, top: top, selected: selected).render(into: &buffer, rect: body, environment)
        case .history:
            shown = HistoryTab(entries: history, card: card, isRevealed: isRevealed, top: top)
                .render(into: &buffer, rect: body, environment)
        }
        if let shown { top = shown.first }
    }
}
