import FicheDomain
import FicheReplica

extension Strings {
    /// `line 4: from: …` in the user's language.
    public func message(for issue: ImportIssue) -> String {
        let text: String
        switch issue.problem {
        case .missingColumns(let columns): text = format("import.missingColumns", ["columns": columns.joined(separator: ", ")])
        case .noRows: text = self["import.noRows"]
        case .malformed(let detail): text = format("import.malformed", ["detail": detail])
        case .empty: text = self["import.empty"]
        case .unknownDossier(let number): text = format("import.unknownDossier", ["number": number])
        case .unknownUnit(let unit): text = format("import.unknownUnit", ["unit": unit])
        case .hoursInvalid(let hours): text = format("import.hoursInvalid", ["hours": hours])
        case .certificateInvalid(let value): text = format("import.certificateInvalid", ["value": value])
        case .rule(let violation): text = message(for: violation)
        case .alreadyImported(let on, let records):
            // try?: "is this a date?"; a stamp that is not one is shown as it is.
            let day = (try? LocalDate.parse(String(on.prefix(10))))?.belgian ?? on
            text = format("import.alreadyImported", ["date": day, "count": "\(records)"])
        }
        let place = format("import.line", ["line": "\(issue.line)"])
        return [place, issue.column, text].compactMap { $0 }.joined(separator: ": ")
    }
}
