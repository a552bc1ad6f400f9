import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

/// F4 on the dossier list: employer, category, status and clerk, each a choice; Enter applies.
public final class DossierFilterScreen: Screen {
    public private(set) var form: Form
    private let employers: [String?]
    private let categories: [String?]
    private let statuses: [String?]
    private let clerks: [String?]
    private let apply: (DossierListFilter) -> Void

    public init(_ environment: ScreenEnvironment, filter: DossierListFilter, apply: @escaping (DossierListFilter) -> Void) {
        let strings = environment.strings
        self.apply = apply
        employers = [nil] + environment.rights.employerCodes
        categories = [nil] + StaffCategory.allCases.map(\.rawValue)
        statuses = [nil] + DossierStatus.allCases.map(\.rawValue)
        clerks = [nil, environment.user.id]
        let all = strings["filter.all"]
        func field(_ label: String, _ values: [String?], _ current: String?, words: (String) -> String) -> FormField {
            let choices = values.map { $0.map(words) ?? all }
            return FormField(label: strings[label], kind: .choice(choices),
                             text: choices[values.firstIndex(of: current) ?? 0])
        }
        form = Form(fields: [
            field("filter.employer", employers, filter.employerCode) { $0 },
            field("filter.category", categories, filter.category) { strings["category.\($0)"] },
            field("filter.status", statuses, filter.status) { strings["status.\($0)"] },
            field("filter.clerk", clerks, filter.payrollClerkID) { _ in strings["filter.mine"] },
        ])
    }

    public var keyContext: KeyContext { .form }
    public var hintedActions: [ActionID] { ["form.next", "form.save", "form.cancel"] }
    public var takesText: Bool { true }

    public func breadcrumb(_ environment: ScreenEnvironment) -> [String] {
        [environment.strings["list.title"], environment.strings["filter.title"]]
    }

    /// The filter the form shows.
    public var filter: DossierListFilter {
        func value(_ index: Int, _ values: [String?]) -> String? {
            guard case .choice(let choices) = form.fields[index].kind,
                  let position = choices.firstIndex(of: form.fields[index].text) else { return nil }
            return values[position]
        }
        return DossierListFilter(employerCode: value(0, employers), category: value(1, categories),
                                 status: value(2, statuses), payrollClerkID: value(3, clerks))
    }

    public func type(_ key: Key, _ environment: ScreenEnvironment) -> ScreenResult {
        switch key {
        case .right, .character(" "): form.fields[form.focus].cycle(1)
        case .left: form.fields[form.focus].cycle(-1)
        case .down: form.focusNext()
        case .up: form.focusPrevious()
        case .enter: return perform("form.save", environment)
        case .character(let character): form.fields[form.focus].type(character)
        default: return .ignored
        }
        return .handled
    }

    public func perform(_ action: ActionID, _ environment: ScreenEnvironment) -> ScreenResult {
        switch action.rawValue {
        case "form.next": form.focusNext()
        case "form.previous": form.focusPrevious()
        case "form.save":
            apply(filter)
            return .close(nil)
        case "form.cancel", "app.back": return .close(nil)
        default: return .ignored
        }
        return .handled
    }

    public func render(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let panel = Panel(title: environment.strings["filter.title"], width: min(rect.width - 4, 60), height: 8)
        let inside = panel.render(into: &buffer, in: rect)
        form.render(into: &buffer, rect: inside.inset(left: 1)) { _ in "" }
        buffer.write(environment.strings["filter.help"], x: inside.x + 1, y: inside.maxY - 1, role: .dim, maxWidth: inside.width - 2)
    }
}
