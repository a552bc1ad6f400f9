import FicheDemo
import FicheReplica
import Foundation

/// A real replica file in a fresh temporary folder, filled with the demo data.
enum DemoReplica {
    static func make(dossiers: Int = 400, seed: UInt64 = 2026) throws -> AppDatabase {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fiche-app-\(UUID().uuidString)")
        let database = try AppDatabase.open(at: folder.appendingPathComponent("replica.sqlite").path, clock: .tests)
        try DemoDataGenerator(dataset: DemoDataset(dossiers: dossiers, seed: seed)).write(into: database)
        return database
    }
}
