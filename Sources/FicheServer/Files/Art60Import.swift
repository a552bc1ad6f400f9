import FicheCSV
import FicheDomain
import FicheSyncProtocol
import Foundation

/// Imports the article 60 contracts a CPAS follows today from CSV (`fiche-server import art60`),
/// all or nothing: every row is checked first; if any is wrong nothing is written and every error
/// is reported as `line N: column: message`, in line order.
///
/// Columns: `dossier_number,start_date,planned_end,regime_percent,prior_days`, and optionally
/// `partner,placement_start,placement_end,monthly_fee_eur` for the worker's placement. Read as
/// the dossier import reads (`ImportSheet`: `;` or `,`, UTF-8 or Windows-1252, dates DD/MM/YYYY
/// or YYYY-MM-DD, `80`, `80 %` or `75,5`, fees with a decimal comma).
///
/// A contract is matched on (dossier, start): a row equal to it changes nothing, so importing the
/// same file twice is harmless. A partner is found by name (any case) or created once, as a
/// non-profit; a placement is matched on (contract, partner, start). Every row written is logged,
/// so the CPAS's replicas receive it at their next pull.
public struct Art60Import: SheetImport {
    public static let columns = ["dossier_number", "start_date", "planned_end", "regime_percent", "prior_days"]
    public static let placementColumns = ["partner", "placement_start", "placement_end", "monthly_fee_eur"]

    /// What an import did.
    public struct Summary: SheetImportSummary, Equatable, CustomStringConvertible {
        public var inserted = 0
        public var updated = 0
        public var unchanged = 0
        public var placements = 0
        public var partnersCreated = 0
        public var encoding: CSVEncoding = .utf8

        /// `2 contracts imported (1 new, 1 updated, 0 unchanged); 1 placement written, 1 partner created`.
        public var description: String {
            let imported = inserted + updated
            var text = "\(imported) \(imported == 1 ? "contract" : "contracts") imported "
                + "(\(inserted) new, \(updated) updated, \(unchanged) unchanged); "
                + "\(placements) \(placements == 1 ? "placement" : "placements") written, "
                + "\(partnersCreated) \(partnersCreated == 1 ? "partner" : "partners") created"
            if encoding == .windows1252 { text += "; the file is not UTF-8 and was read as Windows-1252" }
            return text
        }
    }

    /// One checked row.
    struct ContractRow {
        var line: Int
        var dossierNumber: String
        var start: LocalDate
        var plannedEnd: LocalDate?
        var regime: RegimeFraction
        var priorDays: Int
        var placement: PlacementRow?
    }

    struct PlacementRow {
        var partner: String
        var start: LocalDate
        var end: LocalDate?
        var feeCents: Int

        static let feeRange = Placement.monthlyFeeCentsRange
    }

    public let store: any ServerStore
    public let configuration: ServerConfiguration

    public init(store: any ServerStore, configuration: ServerConfiguration = ServerConfiguration()) {
        self.store = store
        self.configuration = configuration
    }

    public func run(_ sheet: ImportSheet, employer: String) async throws -> Summary {
        var errors: [String] = []
        var contracts: [ContractRow] = []
        var seen: [String: Int] = [:]
        for (line, read) in sheet.rows {
            switch read {
            case .failure(let problem):
                errors.append(problem.message)
            case .success(let values):
                switch Self.check(values, line: line) {
                case .success(let contract):
                    let key = contract.dossierNumber + "/" + contract.start.iso
                    if let first = seen[key] {
                        errors.append("line \(line): start_date: the contract of \(contract.dossierNumber) from "
                                      + "\(contract.start.iso) already appears on line \(first)")
                    } else {
                        seen[key] = line
                        contracts.append(contract)
                    }
                case .failure(let rowErrors):
                    errors += rowErrors.errors
                }
            }
        }
        guard errors.isEmpty else { throw DossierImport.Failure(errors: errors) }
        let checked = contracts
        return try await store.write { tx in
            guard let kind = try await tx.first("SELECT kind FROM employers WHERE code = ?", [.text(employer)])?.string("kind") else {
                throw DossierImport.Failure(errors: ["no employer \(employer); add it with fiche-server employer add"])
            }
            guard kind == EmployerKind.cpas.rawValue else {
                throw DossierImport.Failure(errors: ["\(employer) is a commune: article 60 contracts are held by a CPAS"])
            }
            // Every dossier named must be the CPAS's: checked before anything is written.
            var dossiers: [String: String] = [:]
            var missing: [String] = []
            for contract in checked where dossiers[contract.dossierNumber] == nil {
                if let id = try await tx.first("""
                    SELECT id FROM dossiers WHERE employer_code = ? AND number = ? AND deleted_at IS NULL
                    """, [.text(employer), .text(contract.dossierNumber)])?.string("id") {
                    dossiers[contract.dossierNumber] = id
                } else {
                    missing.append("line \(contract.line): dossier_number: no dossier \(contract.dossierNumber) at \(employer)")
                }
            }
            guard missing.isEmpty else { throw DossierImport.Failure(errors: missing) }
            try await ChangeLog.lockClock(in: tx)
            var summary = Summary()
            var partners: [String: String] = [:]
            for contract in checked {
                let dossierID = dossiers[contract.dossierNumber] ?? ""
                let contractID = try await write(contract, dossierID: dossierID, employer: employer, summary: &summary, in: tx)
                guard let placement = contract.placement else { continue }
                let partnerID: String
                if let known = partners[placement.partner.lowercased()] {
                    partnerID = known
                } else {
                    partnerID = try await partner(named: placement.partner, employer: employer, summary: &summary, in: tx)
                    partners[placement.partner.lowercased()] = partnerID
                }
                try await write(placement, contractID: contractID, partnerID: partnerID, employer: employer,
                                summary: &summary, in: tx)
            }
            try await AuditLog.record(.init(action: "import.art60", decision: "done", employerCode: employer,
                                            newValue: "\(summary.inserted) new, \(summary.updated) updated, "
                                                + "\(summary.unchanged) unchanged, \(summary.placements) placements"),
                                      at: Timestamps.iso(configuration.now()), in: tx)
            return summary
        }
    }

    /// Inserts the contract, updates it when it differs, or leaves it; returns its id.
    private func write(_ contract: ContractRow, dossierID: String, employer: String, summary: inout Summary,
                       in tx: any StoreTransaction) async throws -> String {
        let values: [String: String?] = [
            "dossier_id": dossierID, "start_date": contract.start.iso, "planned_end": contract.plannedEnd?.iso,
            "regime": String(contract.regime.thousandths), "prior_days": String(contract.priorDays),
        ]
        let existing = try await tx.first("""
            SELECT * FROM art60_contracts WHERE dossier_id = ? AND start_date = ? AND deleted_at IS NULL
            """, [.text(dossierID), .text(contract.start.iso)])
        let id: String
        if let existing, let known = existing.string("id") {
            if values.allSatisfy({ existing.string($0.key) == $0.value }) {
                summary.unchanged += 1
                return known
            }
            id = known
            summary.updated += 1
        } else {
            id = Secrets.identifier()
            summary.inserted += 1
        }
        var row = existing?.fields(excluding: ["deleted_at", "version"]) ?? [:]
        row.merge(values) { $1 }
        row["id"] = id
        row["employer_code"] = employer
        try await upsert(.art60Contract, table: "art60_contracts", id: id, employer: employer, row: row, in: tx)
        return id
    }

    private func write(_ placement: PlacementRow, contractID: String, partnerID: String, employer: String,
                       summary: inout Summary, in tx: any StoreTransaction) async throws {
        let values: [String: String?] = [
            "contract_id": contractID, "partner_id": partnerID, "start_date": placement.start.iso,
            "end_date": placement.end?.iso, "monthly_fee_cents": String(placement.feeCents),
        ]
        let existing = try await tx.first("""
            SELECT * FROM placements WHERE contract_id = ? AND partner_id = ? AND start_date = ? AND deleted_at IS NULL
            """, [.text(contractID), .text(partnerID), .text(placement.start.iso)])
        if let existing, values.allSatisfy({ existing.string($0.key) == $0.value }) { return }
        let id = existing?.string("id") ?? Secrets.identifier()
        var row = existing?.fields(excluding: ["deleted_at", "version"]) ?? ["tasks": "", "hours_per_week": "0"]
        row.merge(values) { $1 }
        row["id"] = id
        row["employer_code"] = employer
        try await upsert(.placement, table: "placements", id: id, employer: employer, row: row, in: tx)
        summary.placements += 1
    }

    /// The CPAS's partner of that name (any case), or a new one.
    private func partner(named name: String, employer: String, summary: inout Summary,
                         in tx: any StoreTransaction) async throws -> String {
        if let id = try await tx.first("""
            SELECT id FROM partners WHERE employer_code = ? AND lower(name) = lower(?) AND deleted_at IS NULL ORDER BY id
            """, [.text(employer), .text(name)])?.string("id") {
            return id
        }
        let id = Secrets.identifier()
        try await upsert(.partner, table: "partners", id: id, employer: employer, row: [
            "id": id, "employer_code": employer, "name": name, "kind": PartnerKind.nonProfit.rawValue, "active": "1",
        ], in: tx)
        summary.partnersCreated += 1
        return id
    }

    /// Writes `row` (every column of the table but `version`) and logs it; its version is its sequence.
    private func upsert(_ entity: SyncEntity, table: String, id: String, employer: String, row: [String: String?],
                        in tx: any StoreTransaction) async throws {
        let seq = try await ChangeLog.append([.init(scope: employer, entity: entity, id: id, op: .upsert, row: row)],
                                             in: tx).first ?? 0
        let columns = row.keys.sorted()
        let values = columns.map { DossierRecords.value(row[$0] ?? nil, column: $0) } + [.int(seq)]
        // Updated in place: a contract's placements refer to it.
        if try await tx.first("SELECT id FROM \(table) WHERE id = ?", [.text(id)]) != nil {
            try await tx.execute("UPDATE \(table) SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")), version = ? WHERE id = ?",
                                 values + [.text(id)])
        } else {
            try await tx.execute(
                "INSERT INTO \(table) (\(columns.joined(separator: ", ")), version) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")), ?)",
                values)
        }
    }

    struct RowErrors: Error {
        var errors: [String]
    }

    /// Checks one row with the domain rules: dates, regime (a part-time contract at least half-time
    /// and planned for at most 6 months), prior days (0 to the highest target), the placement.
    static func check(_ values: [String: String], line: Int) -> Result<ContractRow, RowErrors> {
        var errors: [String] = []
        func fail(_ column: String, _ message: String) { errors.append("line \(line): \(column): \(message)") }
        func text(_ column: String) -> String { values[column] ?? "" }
        func date(_ column: String, required: Bool) -> LocalDate? {
            let value = text(column)
            if value.isEmpty {
                if required { fail(column, "is empty") }
                return nil
            }
            do {
                let day = try LocalDate.parse(value)
                try day.checkSupported()
                return day
            } catch {
                fail(column, error.description)
                return nil
            }
        }
        let number = text("dossier_number")
        if number.isEmpty { fail("dossier_number", "is empty") }
        if number.count > 200 { fail("dossier_number", "is longer than 200 characters") }
        let start = date("start_date", required: true)
        let plannedEnd = date("planned_end", required: false)
        if let start, let plannedEnd, plannedEnd < start {
            fail("planned_end", "\(plannedEnd.iso) is before the start, \(start.iso)")
        }
        var regime: RegimeFraction?
        do { regime = try RegimeFraction.parse(text("regime_percent").isEmpty ? "100" : text("regime_percent")) } catch {
            fail("regime_percent", error.description)
        }
        if let start, let regime {
            do {
                try Art60Contract(id: "check", employerCode: "", dossierID: "", start: start, plannedEnd: plannedEnd,
                                  regime: regime).checkRegime()
            } catch {
                fail("regime_percent", error.description)
            }
        }
        var priorDays = 0
        if !text("prior_days").isEmpty {
            if let days = Int(text("prior_days")), (0...Art60Contract.maximumPriorDays).contains(days) {
                priorDays = days
            } else {
                fail("prior_days", "'\(text("prior_days").prefix(20))' is not a whole number of days from 0 to \(Art60Contract.maximumPriorDays)")
            }
        }
        var placement: PlacementRow?
        let partner = text("partner")
        if partner.isEmpty {
            for column in placementColumns.dropFirst() where !text(column).isEmpty {
                fail(column, "is given without a partner")
            }
        } else {
            if partner.count > 200 { fail("partner", "is longer than 200 characters") }
            let placementStart = date("placement_start", required: false) ?? start
            let placementEnd = date("placement_end", required: false)
            if let placementStart, let placementEnd, placementEnd < placementStart {
                fail("placement_end", "\(placementEnd.iso) is before the placement's start, \(placementStart.iso)")
            }
            if let placementStart, let start, placementStart < start {
                fail("placement_start", "\(placementStart.iso) is before the contract's start, \(start.iso)")
            }
            var fee = 0
            if !text("monthly_fee_eur").isEmpty {
                if let amount = DecimalText(text("monthly_fee_eur")), amount.scale <= 2,
                   PlacementRow.feeRange.contains(amount.rounded(times: 100)) {
                    fee = amount.rounded(times: 100)
                } else {
                    fail("monthly_fee_eur", "'\(text("monthly_fee_eur").prefix(20))' is not an amount in euros from 0 to 1000000 (e.g. 150,00)")
                }
            }
            if let placementStart { placement = PlacementRow(partner: partner, start: placementStart, end: placementEnd, feeCents: fee) }
        }
        guard errors.isEmpty, let start, let regime, !number.isEmpty else { return .failure(RowErrors(errors: errors)) }
        return .success(ContractRow(line: line, dossierNumber: number, start: start, plannedEnd: plannedEnd, regime: regime,
                                 priorDays: priorDays, placement: placement))
    }
}
