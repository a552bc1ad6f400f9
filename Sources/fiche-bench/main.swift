import FicheDomain
import FicheReplica
import Foundation

// fiche-bench: measures the replica at the scale of a federal shared service and prints one
// JSON object per line. See docs/BENCHMARKS.md for how to run it and what each metric means.

do {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.first == "keystrokes" {
        try KeystrokeBench.parse(Array(arguments.dropFirst())).run()
    } else if arguments.first == "rebalance" {
        try RebalanceBench.parse(Array(arguments.dropFirst())).run()
    } else if arguments.first == "screens" {
        try ScreenReadsBench.parse(Array(arguments.dropFirst())).run()
    } else {
        let options = try BenchOptions.parse(arguments)
        RenderingBench.run()
        try Bench(options: options).run()
    }
} catch {
    FileHandle.standardError.write(Data("fiche-bench: \(error)\n".utf8))
    exit(1)
}
