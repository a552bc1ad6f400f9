import FicheDomain

extension Strings {
    /// The language of rule data (absence types, holidays) matching the interface's.
    public var ruleLanguage: FicheDomain.Language {
        switch language {
        case .french: return .fr
        case .dutch: return .nl
        case .english: return .en
        }
    }

    /// What a time record is, in words: its absence type's label ("Congé annuel"), else its kind ("Pointage").
    /// A correction of a validated entry says so ("Correction : Congé annuel", "Annulation : Maladie").
    public func recordLabel(_ record: TimeRecord, catalogue: AbsenceCatalogue) -> String {
        let name: String
        if let code = record.typeCode, let type = catalogue.type(code) {
            name = label(type.labels)
        } else {
            name = self["record.kind.\(record.kind.rawValue)"]
        }
        guard record.replacesID != nil else { return name }
        return format(record.isCancellation ? "record.label.cancellation" : "record.label.correction", ["entry": name])
    }

    /// A name a rule file gives in three languages (an absence type, a holiday), in the user's.
    public func label(_ labels: Labels) -> String {
        labels.text(in: ruleLanguage)
    }

    /// The catalogue's name of absence type `code`, or the code itself when the catalogue lacks it.
    public func absenceLabel(_ code: String, in catalogue: AbsenceCatalogue) -> String {
        catalogue.type(code).map { label($0.labels) } ?? code
    }

    /// The two-letter code a calendar day shows for absence type `code` ("CA", "JV"); from the
    /// string tables, else the payroll code without its prefix.
    public func absenceShortCode(_ code: String, in catalogue: AbsenceCatalogue) -> String {
        let key = "absence.short." + code
        let text = self[key]
        if text != key { return text }
        let payroll = catalogue.type(code)?.payrollCode ?? code
        return String((payroll.split(separator: "-").last.map(String.init) ?? payroll).prefix(2))
    }

    /// "2:30" for minutes, "5 j" for days, with a decimal comma: how totals read.
    public func dayCount(_ days: Double) -> String { format("unit.days", ["count": decimal(days)]) }

    /// A time record's status in words (brouillon, soumise, validée, refusée).
    public func recordStatus(_ status: TimeRecordStatus) -> String { self["record.status." + status.rawValue] }

    /// A record's status as whoever entered it reads it: a rejected one says why ("refusée : Pas de préavis").
    /// A correction says so ("correction soumise", "annulation validée").
    public func recordStatus(of record: TimeRecord) -> String {
        var text = recordStatus(record.status)
        if record.status == .rejected, let reason = record.rejectionReason, !reason.isEmpty {
            text = format("record.status.rejectedBecause", ["reason": reason])
        }
        guard record.replacesID != nil else { return text }
        return format(record.isCancellation ? "record.status.cancellation" : "record.status.correction", ["status": text])
    }
}
