import FicheDomain

/// A dossier `DemoWorld` made, with its person and career, before it is handed to the sink:
/// an art. 60 worker's ends with the contract made after it.
struct DemoDossier {
    var dossier: Dossier
    let person: Person
    var career: CareerPeriod
    var written: WrittenDossier

    /// The dossier ended on `day` (before today): left, its career closed, no record after.
    mutating func end(on day: LocalDate, offset: Int) {
        dossier.status = .left
        dossier.endDate = day
        career.end = day
        written.lastOffset = offset
    }
}
