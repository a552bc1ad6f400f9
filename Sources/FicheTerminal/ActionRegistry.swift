/// Every action Fiche knows, by stable id. Keymaps may only bind these; the help overlay,
/// the key-hint bar, the command palette and docs/keybindings.md are generated from it.
///
/// ```swift
/// ActionRegistry.standard.descriptor(for: "list.open")?.summary   // "Open the selected dossier"
/// ```
public struct ActionRegistry: Sendable {
    public let actions: [ActionDescriptor]
    private let byID: [ActionID: ActionDescriptor]

    public init(_ actions: [ActionDescriptor]) {
        self.actions = actions
        self.byID = Dictionary(actions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func descriptor(for id: ActionID) -> ActionDescriptor? { byID[id] }

    public func contains(_ id: ActionID) -> Bool { byID[id] != nil }

    /// The actions of Fiche.
    public static let standard = ActionRegistry([
        ActionDescriptor("app.help", context: .global, summary: "Show every key of this screen"),
        ActionDescriptor("app.palette", context: .global, summary: "Open the command palette"),
        ActionDescriptor("app.quit", context: .global, summary: "Quit Fiche"),
        ActionDescriptor("app.back", context: .global, summary: "Go back; close a dialog or overlay"),
        ActionDescriptor("view.refresh", context: .global, summary: "Reread the screen from the replica"),
        ActionDescriptor("app.syncStatus", context: .global, summary: "Say why the badge shows offline, or when the last sync went through"),
        ActionDescriptor("app.messages", context: .global, summary: "Show the last messages, whole, newest first"),
        ActionDescriptor("list.up", context: .list, summary: "Select the previous row"),
        ActionDescriptor("list.down", context: .list, summary: "Select the next row"),
        ActionDescriptor("list.pageUp", context: .list, summary: "Scroll one screen up"),
        ActionDescriptor("list.pageDown", context: .list, summary: "Scroll one screen down"),
        ActionDescriptor("list.first", context: .list, summary: "Go to the first row"),
        ActionDescriptor("list.last", context: .list, summary: "Go to the last row"),
        ActionDescriptor("list.open", context: .list, summary: "Open the selected dossier"),
        ActionDescriptor("list.search", context: .list, summary: "Search as you type"),
        ActionDescriptor("list.filter", context: .list, summary: "Filter by employer, category, status or clerk"),
        ActionDescriptor("list.mark", context: .list, summary: "Mark or unmark the row for a bulk action"),
        ActionDescriptor("list.markAll", context: .list, summary: "Mark every dossier the filters show (again: unmark them)"),
        ActionDescriptor("list.sort", context: .list, summary: "Sort by any column, either way"),
        ActionDescriptor("record.new", context: .list, summary: "Create a new record"),
        ActionDescriptor("record.delete", context: .list, summary: "Delete the record (asks to confirm)", isDestructive: true),
        ActionDescriptor("form.save", context: .form, summary: "Save the form"),
        ActionDescriptor("form.next", context: .form, summary: "Go to the next field"),
        ActionDescriptor("form.previous", context: .form, summary: "Go to the previous field"),
        ActionDescriptor("form.cancel", context: .form, summary: "Leave the form without saving"),
        ActionDescriptor("queue.approve", context: .queue, summary: "Approve the selected or marked items"),
        ActionDescriptor("queue.reject", context: .queue, summary: "Reject with a reason (asks to confirm)", isDestructive: true),
        ActionDescriptor("queue.certificate", context: .queue, summary: "Record the day the absence's certificate arrived"),
        ActionDescriptor("queue.submit", context: .queue, summary: "Send your marked or selected drafts for validation"),
        ActionDescriptor("queue.delete", context: .queue, summary: "Delete your marked or selected drafts (asks to confirm)",
                         isDestructive: true),
        ActionDescriptor("queue.sort", context: .queue, summary: "Sort the validation and drafts queues by age, date or dossier"),
        ActionDescriptor("queue.markAll", context: .queue, summary: "Mark every entry the filter shows (again: unmark them)"),
        ActionDescriptor("dialog.confirm", context: .dialog, summary: "Confirm"),
        ActionDescriptor("dialog.cancel", context: .dialog, summary: "Cancel"),
        ActionDescriptor("go.dossiers", context: .global, summary: "Go to the dossier list"),
        ActionDescriptor("go.queues", context: .global, summary: "Go to the supervisor's queues"),
        ActionDescriptor("go.workload", context: .global, summary: "Go to the clerks' workload"),
        ActionDescriptor("go.partners", context: .global, summary: "Go to the Article 60 partners"),
        ActionDescriptor("go.closing", context: .global, summary: "Go to month closing and the payroll export"),
        ActionDescriptor("go.conflicts", context: .global, summary: "Go to the changes the server refused or that conflict"),
        ActionDescriptor("list.export", context: .list, summary: "Export the list as a CSV file"),
        ActionDescriptor("list.reassign", context: .list, summary: "Reassign the marked dossiers to another clerk"),
        ActionDescriptor("tab.next", context: .detail, summary: "Show the next tab"),
        ActionDescriptor("tab.previous", context: .detail, summary: "Show the previous tab"),
        ActionDescriptor("detail.reveal", context: .detail, summary: "Show the full NISS and IBAN (written to the history)"),
        ActionDescriptor("record.newClocking", context: .detail, summary: "Enter a clocking"),
        ActionDescriptor("record.newArt60Event", context: .detail, summary: "Record an Article 60 event"),
        ActionDescriptor("note.new", context: .detail,
                         summary: "Add a note to the dossier (on the notes tab, Enter edits and F8 erases your own)"),
        ActionDescriptor("detail.confirmIBAN", context: .detail,
                         summary: "Confirm the new IBAN another person entered (F8 refuses it); asks twice"),
        ActionDescriptor("record.open", context: .detail, summary: "Open the selected entry to correct it (your own, not yet validated)"),
        ActionDescriptor("month.close", context: .queue, summary: "Close the payroll month", isDestructive: true),
        ActionDescriptor("conflict.keepMine", context: .conflicts,
                         summary: "Keep your value: send it again, starting from the server's"),
        ActionDescriptor("conflict.takeTheirs", context: .conflicts, summary: "Take the server's value; the item leaves the list"),
        ActionDescriptor("conflict.edit", context: .conflicts, summary: "Edit the value, then send it starting from the server's"),
        ActionDescriptor("workload.propose", context: .workload,
                         summary: "Compute the rebalancing proposal (or the pooling what-if); keys keep working meanwhile"),
        ActionDescriptor("workload.dropMove", context: .workload, summary: "Drop the selected move from the proposal, or take it back"),
        ActionDescriptor("workload.apply", context: .workload, summary: "Make the moves kept as reassignments (synced, in the history)"),
        ActionDescriptor("workload.team", context: .workload, summary: "Show the next employer's team (the pool's other employer)"),
        ActionDescriptor("workload.keepWorker", context: .workload, summary: "Keep each worker's dossiers at one clerk, or not"),
        ActionDescriptor("workload.moreClerks", context: .workload, summary: "One clerk more in the pooled team"),
        ActionDescriptor("workload.fewerClerks", context: .workload, summary: "One clerk fewer in the pooled team"),
    ])
}
