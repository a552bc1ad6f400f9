import FicheDomain

/// A dossier as `DemoWorld` wrote it, with what its time records and art. 60 file need.
struct WrittenDossier {
    let id: String
    let employerCode: String
    let category: StaffCategory
    /// First and last day (offsets from `DemoWorld.firstDay`) the dossier works.
    let firstOffset: Int
    var lastOffset: Int
    let timeManager: String
    let supervisor: String
}
