import FicheSyncProtocol
import Foundation
import XCTest

/// Push answers and stored results are written as bytes, not through JSONEncoder: a replica
/// (and a replayed mutation) must read back exactly what was decided.
final class PushResponseJSONTests: XCTestCase {
    func testAnswersReadBackAsDecidedWhateverTheyCarry() throws {
        let results: [MutationResult] = [
            MutationResult(mutationID: 1, uuid: "9F1C-0001", status: .applied, seq: 42),
            MutationResult(mutationID: 2, uuid: "9F1C-0002", status: .rejected, reason: "absence.overlap"),
            MutationResult(mutationID: 3, uuid: "9F1C-\"0003\"", status: .conflict, reason: "field.changed",
                           serverValue: "BE68 5390 0754 7034 \\ tab\there\nnew line é 👩🏽‍💼", seq: 9_223_372_036_854_775_807),
            MutationResult(mutationID: 4, uuid: "", status: .gap, reason: "expected 3"),
            MutationResult(mutationID: 5, uuid: "u", status: .conflict, serverValue: ""),
        ]
        for result in results {
            XCTAssertEqual(try JSONDecoder().decode(MutationResult.self, from: Data(result.encodedJSON)), result)
        }
        for count in [0, 1, results.count] {
            let response = PushResponse(results: Array(results.prefix(count)), lastMutationID: Int64(count), checkpoint: 77)
            XCTAssertEqual(try JSONDecoder().decode(PushResponse.self, from: Data(response.encodedJSON)), response)
        }
        // Absent fields are left out, as JSONEncoder leaves them out.
        let plain = String(decoding: results[1].encodedJSON, as: UTF8.self)
        XCTAssertEqual(plain, #"{"mutation_id":2,"uuid":"9F1C-0002","status":"rejected","reason":"absence.overlap"}"#)
    }
}
