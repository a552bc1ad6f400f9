import FicheTerminal
import FicheWidgets

/// The parts every screen shares: the status line, the key-hint bar, and the
/// "terminal too small" notice.
public enum Frame {
    public static let minimumSize = Size(width: 80, height: 24)

    /// The top line: breadcrumb on the left; employer and user, then the sync badge, on the right.
    public static func renderHeader(breadcrumb: [String], context: String, badge: SyncBadge?, into buffer: inout CellBuffer) {
        StatusLine(breadcrumb: Breadcrumb(breadcrumb), context: context, badge: badge)
            .render(into: &buffer, rect: buffer.bounds.line(0))
    }

    /// The bottom line: for each action, its key in the user's keymap and its words.
    public static func renderKeyHints(_ actions: [ActionID], context: KeyContext, keymap: Keymap, strings: Strings,
                                      label: (ActionID) -> String? = { _ in nil }, into buffer: inout CellBuffer) {
        let hints = KeyHintBar.hints(for: actions, in: context, keymap: keymap) { label($0) ?? strings["action." + $0.rawValue] }
        KeyHintBar(hints: hints).render(into: &buffer, rect: buffer.bounds.line(buffer.height - 1))
    }

    /// What shows instead of a screen when the terminal is smaller than 80×24.
    public static func renderTooSmall(strings: Strings, into buffer: inout CellBuffer) {
        let lines = [
            strings.format("screen.tooSmall", ["width": "\(buffer.width)", "height": "\(buffer.height)"]),
            strings.format("screen.tooSmall.need", ["width": "\(minimumSize.width)", "height": "\(minimumSize.height)"]),
        ]
        let top = max(0, buffer.height / 2 - 1)
        for (offset, line) in lines.enumerated() {
            let cut = DisplayWidth.truncate(line, to: buffer.width)
            buffer.write(cut, x: max(0, (buffer.width - DisplayWidth.of(cut)) / 2), y: top + offset,
                         role: offset == 0 ? .error : .normal)
        }
    }

    /// The header's right side: the employers the user works for, and the user.
    public static func context(_ environment: ScreenEnvironment) -> String {
        let employers = environment.rights.employerCodes
        let scope = employers.count == 1 ? employers[0] : environment.strings["header.allEmployers"]
        return "\(scope) · \(environment.user.displayName)"
    }

    /// The sync badge: online or local, then what waits and what needs a person (words, not
    /// colour alone): `○ local · 2 en attente · 1 conflit`.
    public static func badge(_ environment: ScreenEnvironment) -> SyncBadge {
        let strings = environment.strings
        var parts: [String] = []
        if let status = environment.syncStatus {
            parts.append(strings[status.isOnline ? "sync.badge.online" : "sync.badge.offline"])
        } else {
            parts.append(strings["sync.badge.local"])
        }
        do {
            let counts = try environment.database.syncCounts()
            if counts.pending > 0 { parts.append(strings.format("sync.badge.pending", ["count": "\(counts.pending)"])) }
            let attention = counts.conflicts + counts.rejected
            if attention > 0 { parts.append(strings.format("sync.badge.conflicts", ["count": "\(attention)"])) }
        } catch {
            // Unread counts are not "nothing waits": the badge says it does not know.
            parts.append(strings["sync.badge.unknown"])
        }
        if let last = environment.syncStatus?.lastSync { parts.append(last) }
        // Offline says where the reason is.
        if let status = environment.syncStatus, !status.isOnline, status.trouble != nil {
            parts.append(environment.keyNames("app.syncStatus", in: .global))
        }
        return SyncBadge(isOnline: environment.syncStatus?.isOnline ?? false, text: parts.joined(separator: " · "))
    }

    public static func isTooSmall(_ size: Size) -> Bool {
        size.width < minimumSize.width || size.height < minimumSize.height
    }
}
