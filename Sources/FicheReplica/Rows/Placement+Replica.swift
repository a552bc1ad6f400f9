import FicheDomain
import GRDB

extension Placement {
    /// The mirror row of this placement at `employerCode` (the CPAS of the contract).
    func replicaColumns(employerCode: String) -> [String: DatabaseValue] {
        ["id": id.databaseValue, "employer_code": employerCode.databaseValue, "contract_id": contractID.databaseValue,
         "partner_id": partnerID.databaseValue, "start": start.iso.databaseValue, "end": end?.iso.databaseValue ?? .null,
         "agreement_signed_on": agreementSignedOn?.iso.databaseValue ?? .null,
         "monthly_fee_cents": monthlyFeeCents.databaseValue, "tasks": tasks.databaseValue,
         "hours_per_week": hoursPerWeek.databaseValue, "supervisor_name": supervisorName.databaseValue]
    }

    init(stored row: Row) throws {
        let r = StoredRow(row: row, table: "placement")
        guard let hours = row["hours_per_week"] as Double? else { throw r.fail("hours_per_week is empty") }
        self.init(id: try r.text("id"), contractID: try r.text("contract_id"), partnerID: try r.text("partner_id"),
                  start: try r.date("start"), end: try r.optionalDate("end"),
                  agreementSignedOn: try r.optionalDate("agreement_signed_on"),
                  monthlyFeeCents: try r.int("monthly_fee_cents"), tasks: r.optionalText("tasks") ?? "",
                  hoursPerWeek: hours, supervisorName: r.optionalText("supervisor_name"))
    }
}
