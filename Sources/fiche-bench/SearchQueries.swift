import FicheDomain
import FicheReplica

/// One hundred queries as clerks type them, made from dossiers of the replica itself: name
/// prefixes with and without accents, particles word by word or run together, "name first",
/// dossier numbers and national numbers with their dots and dashes.
enum SearchQueries {
    static func make(from database: AppDatabase, count: Int, seed: UInt64) throws -> [String] {
        var random = SeededGenerator(seed: seed)
        var queries: [String] = []
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        while queries.count < count {
            // A dossier at a random place in the name order.
            let start = String((0..<3).map { _ in letters[Int.random(in: 0..<letters.count, using: &random)] })
            guard let row = try database.dossierPage(after: DossierListCursor(sortName: start, id: ""), limit: 1).first
                    ?? database.dossierPage(after: nil, limit: 1).first else {
                throw BenchFailure("the replica holds no dossiers")
            }
            let last = row.lastName
            let words = last.split(separator: " ")
            switch queries.count % 10 {
            case 0, 1, 2:   // the start of the last name, as typed (3 to 6 letters)
                queries.append(String(last.prefix(Int.random(in: 3...6, using: &random))).lowercased())
            case 3:         // the whole last name without accents, then the start of the first name
                queries.append(SortKey.fold(last) + " " + String(SortKey.fold(row.firstName).prefix(2)))
            case 4:         // particles word by word, the last word started
                if words.count > 1 {
                    queries.append(words.dropLast().joined(separator: " ").lowercased() + " "
                                   + String(words.last?.prefix(1) ?? "").lowercased())
                } else {
                    queries.append(String(SortKey.fold(last).prefix(4)))
                }
            case 5:         // particles run together
                queries.append(String(last.replacingOccurrences(of: " ", with: "").lowercased().prefix(7)))
            case 6:         // the first name alone, accents dropped
                queries.append(SortKey.fold(row.firstName))
            case 7:         // a dossier number, partly typed
                queries.append(String(row.dossierNumber.prefix(Int.random(in: 6...9, using: &random))))
            default:        // a national number with dots and dashes, partly or wholly typed
                guard let card = try database.openDossier(row.id, year: 2026) else { continue }
                let formatted = card.person.niss?.formatted ?? ""
                queries.append(queries.count % 10 == 8 ? String(formatted.prefix(8)) : formatted)
            }
        }
        return queries
    }
}
