import FicheDomain
import FicheReplica

extension QueuesScreen {
    /// How an entry of the validation or drafts queue shows as a line.
    static func validationItem(_ item: ValidationQueueItem, _ strings: Strings, _ catalogue: AbsenceCatalogue) -> QueueItem {
        var line = QueueItem(id: item.record.id, link: item.link,
                  cells: [item.dossier.dossierNumber, item.dossier.displayName,
                          strings.recordLabel(item.record, catalogue: catalogue),
                          strings.date(item.record.start), strings.date(item.record.end),
                          item.enteredByName ?? item.enteredBy, strings.days(item.ageDays)],
                  label: recordLabel(item.record, item.dossier, strings, catalogue), start: item.record.start,
                  dossierNumber: item.dossier.dossierNumber)
        line.record = item.record
        return line
    }

    /// "AC-000105 Dubois, J. (Congé annuel 02/11/2026)".
    static func recordLabel(_ record: TimeRecord, _ dossier: DossierListRow, _ strings: Strings,
                            _ catalogue: AbsenceCatalogue) -> String {
        "\(dossier.dossierNumber) \(dossier.displayName) "
            + "(\(strings.recordLabel(record, catalogue: catalogue)) \(strings.date(record.start)))"
    }

    /// The validation or drafts queue as the replica pages it, narrowed by `filter`.
    static func validationSource(_ filter: ValidationQueueFilter, _ environment: ScreenEnvironment) -> QueueSource {
        let database = environment.database
        let strings = environment.strings
        let catalogue = environment.rules.absenceCatalogue
        let today = environment.today
        func cursor(_ item: QueueItem?) -> ValidationQueueCursor? {
            guard let item, let start = item.start else { return nil }
            return ValidationQueueCursor(dossierNumber: item.dossierNumber, start: start, id: item.id)
        }
        return QueueSource(
            after: { row, limit in
                try database.validationQueuePage(filter, after: cursor(row), limit: limit, asOf: today)
                    .map { validationItem($0, strings, catalogue) }
            },
            before: { row, limit in
                try database.validationQueuePage(filter, before: cursor(row), limit: limit, asOf: today)
                    .map { validationItem($0, strings, catalogue) }
            },
            index: { row in try cursor(row).map { try database.validationQueueIndex(of: $0, filter) } ?? 0 },
            total: { try database.validationQueueCount(filter) })
    }

    /// What the replica matches for `text`: each word, with the types and kinds whose label in
    /// the user's language holds it.
    static func filterTerms(_ text: String, _ environment: ScreenEnvironment) -> [QueueFilterTerm] {
        let strings = environment.strings
        let types = environment.rules.absenceCatalogue.types
        return words(text).map { word in
            QueueFilterTerm(
                text: word,
                typeCodes: types.filter {
                    SortKey.fold(strings.label($0.labels)).contains(word) || $0.code.contains(word)
                }.map(\.code),
                kinds: TimeRecordKind.allCases.filter {
                    SortKey.fold(strings["record.kind.\($0.rawValue)"]).contains(word)
                }.map(\.rawValue))
        }
    }

    /// The words of a filter, without accents or case; commas and spaces separate them.
    static func words(_ text: String) -> [String] {
        SortKey.fold(text).split { $0 == " " || $0 == "," }.map(String.init)
    }

}
