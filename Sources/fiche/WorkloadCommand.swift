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
/// cannot be written) is one line on standard error, exit status 1, and no file. Everything is
/// said in the language of `--lang` (else LANG, else French); the CSV stays as it is.
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

    @OptionGroup var options: ReplicaOptions

    func run() throws {
        let words = options.words
        do {
            if clerks != nil, pool == nil { throw CommandFailure(.workloadClerksNeedPool) }
            if out != nil, !propose { throw CommandFailure(.workloadOutNeedsPropose) }
            let (database, userID) = try options.open()
            let rules = try RuleBook.bundled()
            let today = database.clock.today
            let rebalancing = RebalancingOptions(keepWorkerTogether: keepWorker)
            let proposal: RebalancingProposal
            var byCount: RebalancingProposal?
            if let pool {
                let team = try database.workloadClerks(employerCodes: [employer, pool], on: today)
                let whatIf = try WorkloadStudy.pooling(database: database, rules: rules, userID: userID, employers: (employer, pool),
                                                       seats: clerks ?? team.count, on: today, options: rebalancing)
                proposal = whatIf.byWeight
                byCount = whatIf.byCount
            } else {
                proposal = try WorkloadStudy.proposal(database: database, rules: rules, userID: userID, employer: employer,
                                                      on: today, options: rebalancing)
            }
            let moves = propose ? proposal.moves : []
            if let out {
                do {
                    try Self.csv(moves, proposal: proposal).write(toFile: out, atomically: true, encoding: .utf8)
                } catch {
                    throw CommandFailure(.cannotWriteFile, ["path": out, "detail": (error as NSError).localizedDescription])
                }
            }
            print(Self.report(proposal, moves: moves, byCount: byCount, scope: pool.map { "\(employer) + \($0)" } ?? employer,
                              words: words))
        } catch {
            throw CommandFailure.report(error, words: words)
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

    /// One line per clerk, then the moves and the spread before and after (and by count for a
    /// pool), in the user's language and with its decimal mark.
    static func report(_ proposal: RebalancingProposal, moves: [WorkloadMove], byCount: RebalancingProposal?, scope: String,
                       words: Strings) -> String {
        let after = proposal.loads(applying: moves)
        let mark = { (text: String) in words.language == .english ? text : text.replacingOccurrences(of: ".", with: ",") }
        var lines = [words(.workloadHeader, ["scope": scope])]
        for clerk in proposal.clerks {
            let was = proposal.before[clerk.id] ?? ClerkLoad(), now = after[clerk.id] ?? ClerkLoad()
            let note = clerk.isLeaving ? words(.workloadLeaves) : (clerk.isNewSeat ? words(.workloadNewSeat) : "")
            lines.append(words(.workloadClerk, ["clerk": clerk.login, "before": "\(was.dossiers)", "after": "\(now.dossiers)",
                                                "hoursBefore": mark(hours(was.minutes)), "hoursAfter": mark(hours(now.minutes)),
                                                "share": "\(Int((now.art60Share * 100).rounded()))", "note": note]))
        }
        if proposal.pendingDossiers > 0 {
            lines.append(words(.workloadNotMoved, ["count": "\(proposal.pendingDossiers)"]))
        }
        if let byCount {
            let loads = byCount.after
            let hours = byCount.seats.map { loads[$0.id]?.minutes ?? 0 }
            lines.append(words(.workloadEvenByCount, ["dossiers": mark(fixed(byCount.countSpread(loads))),
                                                      "minimum": mark(Self.hours(hours.min() ?? 0)),
                                                      "maximum": mark(Self.hours(hours.max() ?? 0)),
                                                      "weighted": mark(fixed(byCount.spread(loads))), "count": "\(byCount.moves.count)"]))
        }
        lines.append(words(.workloadMoves, ["count": "\(moves.count)"]))
        lines.append(words(.workloadSpread, ["before": mark(fixed(proposal.spread(proposal.before))), "after": mark(fixed(proposal.spread(after)))]))
        return lines.joined(separator: "\n")
    }

    static func hours(_ minutes: Int) -> String { String(format: "%.2f", WorkloadDossier.hoursPerMonth(minutes: minutes)) }
    static func fixed(_ value: Double) -> String { String(format: "%.2f", value) }
}
