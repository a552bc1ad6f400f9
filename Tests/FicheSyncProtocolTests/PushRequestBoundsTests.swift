import FicheDomain
import FicheSyncProtocol
import XCTest

/// What makes the server refuse a whole push (400) before reading anything, and the message
/// the device logs for it.
final class PushRequestBoundsTests: XCTestCase {
    private func note(_ id: Int64, uuid: String = "u", text: String = "Appelé ce matin") -> PendingMutation {
        PendingMutation(id: id, uuid: uuid, mutation: .addNote(AddNote(noteID: "n\(id)", dossierID: "d1", text: text)))
    }

    func testAFullBatchOfOrdinaryMutationsPasses() {
        XCTAssertNil(PushRequest(mutations: []).boundsProblem)
        XCTAssertNil(PushRequest(mutations: (1...100).map { note($0) }).boundsProblem)
        XCTAssertNil(PushRequest(mutations: [note(9_007_199_254_740_991)]).boundsProblem, "the largest id a JSON number holds")
    }

    func testOneMutationTooManyIsRefused() {
        XCTAssertEqual(PushRequest(mutations: (1...101).map { note($0) }).boundsProblem, "a push carries at most 100 mutations")
    }

    func testAnIdOutsideTheJSONRangeIsRefused() {
        for id: Int64 in [0, -1, 9_007_199_254_740_992, .max] {
            XCTAssertEqual(PushRequest(mutations: [note(1), note(id)]).boundsProblem,
                           "mutation id \(id) is outside 1...9007199254740991")
        }
    }

    func testANulCharacterAnywhereIsRefused() {
        XCTAssertEqual(PushRequest(mutations: [note(1), note(2, text: "a\u{0}b")]).boundsProblem, "mutation 2 holds a NUL character")
        XCTAssertEqual(PushRequest(mutations: [note(3, uuid: "\u{0}")]).boundsProblem, "mutation 3 holds a NUL character")
        let field = PendingMutation(id: 4, uuid: "u", mutation: .updateDossierField(UpdateDossierField(
            dossierID: "d1", field: .lastName, change: FieldChange(old: "De Coster", new: "De\u{0}Coster"))))
        XCTAssertEqual(PushRequest(mutations: [field]).boundsProblem, "mutation 4 holds a NUL character")
        XCTAssertNil(PushRequest(mutations: [note(5, text: "tab\tand line\nbreak, Éloïse 👩🏽‍💼")]).boundsProblem)
    }

    /// The reason of a correction is a text like the others: bounded, and refused with a NUL.
    func testTheReasonOfACorrectionIsBoundedLikeEveryText() throws {
        let day = try LocalDate.parse("2026-03-09")
        let correction = RecordTimeRecord(recordID: "r2", dossierID: "d1", typeCode: "sick", start: day, end: day,
                                          replaces: "r1", correctionReason: "Certificat\u{0}reçu")
        XCTAssertTrue(Mutation.recordTimeRecord(correction).texts.short.contains("Certificat\u{0}reçu"),
                      "checked against the server's maximumFieldLength")
        XCTAssertEqual(PushRequest(mutations: [PendingMutation(id: 6, uuid: "u", mutation: .recordTimeRecord(correction))])
            .boundsProblem, "mutation 6 holds a NUL character")
    }
}
