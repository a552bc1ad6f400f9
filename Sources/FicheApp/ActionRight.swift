import FicheDomain
import FicheTerminal

/// The rights an action needs, so that the key-hint bar offers only what the user's roles may do.
///
/// The action itself still checks the right where it acts (and the server checks it again): this
/// table only decides what the bar shows. An action missing here needs no right of its own
/// (moving, searching, opening, help).
enum ActionRight {
    /// The permissions of which any one lets a user run `action`; empty when it needs none.
    static func permissions(for action: ActionID) -> Set<Permission> {
        switch action.rawValue {
        case "record.new", "record.newClocking", "record.delete", "queue.submit", "queue.delete", "queue.certificate":
            return [.enterTimeRecord]
        case "record.newArt60Event": return [.manageArt60]
        case "detail.reveal": return [.viewFullNISS, .viewIBAN]
        case "detail.confirmIBAN": return [.editDossier]
        case "note.new": return [.editDossier, .enterTimeRecord]
        case "list.reassign": return [.reassignDossier]
        case "queue.approve", "queue.reject": return [.validateTimeRecord]
        case "month.close": return [.closePayrollMonth]
        default: return []
        }
    }

    /// Whether `rights` hold one of the permissions `action` needs, at `employerCode` or, when
    /// nil, at any employer.
    static func allows(_ action: ActionID, _ rights: AccessRights, at employerCode: String? = nil) -> Bool {
        let needed = permissions(for: action)
        guard !needed.isEmpty else { return true }
        let employers = employerCode.map { [$0] } ?? rights.employerCodes
        return employers.contains { employer in needed.contains { rights.may($0, at: employer) } }
    }
}
