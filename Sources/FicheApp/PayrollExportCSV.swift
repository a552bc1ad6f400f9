import FicheDomain
import FicheReplica

/// The payroll variables of one employer and month as the CSV file the payroll run imports:
/// one line per active dossier, written the same way by Ctrl+E on month closing and by
/// `fiche export payroll`.
///
/// The file follows `CSVFile` (UTF-8 with a byte-order mark, `;` between fields). Column names
/// are stable codes, not words of the interface, so the payroll import does not depend on the
/// clerk's language: absence columns are named after the catalogue's codes, which the
/// catalogue promises never to change, and who pays the days (`PayrollVariables`): `paid_`
/// the employer (salary or guaranteed salary), `mutuality_` the mutuality or the insurer,
/// `unpaid_` nobody; a type has one column for each payer its days can have, in that order
/// (`paid_sick`, `mutuality_sick`, `paid_maternity`, `mutuality_maternity`, `unpaid_strike`,
/// `training_minutes`). Days use the decimal comma (`18,5`); minutes are whole numbers.
/// `guaranteed_salary_days` are the incapacity days within `paid_…` paid as guaranteed
/// salary, `mutuality_sick_days` the sickness and accident days the mutuality or the insurer
/// pays, `availability_sick_days` a statutory worker's sick days past the sick-leave capital
/// ("en disponibilité pour maladie"), which the employer pays as a waiting allowance and which
/// are in no `paid_…` column nor in `paid_absence_days`, `incapacity_start` the first day of each incapacity with a day in the month
/// (`YYYY-MM-DD`, several separated by a space).
/// `submitted_entries` and `draft_entries` count the month's entries not yet validated, which
/// the figures leave out; `month_status` is `closed`, or `provisional` while the month is open.
/// `regime_percent` is the regime on the month's first day under contract (`80`, `75.5`), and
/// `regime_changes` each change within the month as `YYYY-MM-DD:percent` (space-separated).
/// The payroll supplier's codes (`payroll_code` of `absence-types.toml`) are in a file of their
/// own, one line per dossier, code and payer (`supplierCodes`).
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
        let dayColumns = dayTypes.flatMap { type in type.possiblePayers.map { (code: type.code, payer: $0) } }
        let header = ["dossier_number", "name", "scheduled_days", "worked_days"]
            + dayColumns.map { prefix($0.payer) + $0.code }
            + hourTypes.map { $0.code + "_minutes" }
            + ["paid_absence_days", "unpaid_absence_days", "mutuality_absence_days", "sickness_days",
               "guaranteed_salary_days", "mutuality_sick_days", "availability_sick_days", "incapacity_start", "overtime_minutes",
               "lateness_minutes", "corrections", "submitted_entries", "draft_entries", "month_status",
               "regime_percent", "regime_changes"]
        let rows = lines.map { line -> [String] in
            let v = line.variables
            let perType = dayColumns.map { column in days(v.days(paidBy: column.payer)[column.code] ?? 0) }
            let minutes = hourTypes.map { String(v.absenceMinutes[$0.code] ?? 0) }
            return [line.dossierNumber, "\(line.lastName), \(line.firstName)", days(v.scheduledDays), days(v.workedDays)] + perType + minutes
                + [days(v.paidAbsenceDays.values.reduce(0, +)), days(v.unpaidAbsenceDays.values.reduce(0, +)),
                   days(v.mutualityAbsenceDays.values.reduce(0, +)), days(v.sicknessDays), days(v.guaranteedSalaryDays),
                   days(v.mutualitySickDays), days(v.availabilitySickDays), v.incapacityStarts.map(\.iso).joined(separator: " "),
                   String(v.overtimeMinutes), String(v.latenessMinutes), corrections(v.corrections),
                   String(line.submittedEntries), String(line.draftEntries), monthClosed ? "closed" : "provisional"]
                + regimes(v.regimes)
        }
        return CSVFile(header: header, rows: rows)
    }

    /// The regime the month starts with, and each change after it: ("100", "2026-11-16:80").
    public static func regimes(_ spans: [RegimeSpan]) -> [String] {
        let ordered = spans.sorted { $0.start < $1.start }
        guard let first = ordered.first else { return ["", ""] }
        var changes: [String] = []
        var current = first.regime
        for span in ordered.dropFirst() where span.regime != current {
            changes.append("\(span.start.iso):\(span.regime.percentText)")
            current = span.regime
        }
        return [first.regime.percentText, changes.joined(separator: " ")]
    }

    /// The columns of the supplier's file.
    public static let supplierColumns = ["dossier_number", "payroll_code", "absence_type", "payer", "days", "minutes"]

    /// The month's absences under the payroll supplier's codes: one line per dossier, absence type
    /// and payer with days or minutes (`payer` is `employer`, `mutuality_or_insurer` or `nobody`,
    /// or `waiting_allowance` for a statutory worker's sick days past the capital, which the
    /// employer pays at the waiting allowance's rate; hour-based types have minutes, the others
    /// days). Lines in the order of the rows, then of the catalogue.
    public static func supplierCodes(rows lines: [PayrollExportRow], catalogue: AbsenceCatalogue) -> CSVFile {
        var file = CSVFile(header: supplierColumns)
        for line in lines {
            let v = line.variables
            for type in catalogue.types where type.recordKind == .absence {
                if type.unit == .hour {
                    if let minutes = v.absenceMinutes[type.code], minutes != 0 {
                        file.rows.append([line.dossierNumber, type.payrollCode, type.code, "", "", String(minutes)])
                    }
                    continue
                }
                for payer in type.possiblePayers {
                    guard let days = v.days(paidBy: payer)[type.code], days != 0 else { continue }
                    file.rows.append([line.dossierNumber, type.payrollCode, type.code, payer.rawValue, Self.days(days), ""])
                }
                if let days = v.waitingAllowanceDays[type.code], days != 0 {
                    file.rows.append([line.dossierNumber, type.payrollCode, type.code, DayPayment.waitingAllowance.rawValue,
                                      Self.days(days), ""])
                }
            }
        }
        return file
    }

    /// The column prefix of the days `payer` pays.
    static func prefix(_ payer: DayPayer) -> String {
        switch payer {
        case .employer: return "paid_"
        case .mutualityOrInsurer: return "mutuality_"
        case .nobody: return "unpaid_"
        }
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

    /// The columns of the corrections file.
    public static let correctionColumns = [
        "dossier_number", "name", "month_concerned", "record_id", "corrects_record_id", "change",
        "type_before", "from_before", "to_before", "day_part_before", "type_after", "from_after", "to_after",
        "day_part_after", "reason",
    ]

    /// The corrections booked in the month, one line each: the month they concern, the entry
    /// before and after (`change` is `correction` or `cancellation`, whose "after" is empty), and
    /// the reason its author gave. Dates `YYYY-MM-DD`; types and parts of the day as codes.
    public static func corrections(_ lines: [PayrollCorrection]) -> CSVFile {
        var file = CSVFile(header: correctionColumns)
        file.rows = lines.map { line in
            let before = line.original
            let after = line.correction.isCancellation ? nil : line.correction
            return [line.dossierNumber, "\(line.lastName), \(line.firstName)", line.monthConcerned.description,
                    line.correction.id, line.correction.replacesID ?? "",
                    line.correction.isCancellation ? "cancellation" : "correction",
                    before?.typeCode ?? "", before?.start.iso ?? "", before?.end.iso ?? "", before?.dayPart.rawValue ?? "",
                    after?.typeCode ?? "", after?.start.iso ?? "", after?.end.iso ?? "", after?.dayPart.rawValue ?? "",
                    line.correction.correctionReason ?? ""]
        }
        return file
    }
}
