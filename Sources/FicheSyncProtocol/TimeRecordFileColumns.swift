/// The columns of the time-records file `fiche-server export time-records` writes, which
/// `fiche import time-records` reads back (besides its own shorter columns).
public enum TimeRecordFileColumns {
    /// In the order the export writes them.
    public static let exported = ["dossier_number", "record_id", "kind", "type", "start_date", "end_date", "day_part",
                                  "start_minute", "end_minute", "minutes", "certificate_received", "status"]
    /// The columns an import of the exported file needs (`record_id` may be left out: the import then names the records).
    public static let required = exported.filter { $0 != "record_id" }
}
