import FicheDomain
import FicheReplica

/// The payroll variables of one employer and month as the CSV file the payroll run imports:
/// one line per active dossier, written the same way by Ctrl+E on month closing and by
/// `fiche export payroll`.
///
/// The file follows `CSVFile` (UTF-8 with a byte-order mark, `;` between fields). Column names
/// are stable codes, not words of the interface, so the payroll import does not depend on the
/// clerk's language: absence columns are named after the catalogue's codes, which the
/// catalogue promises never to change (`paid_annual_leave`, `unpaid_strike`,
/// `training_minutes`). Days use the decimal comma (`18,5`); minutes are whole numbers.
/// `submitted_entries` and `draft_entries` count the month's entries not yet validated, which
/// the figures leave out; `month_status` is `closed`, or `provisional` while the month is open.
///
/// ```swift
/// let rows = try database.payrollExport(employerCode: "AC-IXL", month: november, rules: rules)
/// let file = PayrollExportCSV.file(rows: rows, catalogue: rules.absenceCatalogue, monthClosed: true)
/// try file.write(to: "/tmp/paie-2026-11.csv")
/// ```
public enum PayrollExportCSV {
    /// The whole file: a header, then one row per line in the order given.
    public static func file(rows lines: [PayrollExportRow], catalogue: AbsenceCatalogue, monthClosed: Bool) -> CSVFile {
        let absences = catalogue.types.filter { $0.recordKind == .absence }
        let dayTypes = absences.filter { $0.unit != .hour }
        let hourTypes = absences.filter { $0.unit == .hour }
        let header = ["dossier_number", "name", "scheduled_days", "worked_days"]
            + dayTypes.map { ($0.paid ? "paid_" : "unpaid_") + $0.code }
            + hourTypes.map { $0.code + "_minutes" }
            + ["paid_absence_days", "unpaid_absence_days", "sickness_days", "overtime_minutes", "lateness_minutes",
               "corrections", "submitted_entries", "draft_entries", "month_status"]
        let rows = lines.map { line -> [String] in
            let v = line.variables
            let perType = dayTypes.map { type in
                days((type.paid ? v.paidAbsenceDays : v.unpaidAbsenceDays)[type.code] ?? 0)
            }
            let minutes = hourTypes.map { String(v.absenceMinutes[$0.code] ?? 0) }
            return [line.dossierNumber, "\(line.lastName), \(line.firstName)", days(v.scheduledDays), days(v.workedDays)] + perType + minutes
                + [days(v.paidAbsenceDays.values.reduce(0, +)), days(v.unpaidAbsenceDays.values.reduce(0, +)),
                   days(v.sicknessDays), String(v.overtimeMinutes), String(v.latenessMinutes), corrections(v.corrections),
                   String(line.submittedEntries), String(line.draftEntries), monthClosed ? "closed" : "provisional"]
        }
        return CSVFile(header: header, rows: rows)
    }

    /// 19, 18,5: half days are the finest unit a payroll month counts.
    public static func days(_ value: Double) -> String {
        let halves = Int((value * 2).rounded())
        return halves % 2 == 0 ? String(halves / 2) : "\(halves / 2),5"
    }

    /// "2026-09:2 2026-10:1": how many validated entries of each closed month this month corrects.
    static func corrections(_ corrections: [String: [String]]) -> String {
        corrections.keys.sorted().map { "\($0):\(corrections[$0]?.count ?? 0)" }.joined(separator: " ")
    }
}
