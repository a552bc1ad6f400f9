import FicheDomain
import FicheSyncProtocol
import Foundation
import XCTest

/// The JSON a device pushes: the server and the OpenAPI document read the same spelling, so a
/// renamed key or case is a replica whose changes the server no longer understands.
final class MutationWireTests: XCTestCase {
    /// One mutation of each kind, with the JSON it is sent as (keys sorted).
    private func examples() throws -> [(mutation: Mutation, json: String)] {
        let march9 = try LocalDate.parse("2026-03-09")
        return [
            (.updateDossierField(UpdateDossierField(dossierID: "d1", field: .timeManager, change: FieldChange(old: "u-old", new: "u-tm"))),
             #"{"name":"updateDossierField","payload":{"change":{"new":"u-tm","old":"u-old"},"dossier_id":"d1","field":"time_manager"}}"#),
            (.recordAbsence(RecordTimeRecord(recordID: "r1", dossierID: "d1", typeCode: "annual_leave", start: march9,
                                             end: try LocalDate.parse("2026-03-10"), dayPart: .morning,
                                             certificateReceived: false, status: .submitted)),
             #"{"name":"recordAbsence","payload":{"certificate_received":false,"day_part":"morning","dossier_id":"d1","#
                + #""end":"2026-03-10","kind":"absence","record_id":"r1","start":"2026-03-09","status":"submitted","type":"annual_leave"}}"#),
            (.recordTimeRecord(RecordTimeRecord(recordID: "r2", dossierID: "d1", kind: .clocking, typeCode: nil, start: march9,
                                                end: march9, startMinute: 480, endMinute: 1020)),
             #"{"name":"recordTimeRecord","payload":{"dossier_id":"d1","end":"2026-03-09","end_minute":1020,"kind":"clocking","#
                + #""record_id":"r2","start":"2026-03-09","start_minute":480}}"#),
            (.recordTimeRecord(RecordTimeRecord(recordID: "r3", dossierID: "d1", kind: .overtime, typeCode: nil, start: march9,
                                                end: march9, minutes: 90)),
             #"{"name":"recordTimeRecord","payload":{"dossier_id":"d1","end":"2026-03-09","kind":"overtime","minutes":90,"#
                + #""record_id":"r3","start":"2026-03-09"}}"#),
            (.addNote(AddNote(noteID: "n1", dossierID: "d1", text: "Rappel : \"certificat\" attendu\nÉloïse")),
             #"{"name":"addNote","payload":{"dossier_id":"d1","note_id":"n1","text":"Rappel : \"certificat\" attendu\nÉloïse"}}"#),
            (.reviewTimeRecord(ReviewTimeRecord(recordID: "r1", decision: .reject(reason: "Mauvaise date"))),
             #"{"name":"reviewTimeRecord","payload":{"decision":"reject","reason":"Mauvaise date","record_id":"r1"}}"#),
            (.reviewTimeRecord(ReviewTimeRecord(recordID: "r2", decision: .approve)),
             #"{"name":"reviewTimeRecord","payload":{"decision":"approve","record_id":"r2"}}"#),
            (.recordArt60Event(RecordArt60Event(eventID: "e1", contractID: "c1", dossierID: "d1", date: try LocalDate.parse("2026-03-02"),
                                                kind: .partnerEvaluation, placementID: "p1", note: "Bien")),
             #"{"name":"recordArt60Event","payload":{"contract_id":"c1","date":"2026-03-02","dossier_id":"d1","event_id":"e1","#
                + #""kind":"partner_evaluation","note":"Bien","placement_id":"p1"}}"#),
            (.closePayrollMonth(ClosePayrollMonth(employerCode: "CPAS-T", month: try YearMonth.parse("2026-02"))),
             #"{"name":"closePayrollMonth","payload":{"employer_code":"CPAS-T","month":"2026-02"}}"#),
            (.recordReveal(RecordReveal(dossierID: "d1", field: .iban)),
             #"{"name":"recordReveal","payload":{"dossier_id":"d1","field":"iban"}}"#),
            (.recordCertificate(RecordCertificate(recordID: "r1", receivedOn: try LocalDate.parse("2026-03-12"))),
             #"{"name":"recordCertificate","payload":{"received_on":"2026-03-12","record_id":"r1"}}"#),
            (.amendTimeRecord(RecordTimeRecord(recordID: "r1", dossierID: "d1", typeCode: "sick", start: march9, end: march9,
                                               certificateReceived: true, status: .submitted)),
             #"{"name":"amendTimeRecord","payload":{"certificate_received":true,"dossier_id":"d1","end":"2026-03-09","#
                + #""kind":"absence","record_id":"r1","start":"2026-03-09","status":"submitted","type":"sick"}}"#),
            (.editNote(EditNote(noteID: "n1", oldText: "Appel", text: "Appel reçu")),
             #"{"name":"editNote","payload":{"note_id":"n1","old_text":"Appel","text":"Appel reçu"}}"#),
            (.eraseNote(EraseNote(noteID: "n1")),
             #"{"name":"eraseNote","payload":{"note_id":"n1"}}"#),
            (.deleteTimeRecord(DeleteTimeRecord(recordID: "r1")),
             #"{"name":"deleteTimeRecord","payload":{"record_id":"r1"}}"#),
            (.reviewIBANChange(ReviewIBANChange(dossierID: "d1", iban: "BE68539007547034", decision: .approve)),
             #"{"name":"reviewIBANChange","payload":{"decision":"approve","dossier_id":"d1","iban":"BE68539007547034"}}"#),
            (.reviewIBANChange(ReviewIBANChange(dossierID: "d1", iban: "BE68539007547034", decision: .reject(reason: "Inconnu"))),
             #"{"name":"reviewIBANChange","payload":{"decision":"reject","dossier_id":"d1","iban":"BE68539007547034","reason":"Inconnu"}}"#),
            (.recordTimeRecord(RecordTimeRecord(recordID: "r4", dossierID: "d1", typeCode: "sick", start: march9, end: march9,
                                                status: .submitted, replaces: "r1", cancellation: true)),
             #"{"name":"recordTimeRecord","payload":{"cancellation":true,"dossier_id":"d1","end":"2026-03-09","kind":"absence","#
                + #""record_id":"r4","replaces":"r1","start":"2026-03-09","status":"submitted","type":"sick"}}"#),
        ]
    }

    /// Has an example above: a switch without `default`, so a new kind does not compile here
    /// until it is added to the list, and `testEveryMutationKeepsItsWireSpelling` asks for its example.
    private static func hasAnExample(_ mutation: Mutation) -> Bool {
        switch mutation {
        case .updateDossierField, .recordAbsence, .recordTimeRecord, .addNote, .reviewTimeRecord, .recordArt60Event,
             .closePayrollMonth, .recordReveal, .recordCertificate, .amendTimeRecord, .deleteTimeRecord,
             .reviewIBANChange, .editNote, .eraseNote: return true
        }
    }

    private func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Where decoding stopped, as `mutations.0.mutation.payload.kind`.
    private func path(_ error: any Error) -> String? {
        let context: DecodingError.Context
        switch error as? DecodingError {
        case .dataCorrupted(let found), .keyNotFound(_, let found), .typeMismatch(_, let found), .valueNotFound(_, let found):
            context = found
        default:
            return nil
        }
        return context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    func testEveryMutationKeepsItsWireSpelling() throws {
        let examples = try examples()
        XCTAssertEqual(Set(examples.map(\.mutation.name)), [
            "updateDossierField", "recordAbsence", "recordTimeRecord", "addNote", "reviewTimeRecord", "recordArt60Event",
            "closePayrollMonth", "recordReveal", "recordCertificate", "amendTimeRecord", "deleteTimeRecord",
            "reviewIBANChange", "editNote", "eraseNote",
        ], "an example of every kind hasAnExample lists")
        XCTAssertEqual(Set(examples.map(\.mutation.name)), Set(Mutation.names), "the names the served document lists")
        for (mutation, expected) in examples {
            XCTAssertTrue(Self.hasAnExample(mutation))
            XCTAssertEqual(try json(mutation), expected)
        }
    }

    func testEveryMutationSurvivesTheWire() throws {
        for (index, (mutation, text)) in try examples().enumerated() {
            let pending = PendingMutation(id: Int64(index + 1), uuid: "9F1C-000\(index)", mutation: mutation)
            let data = try JSONEncoder().encode(PushRequest(mutations: [pending]))
            XCTAssertEqual(try JSONDecoder().decode(PushRequest.self, from: data).mutations, [pending])
            // What another client (or the OpenAPI examples) writes, key order aside, reads the same.
            XCTAssertEqual(try JSONDecoder().decode(Mutation.self, from: Data(text.utf8)), mutation, text)
        }
    }

    func testAnUnknownKindOrDecisionIsRefusedNamingTheField() throws {
        let holiday = #"{"mutations":[{"id":1,"uuid":"u","mutation":{"name":"recordTimeRecord","payload":"#
            + #"{"record_id":"r1","dossier_id":"d1","kind":"holiday","start":"2026-03-09","end":"2026-03-09"}}}]}"#
        XCTAssertThrowsError(try JSONDecoder().decode(PushRequest.self, from: Data(holiday.utf8))) { error in
            XCTAssertEqual(path(error), "mutations.0.mutation.payload.kind", "\(error)")
        }
        let maybe = #"{"name":"reviewTimeRecord","payload":{"record_id":"r1","decision":"maybe"}}"#
        XCTAssertThrowsError(try JSONDecoder().decode(Mutation.self, from: Data(maybe.utf8))) { error in
            XCTAssertEqual(path(error), "payload.decision", "\(error)")
        }
        let unknown = #"{"name":"deleteDossier","payload":{"dossier_id":"d1"}}"#
        XCTAssertThrowsError(try JSONDecoder().decode(Mutation.self, from: Data(unknown.utf8))) { error in
            XCTAssertEqual(path(error), "name", "\(error)")
        }
        let badDate = #"{"name":"closePayrollMonth","payload":{"employer_code":"CPAS-T","month":"2026-13"}}"#
        XCTAssertThrowsError(try JSONDecoder().decode(Mutation.self, from: Data(badDate.utf8))) { error in
            XCTAssertEqual(path(error), "payload.month", "\(error)")
        }
    }
}
