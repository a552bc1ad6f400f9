import FicheDomain

/// Where `DemoWorld` puts what it generates, in the order it generates it: the replica's
/// mirror tables for `fiche demo`, the server's tables for `fiche-server seed-demo`.
public protocol DemoSink {
    /// The commune or the CPAS.
    mutating func employer(_ employer: Employer) throws
    /// One month of an employer's payroll calendar (closed up to October 2026).
    mutating func payrollMonth(_ month: PayrollMonth) throws
    /// A member of staff who uses Fiche; `employerCode` is the employer their account belongs to.
    mutating func user(_ user: User, employerCode: String) throws
    /// A role a user holds at an employer.
    mutating func grant(_ grant: Grant) throws
    /// A host of article 60 workers.
    mutating func partner(_ partner: Partner) throws
    /// A dossier, its person and its career period (the same employer).
    mutating func dossier(_ dossier: Dossier, person: Person, career: CareerPeriod) throws
    /// An article 60 worker's contract, its placement and its follow-up log.
    mutating func art60(_ contract: Art60Contract, placement: Placement, events: [Art60Event]) throws
    /// A time record of a dossier.
    mutating func timeRecord(_ record: TimeRecord) throws
}
