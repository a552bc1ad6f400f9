import FicheDomain

extension Strings {
    /// A broken rule in the user's language: what is wrong and how to fix it.
    ///
    /// Dates come out as dd/mm/yyyy and months as mm/yyyy, days (`…_days`) with the language's
    /// decimal separator; units, statuses and sexes are
    /// translated; `absenceLabel` turns an absence type code into its catalogue label.
    ///
    /// ```swift
    /// strings.message(for: .monthClosed(month: april, correctionMonth: may))
    /// // "Le mois de paie 04/2025 est clôturé : la modification deviendra une correction en 05/2025."
    /// ```
    public func message(for violation: RuleViolation, absenceLabel: (String) -> String? = { _ in nil }) -> String {
        var values: [String: String] = [:]
        for (name, value) in violation.parameters {
            if name == "type", let label = absenceLabel(value) {
                values[name] = label
            } else if name.hasSuffix("_days"), let days = Double(value) {
                // Days (`LeaveDays.text`, with a point) with the language's decimal separator.
                values[name] = decimal(days, digits: 2)
            } else {
                values[name] = displayed(value)
            }
        }
        return format(violation.messageKey, values)
    }

    /// A parameter as the user reads it: Belgian date order, translated enumeration values.
    private func displayed(_ value: String) -> String {
        // try?: "is this a date?"; a parameter that is not one is shown as it is.
        if value.count == 10, let date = try? LocalDate.parse(value) { return date.belgian }
        // try?: "is this a month?"; a parameter that is not one is shown as it is.
        if value.count == 7, let month = try? YearMonth.parse(value) {
            return "\(month.month < 10 ? "0" : "")\(month.month)/\(month.year)"
        }
        let key = "value." + value
        let translated = self[key]
        return translated == key ? value : translated
    }
}
