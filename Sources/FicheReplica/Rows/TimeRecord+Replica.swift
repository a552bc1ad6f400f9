import FicheDomain
import GRDB

extension TimeRecord {
    /// The mirror row of this time record.
    var replicaColumns: [String: DatabaseValue] {
        ["id": id.databaseValue, "employer_code": employerCode.databaseValue, "dossier_id": dossierID.databaseValue,
         "kind": kind.rawValue.databaseValue, "type_code": typeCode.databaseValue, "start": start.iso.databaseValue,
         "end": end.iso.databaseValue, "day_part": dayPart.rawValue.databaseValue,
         "start_minute": startMinute.databaseValue, "end_minute": endMinute.databaseValue,
         "minutes": minutes.databaseValue, "certificate_received": certificateReceived.databaseValue,
         "status": status.rawValue.databaseValue, "entered_by": enteredBy.databaseValue,
         "reviewed_by": reviewedBy.databaseValue, "rejection_reason": rejectionReason.databaseValue,
         "correction_month": correctionMonth?.description.databaseValue ?? .null,
         "replaces_id": replacesID.databaseValue, "is_cancellation": isCancellation.databaseValue]
    }

    init(stored row: Row) throws {
        let r = StoredRow(row: row, table: "time_record")
        self.init(id: try r.text("id"), employerCode: try r.text("employer_code"), dossierID: try r.text("dossier_id"),
                  kind: try r.value("kind", as: TimeRecordKind.self), typeCode: r.optionalText("type_code"),
                  start: try r.date("start"), end: try r.date("end"), dayPart: try r.value("day_part", as: DayPart.self),
                  startMinute: r.optionalInt("start_minute"), endMinute: r.optionalInt("end_minute"),
                  minutes: r.optionalInt("minutes"), certificateReceived: r.bool("certificate_received"),
                  status: try r.value("status", as: TimeRecordStatus.self), enteredBy: try r.text("entered_by"),
                  reviewedBy: r.optionalText("reviewed_by"), rejectionReason: r.optionalText("rejection_reason"),
                  correctionMonth: try r.optionalMonth("correction_month"), replacesID: r.optionalText("replaces_id"),
                  isCancellation: r.bool("is_cancellation"))
    }

    /// The SQL terms of `isActive` beyond `status <> 'rejected'` (which queries keep as written, so
    /// the partial indexes that name it still serve them), for a time record aliased `alias`.
    static func countsTerms(_ alias: String) -> String {
        "\(alias).status <> 'cancelled' AND \(alias).is_cancellation = 0 AND (\(alias).replaces_id IS NULL OR \(alias).status = 'validated')"
    }
}
