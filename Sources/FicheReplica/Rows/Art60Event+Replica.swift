import FicheDomain
import GRDB

extension Art60Event {
    /// The mirror row of this event at `employerCode` (the CPAS of the contract).
    func replicaColumns(employerCode: String) -> [String: DatabaseValue] {
        ["id": id.databaseValue, "employer_code": employerCode.databaseValue, "contract_id": contractID.databaseValue,
         "date": date.iso.databaseValue, "kind": kind.rawValue.databaseValue, "placement_id": placementID.databaseValue,
         "note": note.databaseValue, "recorded_by": recordedBy.databaseValue]
    }

    init(stored row: Row) throws {
        let r = StoredRow(row: row, table: "art60_event")
        self.init(id: try r.text("id"), contractID: try r.text("contract_id"), date: try r.date("date"),
                  kind: try r.value("kind", as: Art60EventKind.self), placementID: r.optionalText("placement_id"),
                  note: r.optionalText("note") ?? "", recordedBy: try r.text("recorded_by"))
    }
}
