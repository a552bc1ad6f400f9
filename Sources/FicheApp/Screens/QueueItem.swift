import FicheDomain
import FicheReplica

/// One line of a queue as the screen shows it: the cells of its columns, the dossier and tab
/// Enter opens, and how the item is named in a message ("AC-000105 Dubois, J. (Congé annuel du 02/11/2026)").
struct QueueItem: Hashable, Sendable {
    /// The time record's id on the validation queue; a stable key elsewhere.
    var id: String
    /// The dossier and the tab that matters for this item.
    var link: DossierLink
    var cells: [String]
    /// Words naming the item in a refusal message: dossier, name, type and date.
    var label: String
    /// The entry's start date on the validation queue (with `id`, where a page starts) and on the
    /// certificates queue.
    var start: LocalDate?
    /// The employer of the entry, where a queue may be narrowed to one employer's month.
    var employerCode: String?
    /// The dossier's number on the validation queue, where a page starts in the dossier order.
    var dossierNumber: String = ""
    /// The entry itself on the drafts queue, as submitting it rewrites it.
    var record: TimeRecord?
    /// What `/` matches, without accents or case: the cells and the label.
    var searchText: String = ""
}
