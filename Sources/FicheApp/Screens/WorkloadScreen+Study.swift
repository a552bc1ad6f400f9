import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets
import Foundation

/// The weighted load, the rebalancing proposal and the pooling what-if: each computed by a
/// `WorkloadJob` off the key path (Tab, the arrows and Esc work while it runs; F7 again waits).
extension WorkloadScreen {
    public var isBusy: Bool { job != nil }

    /// Takes in a finished job; true when the screen changed.
    public func poll(_ environment: ScreenEnvironment) -> Bool {
        guard let job else { return false }
        guard let outcome = job.take() else {
            spinner += 1
            return true
        }
        self.job = nil
        switch outcome {
        case .weighed(let teams):
            weighed = teams
            problem = nil
        case .proposal(let made):
            proposal = made
            dropped = []
            moveSelection = 0
            problem = nil
        case .pooling(let whatIf):
            pooling = whatIf
            problem = nil
        case .failed(let error):
            problem = Self.message(for: error, environment.strings)
            failedStudy.note(problem ?? "")
        }
        return true
    }

    /// Waits for the running job and takes it in (tests and scripted runs).
    @discardableResult
    public func waitForStudy(_ environment: ScreenEnvironment, timeout: TimeInterval = 60) -> Bool {
        guard let job else { return true }
        guard job.waitUntilFinished(timeout: timeout) else { return false }
        return poll(environment)
    }

    /// The moves the supervisor keeps (not dropped), in the proposal's order.
    public var keptMoves: [WorkloadMove] { proposal?.moves.filter { !dropped.contains($0.dossierID) } ?? [] }

    /// The employer whose team the proposal is about.
    public var proposalTeam: String? { teams.indices.contains(teamIndex) ? teams[teamIndex] : teams.first }

    /// The two employers of the pooling what-if.
    public var poolEmployers: (String, String)? {
        guard teams.count >= 2 else { return nil }
        return (teams[0], teams[poolPartner < teams.count && poolPartner > 0 ? poolPartner : 1])
    }

    func performStudy(_ action: ActionID, _ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        switch action.rawValue {
        case "tab.next", "tab.previous":
            let step = action.rawValue == "tab.next" ? 1 : WorkloadView.allCases.count - 1
            view = WorkloadView(rawValue: (view.rawValue + step) % WorkloadView.allCases.count) ?? .dossiers
            scroll = 0
            if view == .weighted, weighed.isEmpty { weigh(environment) }
        case "list.up": move(-1)
        case "list.down": move(1)
        case "list.pageUp": move(-10)
        case "list.pageDown": move(10)
        case "list.first": move(-1_000_000)
        case "list.last": move(1_000_000)
        case "view.refresh":
            reload(environment)
            if view == .weighted { weigh(environment) }
        case "workload.propose":
            guard job == nil else { return .notice(Toast(strings["workload.busy"])) }
            if view == .pooling { makePooling(environment) } else { propose(environment) }
        case "workload.team":
            guard job == nil, teams.count > 1 else { return job == nil ? .handled : .notice(Toast(strings["workload.busy"])) }
            if view == .pooling {
                poolPartner = poolPartner + 1 < teams.count ? poolPartner + 1 : 1
                pooling = nil
            } else {
                teamIndex = (teamIndex + 1) % teams.count
                proposal = nil
                dropped = []
                if view == .proposal { propose(environment) }
            }
        case "workload.keepWorker":
            guard job == nil else { return .notice(Toast(strings["workload.busy"])) }
            keepWorkerTogether.toggle()
            proposal = nil
            pooling = nil
            return .notice(Toast(strings[keepWorkerTogether ? "workload.keepWorker.on" : "workload.keepWorker.off"]))
        case "workload.dropMove":
            guard view == .proposal, let moves = proposal?.moves, moves.indices.contains(moveSelection) else { return .handled }
            let id = moves[moveSelection].dossierID
            if dropped.contains(id) { dropped.remove(id) } else { dropped.insert(id) }
            moveSelection = min(moves.count - 1, moveSelection + 1)
        case "workload.apply":
            return apply(environment)
        case "workload.moreClerks", "workload.fewerClerks":
            guard view == .pooling else { return .ignored }
            let seats = poolSeats ?? defaultSeats(environment)
            poolSeats = max(0, seats + (action.rawValue == "workload.moreClerks" ? 1 : -1))
            pooling = nil
        case "list.open", "list.mark":
            return .ignored
        default:
            return .ignored
        }
        return .handled
    }

    private func move(_ step: Int) {
        if view == .proposal {
            let count = proposal?.moves.count ?? 0
            moveSelection = max(0, min(count - 1, moveSelection + step))
        } else {
            scroll = max(0, scroll + step)
        }
    }

    /// Today's payroll clerks of the two pooled employers (the what-if starts from them).
    private func defaultSeats(_ environment: ScreenEnvironment) -> Int {
        guard let (first, second) = poolEmployers else { return 0 }
        // try?: only the starting value of the seat count; a failed read starts from zero, and the what-if says why.
        return (try? environment.database.workloadClerks(employerCodes: [first, second], on: environment.today).count) ?? 0
    }

    /// Weighs every team the user may rebalance.
    func weigh(_ environment: ScreenEnvironment) {
        guard job == nil else { return }
        let (database, rules, userID, today, codes) = (environment.database, environment.rules, environment.user.id, environment.today, teams)
        let options = RebalancingOptions(keepWorkerTogether: keepWorkerTogether)
        job = WorkloadJob {
            do {
                var result: [String: RebalancingProposal] = [:]
                for code in codes {
                    do {
                        result[code] = try WorkloadStudy.proposal(database: database, rules: rules, userID: userID, employer: code,
                                                                  on: today, options: options)
                    } catch WorkloadProblem.noClerks {
                        continue
                    }
                }
                return .weighed(result)
            } catch {
                return .failed(error)
            }
        }
    }

    private func propose(_ environment: ScreenEnvironment) {
        view = .proposal
        guard let team = proposalTeam else {
            problem = environment.strings["workload.problem.noTeam"]
            return
        }
        let (database, rules, userID, today) = (environment.database, environment.rules, environment.user.id, environment.today)
        let options = RebalancingOptions(keepWorkerTogether: keepWorkerTogether)
        proposal = nil
        problem = nil
        job = WorkloadJob {
            do {
                return .proposal(try WorkloadStudy.proposal(database: database, rules: rules, userID: userID, employer: team,
                                                            on: today, options: options))
            } catch {
                return .failed(error)
            }
        }
    }

    private func makePooling(_ environment: ScreenEnvironment) {
        guard let employers = poolEmployers else {
            problem = environment.strings["workload.problem.noPool"]
            return
        }
        let seats = poolSeats ?? defaultSeats(environment)
        poolSeats = seats
        let (database, rules, userID, today) = (environment.database, environment.rules, environment.user.id, environment.today)
        let options = RebalancingOptions(keepWorkerTogether: keepWorkerTogether)
        pooling = nil
        problem = nil
        job = WorkloadJob {
            do {
                return .pooling(try WorkloadStudy.pooling(database: database, rules: rules, userID: userID, employers: employers,
                                                          seats: seats, on: today, options: options))
            } catch {
                return .failed(error)
            }
        }
    }

    /// F2: the kept moves become ordinary reassignments (one transaction), then the team is weighed again.
    private func apply(_ environment: ScreenEnvironment) -> ScreenResult {
        let strings = environment.strings
        guard view == .proposal else { return .ignored }
        guard job == nil else { return .notice(Toast(strings["workload.busy"])) }
        let kept = keptMoves
        guard !kept.isEmpty else { return .notice(Toast(strings["workload.apply.nothing"])) }
        do {
            let written = try environment.database.applyReassignments(kept, by: environment.user)
            proposal = nil
            dropped = []
            reload(environment)
            weighed = [:]
            weigh(environment)
            return .notice(Toast(strings.format("workload.apply.done", ["count": "\(written.count)"]), kind: .success))
        } catch let violation as RuleViolation {
            return .notice(Toast(strings.message(for: violation), kind: .error))
        } catch {
            return .notice(Toast(strings.format("error.replica", ["detail": "\(error)"]), kind: .error))
        }
    }

    /// A problem in the user's words (`workload.problem.<code>`), else the replica's error.
    public static func message(for error: Error, _ strings: Strings) -> String {
        guard let problem = error as? WorkloadProblem else { return strings.format("error.replica", ["detail": "\(error)"]) }
        switch problem {
        case .unknownEmployer(let code, _), .employerNotGranted(let code), .noClerks(let code), .poolOfOneEmployer(let code):
            return strings.format("workload.problem.\(problem.code)", ["employer": code])
        case .poolWithoutCommonClerk(let first, let second):
            return strings.format("workload.problem.poolWithoutCommonClerk", ["first": first, "second": second])
        }
    }

    // MARK: Drawing

    private static let spinnerFrames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// Hours a month, one decimal, with the language's decimal mark.
    static func hours(_ minutes: Int, _ strings: Strings) -> String {
        let text = String(format: "%.1f", WorkloadDossier.hoursPerMonth(minutes: minutes))
        return strings.language == .english ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    static func ratio(_ value: Double, _ strings: Strings) -> String {
        let text = String(format: "%.2f", value)
        return strings.language == .english ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    /// The spinner line while a job runs, else the problem, else nothing; the lines it used.
    private func renderState(into buffer: inout CellBuffer, x: Int, y: Int, width: Int, _ environment: ScreenEnvironment) -> Int {
        if job != nil {
            let frame = Self.spinnerFrames[spinner % Self.spinnerFrames.count]
            buffer.write("\(frame) " + environment.strings["workload.computing"], x: x, y: y, role: .dim, maxWidth: width)
            return 1
        }
        if let problem {
            buffer.write(problem, x: x, y: y, role: .error, maxWidth: width)
            return 1
        }
        return 0
    }

    private func clerkName(_ clerk: WorkloadClerk, _ strings: Strings) -> String {
        clerk.isNewSeat ? strings.format("workload.pool.newSeat", ["seat": String(clerk.login.dropFirst(4))]) : clerk.displayName
    }

    func renderWeighted(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        let x = rect.x + 1, width = rect.width - 2
        buffer.write(strings["workload.weighted.intro"], x: x, y: rect.y, role: .dim, maxWidth: width)
        var y = rect.y + 1
        y += renderState(into: &buffer, x: x, y: y, width: width, environment)
        let codes = teams.filter { weighed[$0] != nil }
        if job == nil, problem == nil, codes.isEmpty {
            buffer.write(strings["workload.weighted.none"], x: x, y: y, role: .dim, maxWidth: width)
            return
        }
        let largest = codes.flatMap { code in weighed[code]?.before.values.map(\.minutes) ?? [] }.max() ?? 0
        let scale = max(1, (WorkloadDossier.hoursPerMonth(minutes: largest) / 5).rounded(.up) * 5)
        let names = codes.flatMap { weighed[$0]?.clerks.map(\.displayName) ?? [] }
        let labelWidth = min(width / 3, max(12, names.map { DisplayWidth.of($0) }.max() ?? 0) + 2)
        var lines: [(String?, BarChart?)] = []
        for code in codes {
            guard let team = weighed[code] else { continue }
            let mean = team.meanMinutes(team.before)
            let figures = ["mean": Self.hours(Int(mean.rounded()), strings), "spread": Self.ratio(team.spread(team.before), strings)]
            let named = strings.format("workload.weighted.team",
                                       figures.merging(["employer": employerNames[code].map { "\(code) · \($0)" } ?? code]) { $1 })
            lines.append((DisplayWidth.of(named) <= width ? named
                          : strings.format("workload.weighted.team", figures.merging(["employer": code]) { $1 }), nil))
            for clerk in team.seats {
                let load = team.before[clerk.id] ?? ClerkLoad()
                let over = mean > 0 && Double(load.minutes) > mean * (1 + team.tolerance)
                let value = strings.format("workload.weighted.value", [
                    "hours": Self.hours(load.minutes, strings), "dossiers": "\(load.dossiers)",
                    "art60": "\(Int((load.art60Share * 100).rounded()))",
                ]) + (over ? " ⚠" : "")
                lines.append((nil, BarChart(bars: [BarChart.Bar(label: "  " + clerk.displayName, value: load.hoursPerMonth,
                                                                valueText: value, isHighlighted: over)],
                                            scaleMaximum: scale, references: [WorkloadDossier.hoursPerMonth(minutes: Int(mean.rounded()))],
                                            labelWidth: labelWidth, valueWidth: 22)))
            }
            lines.append((nil, nil))
        }
        let height = max(0, rect.maxY - y - 1)
        scroll = min(scroll, max(0, lines.count - height))
        for (offset, line) in lines.dropFirst(scroll).prefix(height).enumerated() {
            if let heading = line.0 {
                buffer.write(heading, x: x, y: y + offset, role: .header, maxWidth: width)
            } else if let chart = line.1 {
                chart.render(into: &buffer, rect: Rect(x: x, y: y + offset, width: width, height: 1))
            }
        }
        buffer.write(strings["workload.weighted.legend"], x: x, y: rect.maxY - 1, role: .dim, maxWidth: width)
    }

    func renderProposal(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        let x = rect.x + 1, width = rect.width - 2
        var y = rect.y
        guard let team = proposalTeam else {
            buffer.write(strings["workload.problem.noTeam"], x: x, y: y, role: .dim, maxWidth: width)
            return
        }
        guard let proposal else {
            buffer.write(strings.format("workload.proposal.ask", ["employer": team]), x: x, y: y, role: .dim, maxWidth: width)
            _ = renderState(into: &buffer, x: x, y: y + 1, width: width, environment)
            return
        }
        let kept = keptMoves
        let after = proposal.loads(applying: kept)
        buffer.write(strings.format("workload.proposal.summary", [
            "employer": team, "kept": "\(kept.count)", "moves": "\(proposal.moves.count)",
            "before": Self.ratio(proposal.spread(proposal.before), strings), "after": Self.ratio(proposal.spread(after), strings),
        ]), x: x, y: y, role: .header, maxWidth: width)
        y += 1
        if proposal.pendingDossiers > 0 || keepWorkerTogether {
            var notes: [String] = []
            if keepWorkerTogether { notes.append(strings["workload.keepWorker.on"]) }
            if proposal.pendingDossiers > 0 { notes.append(strings.format("workload.proposal.pending", ["count": "\(proposal.pendingDossiers)"])) }
            buffer.write(notes.joined(separator: " · "), x: x, y: y, role: .dim, maxWidth: width)
            y += 1
        }
        // Before and after, one line a clerk, on one scale.
        let seats = proposal.seats
        let largest = seats.map { max(proposal.before[$0.id]?.minutes ?? 0, after[$0.id]?.minutes ?? 0) }.max() ?? 1
        let nameWidth = min(18, max(8, seats.map { DisplayWidth.of($0.displayName) }.max() ?? 8))
        let barWidth = max(4, (width - nameWidth - 20) / 2)
        let shownClerks = min(seats.count, max(2, (rect.maxY - y) / 2 - 1))
        for clerk in seats.prefix(shownClerks) {
            let was = proposal.before[clerk.id]?.minutes ?? 0, now = after[clerk.id]?.minutes ?? 0
            var column = x
            column += buffer.write(clerk.displayName, x: column, y: y, role: .normal, maxWidth: nameWidth)
            column = x + nameWidth + 1
            column += buffer.write(BarChart.bar(value: Double(was), maximum: Double(largest), width: barWidth), x: column, y: y, role: .chartBarAlt)
            column += buffer.write(" " + Self.hours(was, strings) + " → ", x: column, y: y, role: .dim)
            column += buffer.write(BarChart.bar(value: Double(now), maximum: Double(largest), width: barWidth), x: column, y: y, role: .chartBar)
            buffer.write(" " + Self.hours(now, strings) + " h", x: column, y: y, role: .normal, maxWidth: max(0, x + width - column))
            y += 1
        }
        if seats.count > shownClerks {
            buffer.write(strings.format("workload.proposal.moreClerks", ["count": "\(seats.count - shownClerks)"]), x: x, y: y, role: .dim)
            y += 1
        }
        y += 1
        let names = Dictionary(proposal.clerks.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        if proposal.moves.isEmpty {
            buffer.write(strings["workload.proposal.even"], x: x, y: y, role: .dim, maxWidth: width)
        }
        let height = max(0, rect.maxY - y - 1)
        let first = max(0, min(moveSelection - height + 1, proposal.moves.count - height))
        for (offset, move) in proposal.moves.enumerated().dropFirst(first).prefix(height) {
            let isDropped = dropped.contains(move.dossierID)
            // Plain: `>` before the selected move, as on a list's selected row.
            let sign = buffer.glyphs.selectedRow.isEmpty ? "" : (offset == moveSelection ? buffer.glyphs.selectedRow + " " : "  ")
            let line = sign + (isDropped ? "[ ] " : "[✓] ") + move.dossierNumber + "  "
                + (names[move.fromClerkID] ?? move.fromClerkID) + " → " + (names[move.toClerkID] ?? move.toClerkID)
                + "  " + Self.hours(move.minutes, strings) + " h" + (move.isArt60 ? " · a60" : "")
            let role: StyleRole = offset == moveSelection ? .selected : (isDropped ? .dim : .normal)
            if offset == moveSelection {
                buffer.fill(Rect(x: x, y: y, width: width, height: 1), role: .selected)
                buffer.placeCursor(x: x, y: y)
            }
            buffer.write(line, x: x, y: y, role: role, maxWidth: width)
            y += 1
        }
        buffer.write(strings["workload.proposal.help"], x: x, y: rect.maxY - 1, role: .dim, maxWidth: width)
    }

    func renderPooling(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        let x = rect.x + 1, width = rect.width - 2
        var y = rect.y
        guard let (first, second) = poolEmployers else {
            buffer.write(strings["workload.problem.noPool"], x: x, y: y, role: .dim, maxWidth: width)
            return
        }
        let seats = poolSeats.map { "\($0)" } ?? "…"
        buffer.write(strings.format("workload.pool.question", ["first": first, "second": second, "seats": seats]),
                     x: x, y: y, role: .header, maxWidth: width)
        y += 1
        y += renderState(into: &buffer, x: x, y: y, width: width, environment)
        guard let pooling else {
            if job == nil, problem == nil {
                buffer.write(strings["workload.pool.ask"], x: x, y: y, role: .dim, maxWidth: width)
            }
            return
        }
        let byCount = pooling.byCount, byWeight = pooling.byWeight
        let countLoads = byCount.after, weightLoads = byWeight.after
        let countHours = byCount.seats.map { countLoads[$0.id]?.minutes ?? 0 }
        let counts = byCount.seats.map { countLoads[$0.id]?.dossiers ?? 0 }
        buffer.write(strings.format("workload.pool.byCount", [
            "low": "\(counts.min() ?? 0)", "high": "\(counts.max() ?? 0)",
            "hoursLow": Self.hours(countHours.min() ?? 0, strings), "hoursHigh": Self.hours(countHours.max() ?? 0, strings),
            "spread": Self.ratio(byCount.spread(countLoads), strings),
        ]), x: x, y: y, role: .normal, maxWidth: width)
        y += 1
        buffer.write(strings.format("workload.pool.byWeight", [
            "spread": Self.ratio(byWeight.spread(weightLoads), strings), "moves": "\(byWeight.moves.count)",
            "before": Self.ratio(byWeight.spread(byWeight.before), strings),
        ]), x: x, y: y, role: .normal, maxWidth: width)
        y += 1
        buffer.write(strings["workload.pool.columns"], x: x, y: y, role: .columnHeader, maxWidth: width)
        y += 1
        let all = byWeight.seats
        let largest = all.map { max(countLoads[$0.id]?.minutes ?? 0, weightLoads[$0.id]?.minutes ?? 0) }.max() ?? 1
        let nameWidth = 18
        let barWidth = max(4, (width - nameWidth - 16) / 2)
        let height = max(0, rect.maxY - y - 1)
        scroll = min(scroll, max(0, all.count - height))
        for clerk in all.dropFirst(scroll).prefix(height) {
            let count = countLoads[clerk.id]?.minutes ?? 0, weight = weightLoads[clerk.id]?.minutes ?? 0
            var column = x
            buffer.write(clerkName(clerk, strings), x: column, y: y, role: .normal, maxWidth: nameWidth)
            column += nameWidth + 1
            column += buffer.write(BarChart.bar(value: Double(count), maximum: Double(largest), width: barWidth), x: column, y: y, role: .chartBarAlt)
            column += buffer.write(" " + Self.hours(count, strings) + "  ", x: column, y: y, role: .dim)
            column += buffer.write(BarChart.bar(value: Double(weight), maximum: Double(largest), width: barWidth), x: column, y: y, role: .chartBar)
            buffer.write(" " + Self.hours(weight, strings), x: column, y: y, role: .normal, maxWidth: max(0, x + width - column))
            y += 1
        }
        buffer.write(strings["workload.pool.help"], x: x, y: rect.maxY - 1, role: .dim, maxWidth: width)
    }
}
