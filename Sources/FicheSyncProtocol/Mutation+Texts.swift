extension Mutation {
    /// The texts the mutation carries: `short` ones (ids, codes, field values, at most the
    /// server's `maximumFieldLength`) and `long` ones (notes, four times as long).
    public var texts: (short: [String?], long: [String?]) {
        switch self {
        case .updateDossierField(let p): return ([p.dossierID, p.change.old, p.change.new], [])
        case .recordAbsence(let p), .recordTimeRecord(let p), .amendTimeRecord(let p):
            return (p.texts, [])
        case .addNote(let p): return ([p.noteID, p.dossierID], [p.text])
        case .editNote(let p): return ([p.noteID], [p.oldText, p.text])
        case .eraseNote(let p): return ([p.noteID], [])
        case .reviewTimeRecord(let p):
            if case .reject(let reason) = p.decision { return ([p.recordID, reason], []) }
            return ([p.recordID], [])
        case .recordArt60Event(let p):
            return ([p.eventID, p.contractID, p.dossierID, p.placementID], [p.note])
        case .closePayrollMonth(let p): return ([p.employerCode], [])
        case .recordReveal(let p): return ([p.dossierID], [])
        case .recordCertificate(let p): return ([p.recordID], [])
        case .deleteTimeRecord(let p): return ([p.recordID], [])
        case .reviewIBANChange(let p):
            if case .reject(let reason) = p.decision { return ([p.dossierID, p.iban, reason], []) }
            return ([p.dossierID, p.iban], [])
        }
    }
}
