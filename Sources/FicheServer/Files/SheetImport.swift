import FicheCSV
import Foundation

/// An import of one CSV file for one employer (`DossierImport`, `Art60Import`): the file is read
/// by `ImportSheet` with the import's `columns`, then checked and written by `run(_:employer:)`.
/// The summary says when the file was read as Windows-1252.
public protocol SheetImport: Sendable {
    associatedtype Summary: SheetImportSummary
    /// The columns the header must have.
    static var columns: [String] { get }
    /// Whether a row with fewer fields than the header is read with its last cells empty.
    static var acceptsShortRows: Bool { get }
    func run(_ sheet: ImportSheet, employer: String) async throws -> Summary
}

/// What an import did, and how its file was read.
public protocol SheetImportSummary: Sendable {
    var encoding: CSVEncoding { get set }
}

extension SheetImport {
    public static var acceptsShortRows: Bool { false }

    /// Reads the file's bytes (`CSVText`: UTF-8 or Windows-1252), checks and imports them for `employer`.
    ///
    /// - Throws: `DossierImport.Failure` with every error (nothing written).
    public func run(file data: Data, employer: String) async throws -> Summary {
        let sheet = try ImportSheet(data: data, required: Self.columns, shortRows: Self.acceptsShortRows)
        var summary = try await run(sheet, employer: employer)
        summary.encoding = sheet.encoding
        return summary
    }

    /// Checks and imports `text` for `employer`.
    public func run(csv text: String, employer: String) async throws -> Summary {
        try await run(try ImportSheet(text: text, required: Self.columns, shortRows: Self.acceptsShortRows), employer: employer)
    }
}
