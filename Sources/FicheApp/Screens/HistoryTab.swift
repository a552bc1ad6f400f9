import FicheDomain
import FicheReplica
import Foundation
import FicheTerminal
import FicheWidgets

/// The history tab: who changed or looked at what in the dossier, its person and its time
/// records, newest first, with the old and new values. NISS and IBAN values stay masked unless
/// the user revealed them with F6 and may see them.
struct HistoryTab {
    let entries: [AuditEntry]
    let card: DossierCard
    let isRevealed: Bool
    /// The first entry shown when they do not all fit.
    var top = 0

    /// - Returns: the entries shown, nil when there are none.
    @discardableResult
    func render(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) -> ScrollWindow? {
        let strings = environment.strings
        guard !entries.isEmpty else {
            buffer.write(strings["dossier.history.empty"], x: rect.x, y: rect.y + 1, role: .dim, maxWidth: rect.width)
            return nil
        }
        var names = UserNames(database: environment.database)
        func name(_ id: String) -> String { names.name(of: id) }
        guard rect.width >= 100 else {
            // Narrow: two lines an entry, so the old and new values get the whole width.
            let window = ScrollWindow(total: entries.count, visible: (rect.height - 1) / 2, top: top)
            var y = rect.y + 1
            for entry in entries[window.range] {
                let head = [Self.localTime(entry.at), name(entry.userID), strings["history.action.\(entry.action)"]].joined(separator: "  ")
                buffer.write(head, x: rect.x, y: y, role: .columnHeader, maxWidth: rect.width)
                buffer.write(describe(entry, environment, name: name), x: rect.x + 2, y: y + 1, role: .normal, maxWidth: rect.width - 2)
                y += 2
            }
            window.renderMarks(into: &buffer, top: rect.y + 1, bottom: y - 1, x: rect.maxX - 1)
            return window
        }
        let table = Table(
            columns: [
                TableColumn(title: strings["dossier.history.when"], minimumWidth: 16),
                TableColumn(title: strings["dossier.history.who"], minimumWidth: 16),
                TableColumn(title: strings["dossier.history.action"], minimumWidth: 22),
                TableColumn(title: strings["dossier.history.changes"], minimumWidth: 14, weight: 1),
            ],
            rows: entries.map { entry in
                [Self.localTime(entry.at), name(entry.userID), strings["history.action.\(entry.action)"],
                 describe(entry, environment, name: name)]
            },
            selectedRow: nil)
        return table.render(into: &buffer, rect: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1), top: top)
    }

    /// "24/11/2026 09:15" in Brussels time, from the audit row's UTC instant.
    static func localTime(_ iso: String) -> String {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let fallback = ISO8601DateFormatter()
        guard let date = parser.date(from: iso) ?? fallback.date(from: iso) else { return iso }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Brussels")
        formatter.dateFormat = "dd/MM/yyyy HH:mm"
        return formatter.string(from: date)
    }

    /// What the entry changed, in words: a new record by its type and dates, a reveal by the
    /// field shown, otherwise each field as `label : old → new`.
    private func describe(_ entry: AuditEntry, _ environment: ScreenEnvironment, name: (String) -> String) -> String {
        let strings = environment.strings
        let changes = entry.changes
        if entry.action == "recordReveal" {
            return strings["history.field.\(changes["field"]?.new ?? "")"]
        }
        let isNew = !changes.isEmpty && changes.values.allSatisfy { $0.old == nil }
        if isNew, entry.entity == "time_record" {
            return strings.entrySummary(changes.compactMapValues(\.new), catalogue: environment.rules.absenceCatalogue)
        }
        if entry.action == "recordCertificate" {
            // try?: "is this a date?"; the line then says only that it arrived.
            let day = (changes["certificate_received_on"]?.new).flatMap { try? LocalDate.parse($0) }
            return day.map { strings.format("history.certificateOn", ["date": strings.date($0)]) } ?? strings["history.certificate"]
        }
        if entry.action == "deleteTimeRecord" {
            return strings.format("history.deleted", ["entry": strings.entrySummary(changes.compactMapValues(\.old), catalogue: environment.rules.absenceCatalogue)])
        }
        if entry.action == "amendTimeRecord" {
            // The whole entry before and after: a correction reads as one change, not seven columns.
            let before = entry.changes.compactMapValues(\.old)
            let after = entry.changes.compactMapValues(\.new)
            let catalogue = environment.rules.absenceCatalogue
            return strings.entrySummary(before, catalogue: catalogue) + " → " + strings.entrySummary(after, catalogue: catalogue)
        }
        if isNew, entry.entity == "art60_event" {
            // try?: "is this a date?"; the line then names the event without its date.
            let date = (changes["date"]?.new).flatMap { try? LocalDate.parse($0) }.map(strings.date) ?? ""
            return strings["art60.event.\(changes["kind"]?.new ?? "")"] + " " + date
        }
        let fields: String = changes.keys.sorted().map { key in
            let change = changes[key] ?? FieldChange(old: nil, new: nil)
            let label = strings["history.field.\(key)"]
            return "\(label) : \(value(change.old, key, environment, name)) → \(value(change.new, key, environment, name))"
        }.joined(separator: " · ")
        // A new IBAN asked for on a device waits for a second person's confirmation.
        let asksIBAN = entry.action == "updateDossierField" && changes["iban"] != nil
        return asksIBAN ? strings.format("history.ibanAsked", ["change": fields]) : fields
    }

    private func value(_ text: String?, _ key: String, _ environment: ScreenEnvironment, _ name: (String) -> String) -> String {
        let strings = environment.strings
        guard let text, !text.isEmpty else { return strings["dossier.none"] }
        let employer = card.dossier.employerCode
        switch key {
        case "niss":
            // try?: "is this a NISS?"; a value that is not one stays hidden (***), as the history never shows one in clear.
            guard let niss = try? NISS(text) else { return "***" }
            return isRevealed ? environment.rights.nissText(niss, at: employer) : niss.masked
        case "iban", "pending_iban":
            // try?: "is this an IBAN?"; a value that is not one stays hidden (***), as the history never shows one in clear.
            guard let iban = try? IBAN(text) else { return "***" }
            return isRevealed ? environment.rights.ibanText(iban, at: employer) : iban.masked
        case "payroll_clerk_id", "time_manager_id", "reviewed_by", "entered_by", "pending_iban_by":
            return name(text)
        case "status":
            let word = strings["status.\(text)"]
            return word == "status.\(text)" ? strings.recordStatus(TimeRecordStatus(rawValue: text) ?? .draft) : word
        default:
            return text
        }
    }
}
