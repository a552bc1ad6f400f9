import ArgumentParser
import FicheApp
import FicheCurses
import FicheDomain
import FicheReplica
import FicheServer
import FicheSync
import Foundation

/// An error a command reports in one line on standard error before exiting with status 1: a
/// sentence of the string tables (`CLIMessage`) and its values, said in the user's language
/// when it is reported.
struct CommandFailure: Error, CustomStringConvertible {
    let message: CLIMessage
    let values: [String: String]
    /// Values that are words themselves ("none"), said in the same language as the message.
    let said: [String: CLIMessage]

    init(_ message: CLIMessage, _ values: [String: String] = [:], said: [String: CLIMessage] = [:]) {
        self.message = message
        self.values = values
        self.said = said
    }

    /// In English, for a log or a debugger; the user reads `text(of:words:)`.
    var description: String { text(Strings(language: .english)) }

    /// The sentence in `words`' language.
    func text(_ words: Strings) -> String {
        words(message, values.merging(said.mapValues { words($0) }) { _, said in said })
    }

    /// Prints `fiche: message` in the user's language and returns the exit code to throw.
    static func report(_ error: Error, words: Strings) -> ExitCode {
        FileHandle.standardError.write(Data((words(.failure, ["message": text(of: error, words: words)]) + "\n").utf8))
        return ExitCode(1)
    }

    /// `error` in the user's words: a command's own failure, a sync failure (as the badge says
    /// it, `SyncTrouble`), a rule, a replica file, a workload problem. Anything else (a
    /// library's own error) is printed as that library words it.
    static func text(of error: Error, words: Strings) -> String {
        switch error {
        case let failure as CommandFailure:
            return failure.text(words)
        case SyncError.wrongPassword:
            return words(.wrongPassword)
        case SyncError.tooManyAttempts:
            return words(.tooManyAttempts)
        case let sync as SyncError:
            return words.sentence(for: ServerSync.trouble(sync))
        case let violation as RuleViolation:
            return words.message(for: violation)
        case WorkloadProblem.unknownEmployer(let code, let known):
            // As for the exports: the employers the replica holds, so the right code can be typed.
            return CommandFailure(.unknownEmployer, ["employer": code, "held": known.sorted().joined(separator: ", ")],
                                  said: known.isEmpty ? ["held": .noEmployer] : [:]).text(words)
        case let problem as WorkloadProblem:
            return WorkloadScreen.message(for: problem, words)
        case let replica as ReplicaError:
            return text(of: replica, words: words)
        case let demo as DemoServerProblem:
            return text(of: demo, words: words)
        case TerminalStartError.terminalTypeUnset:
            return words(.terminalUnset)
        case TerminalStartError.unknownTerminalType(let name):
            return words(.terminalUnknown, ["name": name])
        case TerminalStartError.notATerminal:
            return words(.notATerminal)
        default:
            return words(.unexpected, ["detail": "\(error)"])
        }
    }

    private static func text(of problem: DemoServerProblem, words: Strings) -> String {
        switch problem {
        case .servedElsewhere(let folder, let pid): words(.demoServedElsewhere, ["folder": folder, "pid": "\(pid)"])
        case .storeUnreadable(let path, let detail): words(.demoStoreUnreadable, ["path": path, "detail": detail])
        case .holdsAnotherDemo(let folder, let dossiers, let seed):
            words(.demoHoldsAnother, ["folder": folder, "dossiers": "\(dossiers)", "seed": "\(seed)"])
        case .cannotListen(let detail): words(.demoCannotListen, ["detail": detail ?? "-"])
        case .cannotWriteAddress(let path): words(.demoCannotWriteAddress, ["path": path])
        case .cannotLock(let path): words(.demoCannotLock, ["path": path])
        }
    }

    private static func text(of error: ReplicaError, words: Strings) -> String {
        switch error {
        case .corrupt(let path, let detail): words(.replicaCorrupt, ["path": path, "detail": detail])
        case .notAReplica(let path): words(.replicaNotAReplica, ["path": path])
        case .writtenByNewerVersion(let path, let migration): words(.replicaNewer, ["path": path, "migration": migration])
        case .unreadable(let path, let detail): words(.replicaUnreadable, ["path": path, "detail": detail])
        case .preRelease(let path): words(.replicaPreRelease, ["path": path])
        case .diskFull(let path): words(.replicaDiskFull, ["path": path])
        case .readOnly(let path): words(.replicaReadOnly, ["path": path])
        case .busy(let path): words(.replicaBusy, ["path": path, "seconds": "\(AppDatabase.busyTimeout)"])
        }
    }
}
