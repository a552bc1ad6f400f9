import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

/// Alt+w: active dossiers per payroll clerk, one bar chart per employer, against the loads the
/// commune and the CPAS discuss (175, 200 and 250 dossiers per clerk). A clerk above the
/// highest is drawn in the alternate colour and marked ⚠. Enter lists the clerk's dossiers,
/// where Space marks some and Ctrl+R hands them to another clerk; back here the bars follow.
/// Tab shows the weighted load, the rebalancing proposal and the pooling what-if
/// (`WorkloadScreen+Study.swift`), computed off the key path (`WorkloadJob`).
public final class WorkloadScreen: Screen {
    /// Dossiers per clerk the seed documents compare: the commune (175), pooled (200), the CPAS (250).
    public static let references: [Double] = [175, 200, 250]
    /// Above this, a clerk's bar is highlighted.
    public static let overloaded = 250
    private var bars: [WorkloadBar] = []
    var employerNames: [String: String] = [:]
    /// Index in `bars` of the selected bar.
    public private(set) var selection = 0
    private var failure: String?
    private var failedRead = FailedRead()
    private var body = App.bodySize(for: Frame.minimumSize)
    /// The view shown (a tab).
    public internal(set) var view = WorkloadView.dossiers
    /// What runs off the key path, and for which view.
    var job: WorkloadJob?
    /// Each team's loads (a proposal per employer, its `before`), once weighed.
    public internal(set) var weighed: [String: RebalancingProposal] = [:]
    /// The employers whose teams the user may rebalance (reassign_dossier), by code.
    var teams: [String] = []
    /// The employer of the proposal (index in `teams`).
    var teamIndex = 0
    public internal(set) var proposal: RebalancingProposal?
    /// Moves the supervisor dropped from the proposal, by dossier id.
    public internal(set) var dropped: Set<String> = []
    var moveSelection = 0
    var keepWorkerTogether = false
    public internal(set) var pooling: PoolingWhatIf?
    /// The second employer of the pool (index in `teams`; the first is `teams[0]`).
    var poolPartner = 1
    /// Clerks of the pooled team; nil until known (today's clerks of both employers).
    public internal(set) var poolSeats: Int?
    /// Lines scrolled in the weighted and pooling views.
    var scroll = 0
    /// Why the last computation gave nothing (in the user's language), shown in its view.
    public internal(set) var problem: String?
    /// Turns of the spinner while a job runs.
    var spinner = 0
    var failedStudy = FailedRead()

    public init(_ environment: ScreenEnvironment) {
        reload(environment)
    }

    public var keyContext: KeyContext { .workload }
    public var hintedActions: [ActionID] {
        switch view {
        case .dossiers: return ["app.help", "list.open", "tab.next", "view.refresh", "app.quit"]
        case .weighted: return ["app.help", "tab.next", "workload.propose", "view.refresh", "app.quit"]
        case .proposal: return ["app.help", "workload.propose", "workload.dropMove", "workload.apply", "workload.team", "workload.keepWorker"]
        case .pooling: return ["app.help", "workload.propose", "workload.moreClerks", "workload.fewerClerks", "workload.team"]
        }
    }

    public func breadcrumb(_ environment: ScreenEnvironment) -> [String] { [environment.strings["workload.title"]] }

    /// The clerk (or unassigned) and count of the selected bar, for tests and the list title.
    public var selectedBar: (employerCode: String, clerkID: String?, dossiers: Int)? {
        bars.indices.contains(selection) ? (bars[selection].employerCode, bars[selection].clerkID, bars[selection].dossiers) : nil
    }

    /// Dossiers per clerk id (nil: unassigned) at `employerCode`, as the chart shows them.
    public func dossiers(at employerCode: String) -> [String?: Int] {
        Dictionary(bars.filter { $0.employerCode == employerCode }.map { ($0.clerkID, $0.dossiers) }, uniquingKeysWith: +)
    }

    public func perform(_ action: ActionID, _ environment: ScreenEnvironment) -> ScreenResult {
        if job?.isFinished == true { _ = poll(environment) }
        if view != .dossiers || action.rawValue.hasPrefix("tab.") || action.rawValue.hasPrefix("workload.") {
            return performStudy(action, environment)
        }
        switch action.rawValue {
        case "list.up": selection = max(0, selection - 1)
        case "list.down": selection = min(max(0, bars.count - 1), selection + 1)
        case "list.first", "list.pageUp": selection = 0
        case "list.last", "list.pageDown": selection = max(0, bars.count - 1)
        case "list.open": return open(environment)
        case "view.refresh": reload(environment)
        default: return .ignored
        }
        return .handled
    }

    public func click(row: Int, column: Int, double: Bool, _ environment: ScreenEnvironment) -> ScreenResult {
        guard view == .dossiers else { return .ignored }
        let (first, all) = visibleLines(height: chartHeight(body.height - 1))
        let index = first + row - 3
        guard all.indices.contains(index), case .bar(let bar) = all[index] else { return .handled }
        selection = bar
        return double ? open(environment) : .handled
    }

    public func layout(body: Size, _ environment: ScreenEnvironment) { self.body = body }

    public func reload(_ environment: ScreenEnvironment) {
        let database = environment.database
        do {
            let rows = try database.workload()
            let rights = environment.rights
            var next: [WorkloadBar] = []
            var names: [String: String] = [:]
            for employer in try database.employers() where rights.employerCodes.contains(employer.code) {
                names[employer.code] = environment.strings.language == .dutch ? employer.nameNL : employer.nameFR
                let counted = rows.filter { $0.employerCode == employer.code }
                var clerks = counted.filter { $0.payrollClerkID != nil }.map {
                    WorkloadBar(employerCode: employer.code, clerkID: $0.payrollClerkID,
                                clerkName: $0.payrollClerkName ?? $0.payrollClerkID ?? "", dossiers: $0.dossiers)
                }
                // Clerks with no dossier yet are bars too: they are where dossiers can go.
                for clerk in try database.payrollClerks(employerCode: employer.code, on: environment.today)
                where !clerks.contains(where: { $0.clerkID == clerk.id }) {
                    clerks.append(WorkloadBar(employerCode: employer.code, clerkID: clerk.id, clerkName: clerk.displayName, dossiers: 0))
                }
                next += clerks
                next.append(WorkloadBar(employerCode: employer.code, clerkID: nil,
                                        clerkName: environment.strings["workload.unassigned"],
                                        dossiers: counted.first { $0.payrollClerkID == nil }?.dossiers ?? 0))
            }
            let previous = bars
            employerNames = names
            teams = try database.employers().map(\.code).filter { rights.may(.reassignDossier, at: $0) }
            bars = next
            selection = KeptSelection.index(in: bars, previous: previous, selection: selection) {
                $0.employerCode == $1.employerCode && $0.clerkID == $1.clerkID
            }
            failure = nil
        } catch {
            let text = environment.strings.format("error.replica", ["detail": "\(error)"])
            failure = text
            failedRead.note(text)
        }
    }

    public func takeReadFailure() -> Toast? { failedRead.take() ?? failedStudy.take() }

    /// Enter: the clerk's dossiers, where they can be marked and reassigned.
    private func open(_ environment: ScreenEnvironment) -> ScreenResult {
        guard bars.indices.contains(selection) else { return .handled }
        let bar = bars[selection]
        guard let clerkID = bar.clerkID else {
            return .notice(Toast(environment.strings["workload.unassigned.notListed"]))
        }
        let filter = DossierListFilter(employerCode: bar.employerCode, status: DossierStatus.active.rawValue, payrollClerkID: clerkID)
        return .open(DossierListScreen(environment, body: body, filter: filter,
                                       trail: [environment.strings["workload.title"], bar.clerkName]))
    }

    // MARK: Drawing

    /// What each chart line shows: an employer's heading, a bar (by index), or nothing.
    enum Line: Equatable {
        case employer(String), bar(Int), blank
    }

    /// Lines for the charts: the body less the intro, the axis, the legend and the help.
    private func chartHeight(_ bodyHeight: Int) -> Int { max(0, bodyHeight - 5) }

    /// The first line shown (so the selected bar stays on screen) and every line.
    private func visibleLines(height: Int) -> (first: Int, all: [Line]) {
        let all = lines()
        let selectedLine = all.firstIndex(of: .bar(selection)) ?? 0
        return (max(0, min(selectedLine - height + 2, all.count - height)), all)
    }

    private func lines() -> [Line] {
        var result: [Line] = []
        var last: String?
        for (index, bar) in bars.enumerated() {
            if bar.employerCode != last {
                if last != nil { result.append(.blank) }
                result.append(.employer(bar.employerCode))
                last = bar.employerCode
            }
            result.append(.bar(index))
        }
        return result
    }

    public func render(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        TabBar(titles: WorkloadView.allCases.map { environment.strings[$0.titleKey] }, selected: view.rawValue)
            .render(into: &buffer, rect: rect.line(0))
        let inner = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        switch view {
        case .dossiers: renderCounts(into: &buffer, rect: inner, environment)
        case .weighted: renderWeighted(into: &buffer, rect: inner, environment)
        case .proposal: renderProposal(into: &buffer, rect: inner, environment)
        case .pooling: renderPooling(into: &buffer, rect: inner, environment)
        }
    }

    /// The dossiers per clerk against the reference loads.
    private func renderCounts(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        let references = Self.references.map { strings.format("workload.reference", ["count": "\(Int($0))"]) }
        buffer.write(strings.format("workload.intro", ["references": references.joined(separator: " · ")]),
                     x: rect.x + 1, y: rect.y, role: .dim, maxWidth: rect.width - 2)
        if let failure {
            buffer.write(failure, x: rect.x + 1, y: rect.y + 2, role: .error, maxWidth: rect.width - 2)
            return
        }
        guard !bars.isEmpty else {
            buffer.write(strings["workload.empty"], x: rect.x + 1, y: rect.y + 2, role: .dim, maxWidth: rect.width - 2)
            return
        }
        let area = Rect(x: rect.x + 1, y: rect.y + 2, width: rect.width - 2, height: chartHeight(rect.height))
        let (first, all) = visibleLines(height: area.height)
        let chart = self.chart(bars: [], environment, width: area.width)
        for (offset, line) in all.dropFirst(first).prefix(area.height).enumerated() {
            let y = area.y + offset
            switch line {
            case .employer(let code):
                let total = bars.filter { $0.employerCode == code }.map(\.dossiers).reduce(0, +)
                let name = employerNames[code].map { "\(code) · \($0)" } ?? code
                buffer.write(strings.format("workload.employer", ["employer": name, "count": "\(total)"]),
                             x: area.x, y: y, role: .header, maxWidth: area.width)
            case .bar(let index):
                var one = self.chart(bars: [bars[index]], environment, width: area.width)
                if index == selection {
                    one.selected = 0
                    one.bars[0].label = "› " + bars[index].clerkName
                }
                one.render(into: &buffer, rect: Rect(x: area.x, y: y, width: area.width, height: 1))
            case .blank:
                break
            }
        }
        let axisY = rect.maxY - 3
        chart.renderAxis(into: &buffer, rect: Rect(x: area.x, y: axisY, width: area.width, height: 1)) { "\(Int($0))" }
        buffer.write(strings.format("workload.legend", ["limit": "\(Self.overloaded)"]), x: rect.x + 1, y: axisY + 1,
                     role: .dim, maxWidth: rect.width - 2)
        buffer.write(strings["workload.help"], x: rect.x + 1, y: axisY + 2, role: .dim, maxWidth: rect.width - 2)
    }

    /// A chart of `bars` on the scale every employer shares, so bars and references line up.
    private func chart(bars shown: [WorkloadBar], _ environment: ScreenEnvironment, width: Int) -> BarChart {
        let largest = Double(bars.map(\.dossiers).max() ?? 0)
        let scale = max(300, (largest / 50).rounded(.up) * 50)
        let labelWidth = min(width / 3, max(12, bars.map { DisplayWidth.of($0.clerkName) }.max() ?? 0) + 2)
        return BarChart(
            bars: shown.map { bar in
                let over = bar.dossiers > Self.overloaded
                return BarChart.Bar(label: "  " + bar.clerkName, value: Double(bar.dossiers),
                                    valueText: over ? "\(bar.dossiers) ⚠" : "\(bar.dossiers)", isHighlighted: over)
            },
            scaleMaximum: scale, references: Self.references, labelWidth: labelWidth, valueWidth: 6)
    }
}
