import FicheDomain

extension Strings {
    /// A name a rule file gives in three languages (an absence type, a holiday), in the user's.
    public func label(_ labels: Labels) -> String {
        labels.text(in: FicheDomain.Language(rawValue: language.rawValue) ?? .fr)
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
}
