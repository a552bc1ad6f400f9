import Foundation

/// One line of the benchmark's output: `{"metric": …, "unit": …, "value": …, "peer": …, "ratio": …}`.
///
/// `peer` is the same work done by a reference tool (the sqlite3 command-line tool for the
/// search), `ratio` is value ÷ peer; both are null when there is no peer.
struct Measurement {
    let metric: String
    let unit: String
    let value: Double
    var peer: Double?

    var ratio: Double? {
        guard let peer, peer > 0 else { return nil }
        return value / peer
    }

    var jsonLine: String {
        func number(_ value: Double?) -> String {
            guard let value else { return "null" }
            return String(format: "%.4f", value)
        }
        return "{\"metric\": \"\(metric)\", \"unit\": \"\(unit)\", \"value\": \(number(value)), "
            + "\"peer\": \(number(peer)), \"ratio\": \(number(ratio))}"
    }

    func print() {
        FileHandle.standardOutput.write(Data((jsonLine + "\n").utf8))
    }
}
