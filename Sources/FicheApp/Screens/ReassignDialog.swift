import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

/// Ctrl+R on marked dossiers: which payroll clerk of their employer takes them. ↑ ↓ choose,
/// Enter hands them over (one change per dossier, pending until the server has it), Esc cancels.
/// Drawn over the list, it names the dossiers it acts on (the first ones, then how many more).
public final class ReassignDialog: Screen {
    public let ids: [String]
    /// "AC-000101 Van den Bossche, Éloïse" for each id, in the same order.
    public let labels: [String]
    public let clerks: [User]
    public private(set) var selection: Int
    private let done: () -> Void

    /// - Parameters:
    ///   - current: the clerk the dossiers come from, if one; the choice starts on another.
    ///   - done: called after a reassignment went through (the list forgets its marks).
    public init(ids: [String], labels: [String], clerks: [User], current: String?, done: @escaping () -> Void) {
        self.ids = ids
        self.labels = labels
        self.clerks = clerks
        self.done = done
        selection = clerks.firstIndex { $0.id != current } ?? 0
    }

    public var keyContext: KeyContext { .dialog }
    public var drawsOver: Bool { true }
    public var hintedActions: [ActionID] { ["dialog.confirm", "dialog.cancel"] }

    public func breadcrumb(_ environment: ScreenEnvironment) -> [String] {
        [environment.strings["list.title"], environment.strings["reassign.title"]]
    }

    public func type(_ key: Key, _ environment: ScreenEnvironment) -> ScreenResult {
        switch key {
        case .up: selection = max(0, selection - 1)
        case .down: selection = min(clerks.count - 1, selection + 1)
        case .enter: return perform("dialog.confirm", environment)
        default: return .ignored
        }
        return .handled
    }

    public func perform(_ action: ActionID, _ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        switch action.rawValue {
        case "dialog.confirm":
            guard clerks.indices.contains(selection) else { return .close(nil) }
            let clerk = clerks[selection]
            do {
                let written = try environment.database.reassignDossiers(ids, toClerk: clerk.id, by: environment.user)
                done()
                return .close(Toast(strings.format("reassign.done", ["count": "\(written.count)", "clerk": clerk.displayName]),
                                    kind: .success))
            } catch let violation as RuleViolation {
                return .close(Toast(strings.message(for: violation), kind: .error))
            } catch {
                return .close(Toast(strings.format("error.replica", ["detail": "\(error)"]), kind: .error))
            }
        case "dialog.cancel", "app.back":
            return .close(nil)
        default:
            return .ignored
        }
    }

    public func render(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        let named = labels.count > 3 ? 2 : labels.count
        var lines = labels.prefix(named).map { "• " + $0 }
        if labels.count > named { lines.append("  " + strings.format("reassign.more", ["count": "\(labels.count - named)"])) }
        let shown = min(clerks.count, max(1, rect.height - 7 - lines.count))
        let panel = Panel(title: strings.format("reassign.question", ["count": "\(ids.count)"]),
                          width: min(rect.width - 4, 60), height: shown + lines.count + 5)
        let inside = panel.render(into: &buffer, in: rect)
        for (offset, line) in lines.enumerated() {
            buffer.write(line, in: inside.line(offset), role: .dialog)
        }
        let first = max(0, min(selection - shown + 1, clerks.count - shown))
        for (offset, clerk) in clerks.dropFirst(first).prefix(shown).enumerated() {
            let isSelected = first + offset == selection
            let line = inside.line(lines.count + 1 + offset)
            if isSelected {
                buffer.fill(line, role: .selected)
                buffer.placeCursor(x: line.x, y: line.y)
            }
            buffer.write((isSelected ? "› " : "  ") + clerk.displayName, in: line, role: isSelected ? .selected : .dialog)
        }
        buffer.write(strings["reassign.help"], x: inside.x, y: inside.maxY - 1, role: .dialog, maxWidth: inside.width)
    }
}
