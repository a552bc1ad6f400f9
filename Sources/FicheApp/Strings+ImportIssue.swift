import FicheCSV
import FicheDomain
import FicheReplica

extension Strings {
    /// `line 4: from: …` in the user's language.
    public func message(for issue: ImportIssue) -> String {
        let text: String
        switch issue.problem {
        case .missingColumns(let columns):
            text = format(columns.count == 1 ? "import.missingColumns.one" : "import.missingColumns",
                          ["columns": columns.joined(separator: ", ")])
        case .noRows: text = self["import.noRows"]
        case .malformed(let reason): text = message(for: reason)
        case .otherSeparator(let found, let expected):
            text = format("import.otherSeparator", ["found": separatorName(found), "expected": separatorName(expected)])
        case .tooManyFields(let fields, let columns, let separator):
            text = format("import.tooManyFields", ["fields": "\(fields)", "columns": "\(columns)",
                                                   "separator": separatorName(separator)])
        case .empty: text = self["import.empty"]
        case .unknownDossier(let number): text = format("import.unknownDossier", ["number": number])
        case .unknownUnit(let unit): text = format("import.unknownUnit", ["unit": unit])
        case .hoursInvalid(let hours): text = format("import.hoursInvalid", ["hours": hours])
        case .certificateInvalid(let value): text = format("import.certificateInvalid", ["value": value])
        case .clockingTimeInvalid(let value): text = format("import.clockingTimeInvalid", ["value": value])
        case .clockingAcrossDays: text = self["import.clockingAcrossDays"]
        case .notOneOf(let value, let allowed):
            text = format("import.notOneOf", ["value": value, "allowed": allowed.joined(separator: ", ")])
        case .minutesInvalid(let value): text = format("import.minutesInvalid", ["value": value])
        case .recordExists(let id): text = format("import.recordExists", ["id": id])
        case .rule(let violation): text = message(for: violation)
        case .alreadyImported(let on, let records):
            // try?: "is this a date?"; a stamp that is not one is shown as it is.
            let day = (try? LocalDate.parse(String(on.prefix(10))))?.belgian ?? on
            text = format(records == 1 ? "import.alreadyImported.one" : "import.alreadyImported", ["date": day, "count": "\(records)"])
        }
        let place = format("import.line", ["line": "\(issue.line)"])
        return [place, issue.column, text].compactMap { $0 }.joined(separator: ": ")
    }

    /// Why a file is not readable CSV, in the user's language.
    public func message(for reason: CSVMalformation) -> String {
        switch reason {
        case .unclosedQuote: return self["import.malformed.unclosedQuote"]
        case .textAfterQuote: return self["import.malformed.textAfterQuote"]
        case .nulCharacter: return self["import.malformed.nulCharacter"]
        case .mixedSeparators: return self["import.malformed.mixedSeparators"]
        case .mixedEncodings: return self["import.malformed.mixedEncodings"]
        case .undefinedByte(let byte):
            return format("import.malformed.undefinedByte", ["byte": "0x" + String(byte, radix: 16, uppercase: true)])
        }
    }

    /// What the user should know about how a file was read: nil for UTF-8 (and UTF-16), a note
    /// for Windows-1252 so a name read wrong is not a surprise.
    public func importEncodingNote(_ encoding: CSVEncoding, file: String) -> String? {
        encoding == .windows1252 ? format("import.readAsWindows1252", ["file": file]) : nil
    }

    /// `3 rejected or cancelled entries of the file were left out.`, nil when none was.
    public func importLeftOut(_ count: Int) -> String? {
        count == 0 ? nil : format(count == 1 ? "import.leftOut.one" : "import.leftOut", ["count": "\(count)"])
    }

    /// `2 records imported from f.csv…`, `1 record imported…`.
    public func importDone(records: Int, file: String) -> String {
        format(records == 1 ? "import.done.one" : "import.done", ["count": "\(records)", "file": file])
    }

    /// A separator as a message names it: the character itself, a tab by its name.
    private func separatorName(_ separator: String) -> String {
        separator == "\t" ? self["import.tab"] : separator
    }

    /// `3 errors: nothing was imported.`, `1 error: …`.
    public func importNothingWritten(errors: Int) -> String {
        format(errors == 1 ? "import.nothingWritten.one" : "import.nothingWritten", ["count": "\(errors)"])
    }
}
