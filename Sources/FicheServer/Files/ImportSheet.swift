import FicheCSV
import Foundation

/// The rows of a CSV file an import reads, as Belgian offices save it (`CSVText`, `CSVSheet`):
/// the bytes decoded (UTF-8 or Windows-1252), the header checked for `required` columns, each
/// row checked against the header's width and given as `column: value` (trimmed), with its line.
/// A row of the wrong width comes as its error `line N: row: …` instead, in its place, so an
/// import lists every error in line order.
public struct ImportSheet {
    /// Each row in file order: its values, or why they could not be read.
    var rows: [(line: Int, values: Result<[String: String], RowShapeError>)]
    var encoding: CSVEncoding

    /// A row that does not fit the header: `line N: row: …`.
    struct RowShapeError: Error {
        var message: String
    }

    /// - Throws: `DossierImport.Failure` for a file that cannot be read, is empty or lacks a
    ///   required column (nothing else is checked then).
    /// - Parameter shortRows: whether a row with fewer fields than the header is read, its last
    ///   cells empty (as `fiche import time-records` reads a badge reader's rows), not refused.
    init(data: Data, required: [String], shortRows: Bool = false) throws(DossierImport.Failure) {
        let file: CSVText
        do {
            file = try CSVText.decode(data)
        } catch {
            throw DossierImport.Failure(errors: [error.description])
        }
        try self.init(text: file.text, required: required, shortRows: shortRows)
        encoding = file.encoding
    }

    init(text: String, required: [String], shortRows: Bool = false) throws(DossierImport.Failure) {
        let sheet: CSVSheet
        do {
            sheet = try CSVSheet.read(text)
        } catch {
            throw DossierImport.Failure(errors: [error.description])
        }
        guard let header = sheet.header else {
            throw DossierImport.Failure(errors: ["line 1: the file is empty; expected a header row"])
        }
        let names = sheet.columnNames
        let missing = required.filter { !names.contains($0) }
        guard missing.isEmpty else {
            throw DossierImport.Failure(errors: ["line \(header.line): header: missing \(missing.count == 1 ? "column" : "columns") "
                                                 + missing.joined(separator: ", ")])
        }
        encoding = .utf8
        rows = []
        for (line, fields) in sheet.rows {
            switch sheet.shape(of: fields) {
            case .fits: break
            case .otherSeparator(let found, let expected):
                func name(_ separator: Character) -> String { separator == "\t" ? "tab" : "'\(separator)'" }
                rows.append((line, .failure(RowShapeError(message: "line \(line): row: separated by \(name(found)) where the header uses \(name(expected))"))))
                continue
            case .tooMany(let count, let columns):
                rows.append((line, .failure(RowShapeError(message: "line \(line): row: \(count) fields, the header has \(columns) "
                    + "(a value holding '\(Character(sheet.separator))' must be in quotes)"))))
                continue
            case .tooFew where shortRows: break
            case .tooFew(let count, let columns):
                rows.append((line, .failure(RowShapeError(message: "line \(line): row: \(count) \(count == 1 ? "field" : "fields"), the header has \(columns)"))))
                continue
            }
            var values: [String: String] = [:]
            for (name, value) in zip(names, fields) { values[name] = value.trimmingCharacters(in: .whitespaces) }
            rows.append((line, .success(values)))
        }
    }
}
