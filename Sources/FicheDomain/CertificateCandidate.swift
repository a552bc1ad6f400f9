/// What the certificate rule reads of an absence (`TimeSheet.certificateRequirementBeforeDeadline`):
/// its type, dates and day part, whether the certificate came, and whether it counts.
///
/// A `TimeRecord` is one. A queue over every dossier reads a lighter row for each of thousands
/// of absences without certificate, settles the first-day exemptions on those, and reads whole
/// entries only for the few still needing a certificate.
public protocol CertificateCandidate {
    var id: String { get }
    var kind: TimeRecordKind { get }
    var typeCode: String? { get }
    var start: LocalDate { get }
    var end: LocalDate { get }
    var dayPart: DayPart { get }
    var certificateReceived: Bool { get }
    /// Whether the entry counts (`TimeRecord.isActive`).
    var isActive: Bool { get }
}

extension TimeRecord: CertificateCandidate {}
