import FicheWidgets

/// The dialog open over the queues: the reason for rejecting entries, or the confirmation
/// before closing a payroll month.
enum QueueDialog {
    /// F8: why the entries with `ids` are rejected.
    case reject(ReasonDialog, ids: [String])
    /// F7: close `closing`'s month?
    case close(ConfirmDialog, MonthClosing)
    /// Delete on drafts: withdraw the drafts with `ids`?
    case deleteDrafts(ConfirmDialog, ids: [String])
    /// F6 on missing certificates: the day the certificate of record `recordID` arrived.
    case certificate(ReasonDialog, recordID: String)
}
