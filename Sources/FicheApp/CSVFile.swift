import FicheCSV
import FicheDomain
import Foundation

/// A list written as CSV the way spreadsheet users expect in Belgium: UTF-8 with a byte-order
/// mark (so Excel reads the accents), `;` between fields (the decimal comma is taken), quotes
/// only where needed.
public struct CSVFile {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    public var text: String {
        ([header] + rows).map { CSVTable.line($0, separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Writes the file in one go (a temporary file renamed), so a failed export leaves nothing half-written.
    public func write(to path: String) throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// `<folder>/fiche-<name>-20261124-140215.csv`, the time in Brussels.
    public static func exportPath(folder: String, name: String, clock: OfficeClock) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = clock.zone
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return (folder as NSString).appendingPathComponent("fiche-\(name)-\(formatter.string(from: clock.now())).csv")
    }
}
