import ArgumentParser
import Foundation

/// An error a command reports in one line on standard error before exiting with status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }

    /// Prints `fiche: message` and returns the exit code to throw.
    static func report(_ error: Error) -> ExitCode {
        FileHandle.standardError.write(Data("fiche: \(error)\n".utf8))
        return ExitCode(1)
    }
}
