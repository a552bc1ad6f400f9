import FicheSyncProtocol
import Foundation
import XCTest

/// Snapshot pages are written and read as bytes, not through JSONEncoder/JSONDecoder: both
/// directions must agree with the Codable form, for any text a row can hold.
final class SnapshotPageJSONTests: XCTestCase {
    static let awkward: [String?] = [
        "", "plain", "Lefèvre-Dupont", "O'Brien \"Junior\"", "back\\slash/slash", "tab\tnew\nline\rcarriage",
        "\u{01}\u{1f}\u{7f}", "emoji 👩🏽‍💼 and 𝄞", "中文", nil, "null", "{\"street\":\"Rue Haute 1\",\"city\":\"Bruxelles\"}",
    ]

    func page(rows: Int, seed: Int) -> SnapshotPage {
        var rowsOut: [[String: String?]] = []
        for index in 0..<rows {
            var row: [String: String?] = ["id": "id-\(index)", "employer_code": "CPAS-T"]
            for (offset, value) in Self.awkward.enumerated() where (index + offset + seed) % 3 != 0 {
                row["field_\(offset)"] = .some(value)
            }
            rowsOut.append(row)
        }
        return SnapshotPage(pinnedSeq: 42 + Int64(seed), entity: seed % 2 == 0 ? .dossier : .timeRecord, rows: rowsOut,
                            nextToken: seed % 3 == 0 ? nil : "eyJhIjoxfQ.c2ln-_", done: seed % 3 == 0)
    }

    func testBytesWrittenDirectlyReadBackTheSameWithEitherReader() throws {
        for seed in 0..<6 {
            let page = page(rows: 40, seed: seed)
            let bytes = page.encodedJSON()
            XCTAssertEqual(try JSONDecoder().decode(SnapshotPage.self, from: Data(bytes)), page)
            XCTAssertEqual(try bytes.withUnsafeBytes { try SnapshotPage(json: $0) }, page)
        }
    }

    func testTheDirectReaderReadsWhatJSONEncoderWrites() throws {
        for seed in 0..<6 {
            let page = page(rows: 25, seed: seed)
            for formatting: JSONEncoder.OutputFormatting in [[], [.prettyPrinted, .sortedKeys], [.withoutEscapingSlashes]] {
                let encoder = JSONEncoder()
                encoder.outputFormatting = formatting
                let data = try encoder.encode(page)
                XCTAssertEqual(try data.withUnsafeBytes { try SnapshotPage(json: $0) }, page)
            }
        }
        let escaped = #"{"done":false,"extra":{"a":[1,2.5e3,true,null,"x"]},"entity":"dossier","#
            + #""rows":[{"id":"\u00e9\ud83d\ude00","employer_code":"A\/B","x":null}],"pinned_seq":7,"next_token":"t"}"#
        let page = try Array(escaped.utf8).withUnsafeBytes { try SnapshotPage(json: $0) }
        let expected: [[String: String?]] = [["id": "é😀", "employer_code": "A/B", "x": String?.none]]
        XCTAssertEqual(page.rows, expected)
        XCTAssertEqual(page.pinnedSeq, 7)
        XCTAssertEqual(page.nextToken, "t")
    }

    /// Rows of one shape (what the server sends) are read as one table, not a dictionary each,
    /// and a page built from a table writes the same JSON document as one built from dictionaries.
    func testRowsOfOneShapeTravelAsATable() throws {
        let columns = ["id", "employer_code", "niss", "address", "version"]
        var table = TextTable(columns: columns)
        for index in 0..<30 {
            let awkward = Self.awkward[index % Self.awkward.count]
            table.append(["tr-\(index)", "CPAS-T", index % 4 == 0 ? nil : "8507300\(index)", awkward, String(index)])
        }
        let fromTable = SnapshotPage(pinnedSeq: 9, entity: .timeRecord, table: table, nextToken: "n", done: false)
        let fromRows = SnapshotPage(pinnedSeq: 9, entity: .timeRecord, rows: table.dictionaries, nextToken: "n", done: false)
        XCTAssertEqual(fromTable, fromRows)
        let bytes = fromTable.encodedJSON()
        XCTAssertEqual(try JSONDecoder().decode(SnapshotPage.self, from: Data(bytes)), fromRows)
        let read = try bytes.withUnsafeBytes { try SnapshotPage(json: $0) }
        XCTAssertEqual(read.table, table, "same columns in the same order, same values")
        XCTAssertEqual(read, fromRows)
        // Fields in another order in some rows: still one table, values under the right names.
        let shuffled = try JSONEncoder().encode(fromRows)
        XCTAssertEqual(try shuffled.withUnsafeBytes { try SnapshotPage(json: $0) }.rows, fromRows.rows)
    }

    /// What the server does to a page before sending it (a value masked, internal columns and
    /// the row past the limit dropped, rows filtered) reaches the reader exactly so.
    func testAPageEditedBeforeSendingIsReadAsEdited() throws {
        var table = TextTable(columns: ["id", "niss", "deleted_at", "note"])
        for index in 0..<6 {
            table.append(["d-\(index)", "8507300332\(index)", nil, Self.awkward[index % Self.awkward.count]])
        }
        table[1, 1] = "85.07.30-•••.••"
        table[2, 3] = "changed \"after\" reading"
        table.removeColumns(["deleted_at"])
        table.truncateRows(to: 5)
        table.filterRows { $0 != 3 }
        let expected: [[String: String?]] = [
            ["id": "d-0", "niss": "85073003320", "note": ""],
            ["id": "d-1", "niss": "85.07.30-•••.••", "note": "plain"],
            ["id": "d-2", "niss": "85073003322", "note": "changed \"after\" reading"],
            ["id": "d-4", "niss": "85073003324", "note": Self.awkward[4]],
        ]
        XCTAssertEqual(table.dictionaries, expected)
        let bytes = SnapshotPage(pinnedSeq: 3, entity: .dossier, table: table, nextToken: nil, done: true).encodedJSON()
        let read = try bytes.withUnsafeBytes { try SnapshotPage(json: $0) }
        XCTAssertEqual(read.table.columns, ["id", "niss", "note"])
        XCTAssertEqual(read.table.dictionaries, expected)
        XCTAssertEqual(read.table, table)
    }

    func testRowsOfDifferentShapesKeepTheirOwnFields() throws {
        let text = #"{"pinned_seq":1,"entity":"dossier","rows":[{"id":"a","x":"1"},{"id":"b"},{"id":"c","y":null}],"done":true}"#
        let page = try Array(text.utf8).withUnsafeBytes { try SnapshotPage(json: $0) }
        let expected: [[String: String?]] = [["id": "a", "x": "1"], ["id": "b"], ["id": "c", "y": String?.none]]
        XCTAssertEqual(page.rows, expected)
        XCTAssertEqual(page.table.rowCount, 3)
        XCTAssertEqual(page.table[1, "x"], nil)
    }

    func testARowObjectReadsBackAsWrittenWithItsKeysInOrder() throws {
        let row: [String: String?] = ["zeta": "Rue \"Haute\" 1/3\tÀ\u{1}", "alpha": nil, "mid": "", "niss": "85.07.30-033.28"]
        let text = JSONBytes.object(row)
        XCTAssertEqual(try JSONDecoder().decode([String: String?].self, from: Data(text.utf8)), row)
        XCTAssertTrue(text.hasPrefix(#"{"alpha":null,"mid":"","niss":"#), text)
    }

    func testAPullIsWrittenAsJSONDecoderReadsIt() throws {
        var empty = PullResponseWriter()
        let emptyBytes = empty.finish(cursor: 1234, hasMore: false, lastMutationID: 17, resultsJSON: [])
        XCTAssertEqual(try JSONDecoder().decode(PullResponse.self, from: Data(emptyBytes)),
                       PullResponse(changes: [], cursor: 1234, hasMore: false, lastMutationID: 17, results: []))
        var identified = PullResponseWriter()
        let identifiedBytes = identified.finish(cursor: 1234, hasMore: false, lastMutationID: 17, resultsJSON: [],
                                                head: 1300, serverIdentity: "6f1c\"x.16384")
        XCTAssertEqual(try JSONDecoder().decode(PullResponse.self, from: Data(identifiedBytes)),
                       PullResponse(changes: [], cursor: 1234, hasMore: false, lastMutationID: 17, results: [],
                                    head: 1300, serverIdentity: "6f1c\"x.16384"))

        let stored: [String: String?] = ["id": "t1", "note": "Dit \"ziek\"\nà 50 %", "end_date": nil]
        let storedJSON = String(decoding: try JSONEncoder().encode(stored), as: UTF8.self)
        let masked: [String: String?] = ["id": "d1", "niss": "**.**.**-***.29", "last_name": "D'Hondt \\ Ça"]
        let result = MutationResult(mutationID: 4, uuid: "u-4", status: .conflict, reason: "field.changed",
                                    serverValue: "BE** **** **** 9002", seq: 8)
        var writer = PullResponseWriter()
        writer.appendChange(seq: 7, scope: "CPAS-IXL", entity: .timeRecord, id: "t1", op: .upsert, version: 7,
                            rowJSON: storedJSON)
        writer.appendChange(seq: 8, scope: "AC \"IXL\"", entity: .dossier, id: "d1", op: .upsert, version: 8, row: masked)
        writer.appendChange(seq: 9, scope: "CPAS-IXL", entity: .timeRecord, id: "t0", op: .delete, version: 9, rowJSON: nil)
        XCTAssertEqual(writer.changeCount, 3)
        let bytes = writer.finish(cursor: 9, hasMore: true, lastMutationID: 4,
                                  resultsJSON: [String(decoding: try JSONEncoder().encode(result), as: UTF8.self)])
        let read = try JSONDecoder().decode(PullResponse.self, from: Data(bytes))
        XCTAssertEqual(read, PullResponse(changes: [
            Change(seq: 7, scope: "CPAS-IXL", entity: .timeRecord, id: "t1", op: .upsert, version: 7, row: stored),
            Change(seq: 8, scope: "AC \"IXL\"", entity: .dossier, id: "d1", op: .upsert, version: 8, row: masked),
            Change(seq: 9, scope: "CPAS-IXL", entity: .timeRecord, id: "t0", op: .delete, version: 9, row: nil),
        ], cursor: 9, hasMore: true, lastMutationID: 4, results: [result]))
    }

    func testMalformedPagesAreRefused() {
        for text in ["", "{", #"{"pinned_seq":1}"#, #"{"pinned_seq":1,"entity":"nope","rows":[],"done":true}"#,
                     #"{"pinned_seq":1,"entity":"dossier","rows":[{"a":1}],"done":true}"#,
                     #"{"pinned_seq":1,"entity":"dossier","rows":[],"done":true} x"#,
                     #"{"pinned_seq":1,"entity":"dossier","rows":[{"a":"\ud800"}],"done":true}"#,
                     "{\"pinned_seq\":1,\"entity\":\"dossier\",\"rows\":[{\"a\":\"x\ny\"}],\"done\":true}"] {
            XCTAssertThrowsError(try Array(text.utf8).withUnsafeBytes { try SnapshotPage(json: $0) }, text)
        }
    }
}
