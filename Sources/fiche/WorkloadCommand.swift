import ArgumentParser
import FicheApp
import FicheDomain
import FicheReplica
import Foundation

/// `fiche workload --employer CPAS-IXL --propose --out plan.csv`: the workload screen's
/// weighted loads and rebalancing proposal without the interface; with `--pool AC-IXL
/// --clerks 12`, the pooling what-if of the two employers.
///
/// Prints each clerk's dossiers, weighted load (hours a month) and art. 60 share, then
/// `moves: N` and `max/mean before: X.XX after: Y.YY`. `--out` writes the moves as CSV
/// (`dossier_number,from_clerk,to_clerk,weight_hours`, clerks by login). Nothing is
/// reassigned: the supervisor applies a proposal on the workload screen. Bad input (an
/// employer unknown or not granted, a pool without a common clerk, zero clerks, a file that
/// cannot be written) is one line on standard error, exit status 1, and no file.
struct WorkloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workload",
        abstract: "Show the clerks' weighted workload and propose reassignments that even it (or a pooling what-if).")

    @Option(help: "Employer code, e.g. CPAS-IXL.")
    var employer: String

    @Option(help: "A second employer to pool with the first (the what-if of one shared team).")
    var pool: String?

    @Option(help: "Payroll clerks of the pooled team (with --pool; default: today's clerks of both).")
    var clerks: Int?

    @Flag(help: "Propose the reassignments that bring every clerk within ±10 % of the mean weighted load.")
    var propose = false

    @Flag(help: "Keep each worker's dossiers at one clerk (move them together).")
    var keepWorker = false

    @Option(help: "Write the proposed moves to this CSV file.")
    var out: String?

    @Option(help: "The account to use (default: the last one signed in).")
    var user: String?

    @Flag(help: "Use the demo replica, as the demo's user.")
    var demo = false

    @Option(help: "Folder for Fiche's files (default: $XDG_DATA_HOME/fiche).")
    var dataDir: String?

    func run() throws {
        do {
            if clerks != nil, pool == nil { throw CommandFailure("--clerks goes with --pool (the size of the pooled team)") }
            if out != nil, !propose { throw CommandFailure("--out writes the proposal's moves: add --propose") }
            let folder = DataDirectory.resolve(flag: dataDir, environment: ProcessInfo.processInfo.environment)
            let (database, userID) = try CommandReplica.open(in: folder, user: user, demo: demo)
            let rules = try RuleBook.bundled()
            let today = database.clock.today
            let options = RebalancingOptions(keepWorkerTogether: keepWorker)
            let proposal: RebalancingProposal
            var byCount: RebalancingProposal?
            if let pool {
                let team = try database.workloadClerks(employerCodes: [employer, pool], on: today)
                let whatIf = try WorkloadStudy.pooling(database: database, rules: rules, userID: userID, employers: (employer, pool),
                                                       seats: clerks ?? team.count, on: today, options: options)
                proposal = whatIf.byWeight
                byCount = whatIf.byCount
            } else {
                proposal = try WorkloadStudy.proposal(database: database, rules: rules, userID: userID, employer: employer,
                                                      on: today, options: options)
            }
            let moves = propose ? proposal.moves : []
            if let out {
                do {
                    try Self.csv(moves, proposal: proposal).write(toFile: out, atomically: true, encoding: .utf8)
                } catch {
                    throw CommandFailure("\(out): cannot write the file (\((error as NSError).localizedDescription))")
                }
            }
            print(Self.report(proposal, moves: moves, byCount: byCount, scope: pool.map { "\(employer) + \($0)" } ?? employer))
        } catch let problem as WorkloadProblem {
            throw CommandFailure.report(CommandFailure(problem.description))
        } catch {
            throw CommandFailure.report(error)
        }
    }

    /// The moves as `dossier_number,from_clerk,to_clerk,weight_hours`, clerks by login.
    static func csv(_ moves: [WorkloadMove], proposal: RebalancingProposal) -> String {
        let logins = Dictionary(proposal.clerks.map { ($0.id, $0.login) }, uniquingKeysWith: { first, _ in first })
        var lines = ["dossier_number,from_clerk,to_clerk,weight_hours"]
        for move in moves {
            lines.append([move.dossierNumber, logins[move.fromClerkID] ?? move.fromClerkID, logins[move.toClerkID] ?? move.toClerkID,
                          Self.hours(move.minutes)].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per clerk, then the moves and the spread before and after (and by count for a pool).
    static func report(_ proposal: RebalancingProposal, moves: [WorkloadMove], byCount: RebalancingProposal?, scope: String) -> String {
        let after = proposal.loads(applying: moves)
        var lines = ["workload of \(scope): clerk, dossiers, hours a month, art. 60 share (before -> after)"]
        for clerk in proposal.clerks {
            let was = proposal.before[clerk.id] ?? ClerkLoad(), now = after[clerk.id] ?? ClerkLoad()
            let note = clerk.isLeaving ? " (leaves the pooled team)" : (clerk.isNewSeat ? " (new seat)" : "")
            lines.append("  \(clerk.login): \(was.dossiers) -> \(now.dossiers) dossiers, \(hours(was.minutes)) -> \(hours(now.minutes)) h, "
                         + "art. 60 \(Int((now.art60Share * 100).rounded())) %\(note)")
        }
        if proposal.pendingDossiers > 0 {
            lines.append("not moved: \(proposal.pendingDossiers) dossiers with changes waiting to be sent")
        }
        if let byCount {
            let loads = byCount.after
            let hours = byCount.seats.map { loads[$0.id]?.minutes ?? 0 }
            lines.append("even by count: max/mean dossiers \(fixed(byCount.countSpread(loads))), hours \(Self.hours(hours.min() ?? 0))"
                         + "-\(Self.hours(hours.max() ?? 0)), max/mean weighted \(fixed(byCount.spread(loads)))"
                         + " (\(byCount.moves.count) moves)")
        }
        lines.append("moves: \(moves.count)")
        lines.append("max/mean before: \(fixed(proposal.spread(proposal.before))) after: \(fixed(proposal.spread(after)))")
        return lines.joined(separator: "\n")
    }

    static func hours(_ minutes: Int) -> String { String(format: "%.2f", WorkloadDossier.hoursPerMonth(minutes: minutes)) }
    static func fixed(_ value: Double) -> String { String(format: "%.2f", value) }
}
