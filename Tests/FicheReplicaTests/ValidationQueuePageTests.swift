@testable import FicheReplica
import FicheDomain
import GRDB
import XCTest

/// The validation queue read a page at a time: forwards and backwards from any entry, its total,
/// an entry's place, and the filter `/` types.
final class ValidationQueuePageTests: XCTestCase {
    private let asOf = ReadFixture.date("2026-11-20")

    private func database() throws -> AppDatabase {
        let database = try ReplicaFixture.make()
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("sub-1", dossier: "dos-5", type: "annual_leave", from: "2026-10-05", status: .submitted),
            ReadFixture.absence("sub-2", dossier: "dos-5", type: "annual_leave", from: "2026-10-12", status: .submitted),
            ReadFixture.absence("sub-3a", dossier: "dos-2", type: "sick", from: "2026-10-19", status: .submitted),
            ReadFixture.absence("sub-3b", dossier: "dos-2", type: "annual_leave", from: "2026-10-19", status: .submitted),
            ReadFixture.absence("sub-4", dossier: "dos-4", type: "annual_leave", from: "2026-11-02", status: .submitted),
            ReadFixture.absence("done", dossier: "dos-5", type: "annual_leave", from: "2026-10-26", status: .validated),
        ])
        return database
    }

    func testPagesGoForwardAndBackFromAnyEntryInStartOrder() throws {
        let database = try database()
        let all = ValidationQueueFilter()
        let first = try database.validationQueuePage(all, after: nil, limit: 2, asOf: asOf)
        XCTAssertEqual(first.map(\.record.id), ["sub-1", "sub-2"])
        let next = try database.validationQueuePage(all, after: first.last.map(ValidationQueueCursor.init), limit: 2, asOf: asOf)
        XCTAssertEqual(next.map(\.record.id), ["sub-3a", "sub-3b"], "same start: by id")
        let last = try database.validationQueuePage(all, before: nil, limit: 2, asOf: asOf)
        XCTAssertEqual(last.map(\.record.id), ["sub-3b", "sub-4"])
        let before = try database.validationQueuePage(all, before: last.first.map(ValidationQueueCursor.init), limit: 2,
                                                      asOf: asOf)
        XCTAssertEqual(before.map(\.record.id), ["sub-2", "sub-3a"])
        XCTAssertEqual(try database.validationQueueCount(all), 5)
        XCTAssertEqual(try last.map { try database.validationQueueIndex(of: ValidationQueueCursor($0), all) }, [3, 4])
        XCTAssertEqual(try database.validationQueueAll(all, asOf: asOf).count, 5)
        XCTAssertEqual(try database.validationQueueCount(ValidationQueueFilter(employerCode: "CPAS-IXL")), 1)
        // An entry reviewed meanwhile still marks where the next page starts.
        let gone = ValidationQueueCursor(start: ReadFixture.date("2026-10-26"), id: "done")
        XCTAssertEqual(try database.validationQueuePage(all, after: gone, limit: 5, asOf: asOf).map(\.record.id), ["sub-4"])
        XCTAssertEqual(try database.stillWaiting(["sub-1", "done", "nowhere"]), ["sub-1"])
    }

    func testTheLatestFirstAndTheDossierOrdersPageBothWays() throws {
        let database = try database()
        for order in [ValidationQueueOrder.newest, .dossier] {
            let filter = ValidationQueueFilter(order: order)
            let all = try database.validationQueueAll(filter, asOf: asOf)
            XCTAssertEqual(all.count, 5)
            var paged: [ValidationQueueItem] = []
            while paged.count < all.count {
                let page = try database.validationQueuePage(filter, after: paged.last.map(ValidationQueueCursor.init), limit: 2,
                                                            asOf: asOf)
                XCTAssertFalse(page.isEmpty)
                if page.isEmpty { break }
                paged += page
            }
            XCTAssertEqual(paged.map(\.record.id), all.map(\.record.id), "\(order)")
            let last = try database.validationQueuePage(filter, before: nil, limit: 2, asOf: asOf)
            XCTAssertEqual(last.map(\.record.id), all.suffix(2).map(\.record.id), "\(order)")
            let before = try database.validationQueuePage(filter, before: last.first.map(ValidationQueueCursor.init), limit: 2,
                                                          asOf: asOf)
            XCTAssertEqual(before.map(\.record.id), all.dropLast(2).suffix(2).map(\.record.id), "\(order)")
            XCTAssertEqual(try database.validationQueueIndex(of: ValidationQueueCursor(all[3]), filter), 3, "\(order)")
        }
        let newest = try database.validationQueueAll(ValidationQueueFilter(order: .newest), asOf: asOf).map(\.record.id)
        XCTAssertEqual(newest, ["sub-4", "sub-3b", "sub-3a", "sub-2", "sub-1"])
        let byDossier = try database.validationQueueAll(ValidationQueueFilter(order: .dossier), asOf: asOf)
        XCTAssertEqual(byDossier.map(\.dossier.dossierNumber), byDossier.map(\.dossier.dossierNumber).sorted())
    }

    /// The total and the places are counted table by table: an entry made here counts once, one
    /// withdrawn here no more, as the pages list them.
    func testTheTotalAndThePlacesCountLocalEntriesAndWithdrawalsAsThePagesList() throws {
        let database = try database()
        var local = TimeRecord.absence(id: "local", employerCode: "AC-IXL", dossierID: "dos-2", type: "annual_leave",
                                       from: ReadFixture.date("2026-11-16"), to: ReadFixture.date("2026-11-17"),
                                       enteredBy: "u-time")
        local.status = .submitted
        let now = ReadFixture.noon(ReadFixture.date("2026-11-08"))
        try database.recordAbsence(local, by: ReplicaFixture.timeManager, rules: ReplicaFixture.rules, now: now)
        try database.deleteTimeRecord("sub-2", by: ReplicaFixture.timeManager, now: now)
        for order in [ValidationQueueOrder.oldest, .newest] {
            let filter = ValidationQueueFilter(order: order)
            let all = try database.validationQueueAll(filter, asOf: asOf)
            XCTAssertEqual(all.count, 5, "\(order)")
            XCTAssertFalse(all.contains { $0.record.id == "sub-2" })
            XCTAssertEqual(try database.validationQueueCount(filter), all.count, "\(order)")
            XCTAssertEqual(try all.map { try database.validationQueueIndex(of: ValidationQueueCursor($0), filter) },
                           Array(0..<all.count), "\(order)")
        }
        XCTAssertEqual(try database.submittedCount(), 5)
        XCTAssertEqual(try database.submittedCount(employerCode: "CPAS-IXL"), 1)
    }

    func testTheFilterMatchesNameNumberTypeAndAuthorWithoutAccentsOrCase() throws {
        let database = try database()
        func ids(_ terms: [QueueFilterTerm]) throws -> [String] {
            try database.validationQueueAll(ValidationQueueFilter(terms: terms), asOf: asOf).map(\.record.id)
        }
        let dossier = try XCTUnwrap(database.validationQueueAll(ValidationQueueFilter(), asOf: asOf).first { $0.record.id == "sub-3a" }?.dossier)
        XCTAssertEqual(try ids([QueueFilterTerm(text: dossier.lastName.uppercased())]), ["sub-3a", "sub-3b"])
        XCTAssertEqual(try ids([QueueFilterTerm(text: dossier.dossierNumber.lowercased())]), ["sub-3a", "sub-3b"])
        XCTAssertEqual(try ids([QueueFilterTerm(text: "maladie", typeCodes: ["sick"])]), ["sub-3a"])
        XCTAssertEqual(try ids([QueueFilterTerm(text: dossier.lastName), QueueFilterTerm(text: "sick", typeCodes: ["sick"])]), ["sub-3a"],
                       "every word matches")
        XCTAssertEqual(try ids([QueueFilterTerm(text: "PEETERS")]).count, 5, "who entered them: Peeters, A.")
        XCTAssertEqual(try ids([QueueFilterTerm(text: "zzz")]), [])
        XCTAssertEqual(try database.validationQueueCount(ValidationQueueFilter(terms: [QueueFilterTerm(text: "sick", typeCodes: ["sick"])])), 1)
    }

    /// The total and each entry's place are counted in parts (the dossiers holding a word, the
    /// entries whose type or author holds every word, less both): they must agree with the
    /// entries listed, for any mix of words, in every order, whoever holds the word.
    func testTotalsAndPlacesAgreeWithTheEntriesListedForAnyWords() throws {
        let database = try database()
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("sub-5", dossier: "dos-2", type: "sick", from: "2026-11-03", status: .submitted, enteredBy: "u-clerk"),
            ReadFixture.absence("sub-6", dossier: "dos-5", type: "sick", from: "2026-11-04", status: .submitted, enteredBy: "u-clerk"),
        ])
        let dossier = try XCTUnwrap(database.validationQueueAll(ValidationQueueFilter(), asOf: asOf)
            .first { $0.record.id == "sub-3a" }?.dossier)
        let name = QueueFilterTerm(text: dossier.lastName)
        let sick = QueueFilterTerm(text: "sick", typeCodes: ["sick"])
        let leave = QueueFilterTerm(text: "annual", typeCodes: ["annual_leave"])
        let peeters = QueueFilterTerm(text: "peeters")
        let word = QueueFilterTerm(text: String(dossier.lastName.prefix(2)), typeCodes: ["sick"])
        for terms in [[name], [sick], [leave], [peeters], [name, sick], [sick, peeters], [leave, name], [word], [word, sick],
                      [QueueFilterTerm(text: "zzz", typeCodes: ["sick"])]] {
            for order in ValidationQueueOrder.allCases {
                let filter = ValidationQueueFilter(terms: terms, order: order)
                let listed = try database.validationQueueAll(filter, asOf: asOf)
                let label = "\(terms.map(\.text)) \(order)"
                XCTAssertEqual(try database.validationQueueCount(filter), listed.count, label)
                XCTAssertEqual(try listed.map { try database.validationQueueIndex(of: ValidationQueueCursor($0), filter) },
                               Array(listed.indices), label)
            }
        }
        XCTAssertEqual(try database.validationQueueAll(ValidationQueueFilter(terms: [sick]), asOf: asOf).map(\.record.id),
                       ["sub-3a", "sub-5", "sub-6"])
    }

    /// The drafts queue pages like the validation queue: a time manager's own drafts, and a
    /// supervisor's of the employers they hold, with the same totals, places and words.
    func testDraftsPageByWhoseTheyAreWithTheirTotalAndPlaces() throws {
        let database = try database()
        try ReadFixture.apply(database, records: [
            ReadFixture.absence("draft-a", dossier: "dos-5", type: "sick", from: "2026-10-06", status: .draft),
            ReadFixture.absence("draft-b", dossier: "dos-2", type: "annual_leave", from: "2026-10-07", status: .draft,
                                enteredBy: "u-clerk"),
            ReadFixture.absence("draft-c", dossier: "dos-4", type: "annual_leave", from: "2026-10-08", status: .draft,
                                enteredBy: "u-clerk"),
        ])
        func ids(_ scope: DraftsScope, _ terms: [QueueFilterTerm] = []) throws -> [String] {
            let filter = ValidationQueueFilter(terms: terms, drafts: scope)
            let all = try database.validationQueueAll(filter, asOf: asOf)
            XCTAssertEqual(try database.validationQueueCount(filter), all.count)
            XCTAssertEqual(try all.map { try database.validationQueueIndex(of: ValidationQueueCursor($0), filter) },
                           Array(all.indices))
            var paged: [ValidationQueueItem] = []
            while let page = Optional(try database.validationQueuePage(filter, after: paged.last.map(ValidationQueueCursor.init),
                                                                      limit: 1, asOf: asOf)), !page.isEmpty {
                paged += page
            }
            XCTAssertEqual(paged.map(\.record.id), all.map(\.record.id))
            return all.map(\.record.id)
        }
        XCTAssertEqual(try ids(DraftsScope(userID: "u-clerk")), ["draft-b", "draft-c"], "their own, not the submitted")
        XCTAssertEqual(try ids(DraftsScope(userID: "u-time")), ["draft-a", "tr-1"], "the fixture's draft of 9 November too")
        XCTAssertEqual(try ids(DraftsScope(userID: "u-time", employerCodes: ["CPAS-IXL"])), ["draft-a", "draft-c", "tr-1"],
                       "and every draft of the employer supervised")
        XCTAssertEqual(try ids(DraftsScope(userID: "u-time", employerCodes: ["CPAS-IXL"]),
                               [QueueFilterTerm(text: "annual", typeCodes: ["annual_leave"])]), ["draft-c", "tr-1"])
        XCTAssertEqual(try database.stillWaiting(["draft-a", "sub-1"], status: .draft), ["draft-a"])
    }

    /// What the page query relies on: the submitted records read from the partial index of open
    /// records, led by status and start.
    func testAPageReadsTheIndexOfSubmittedRecordsInStartOrder() throws {
        let database = try database()
        let plan = try database.writer.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT r.id FROM time_record_view r JOIN dossier_list l ON l.id = r.dossier_id
                WHERE r.status = 'submitted' AND r.start >= '2026-10-12' AND (r.start > '2026-10-12' OR r.id > 'x')
                ORDER BY r.start, r.id LIMIT 40
                """).map { $0["detail"] as String? ?? "" }
        }
        XCTAssertTrue(plan.contains { $0.contains("USING INDEX time_record_open_by_start (status=? AND start>?)") }, "\(plan)")
        XCTAssertTrue(plan.contains { $0.contains("USING INDEX local_time_record_open_by_start (status=? AND start>?)") },
                      "\(plan)")
    }
}
