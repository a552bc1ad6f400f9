import FicheDomain
import Foundation

/// Raw `/v1/sync/push` bodies that each carry one value no rule may accept: a number past its
/// range or of the wrong JSON type, a far date, a huge or hostile string. Every other value is
/// a valid clocking's (2026-02-03, 08:00–12:00, 240 minutes), so a body the server applies is a
/// hole in the checks. Drawn from a `SeededGenerator`: the same seed gives the same bodies.
enum ExtremePush {
    static func body(round: Int, id: Int64, dossier: String, using random: inout SeededGenerator) -> String {
        var idText = String(id)
        var name = "recordTimeRecord"
        var payload: [(String, String)] = [
            ("record_id", text("r-\(round)")), ("dossier_id", text(dossier)), ("kind", text("clocking")),
            ("start", text("2026-02-03")), ("end", text("2026-02-03")), ("start_minute", "480"), ("end_minute", "720"),
            ("minutes", "240"), ("status", text("submitted")),
        ]
        func set(_ key: String, _ value: String) {
            if let index = payload.firstIndex(where: { $0.0 == key }) { payload[index].1 = value } else { payload.append((key, value)) }
        }
        switch Int.random(in: 0..<14, using: &random) {
        case 0:
            idText = pick(["0", "-1", String(Int64.min), "9007199254740992", String(Int64.max), "1e300", "\"1\"", "null",
                           "1.5", "[]"], &random)
        case 1: set("start_minute", outOfDay(&random))
        case 2: set("end_minute", outOfDay(&random))
        case 3:
            let inDayButWrong = Int.random(in: 1...1440, using: &random)
            set("minutes", inDayButWrong == 240 ? "241" : pick([outOfDay(&random), String(inDayButWrong), "0"], &random))
        case 4: set(pick(["start_minute", "end_minute", "minutes"], &random), wrongType(&random))
        case 5:
            let far = pick(["0001-01-01", "9999-12-31", "1899-12-31", "2201-01-01", "2026-02-30", "2026-13-01",
                            "+2026-02-03", "2026-2-3", "", String(Int.random(in: Int.min...Int.max, using: &random))], &random)
            set(pick(["start", "end"], &random), pick([text(far), huge(&random), "20260203", "null"], &random))
        case 6: set(pick(["record_id", "type", "dossier_id", "kind", "status"], &random), huge(&random))
        case 7: set(pick(["dossier_id", "kind", "status", "day_part"], &random), text(garbage(&random)))
        case 8:
            if Bool.random(using: &random) {
                set(pick(["record_id", "dossier_id", "kind", "start"], &random),
                    pick(["240", "-1e300", "[\"x\"]", "{}", "true", "null"], &random))
            } else {
                set("certificate_received", pick(["\"yes\"", "0.5", "[]", "{}"], &random))
            }
        case 9:
            name = "updateDossierField"
            let value = pick(["-9223372036854775808", "9223372036854775807", "1e308", "-1e308", "NaN", "inf", "-1", "101",
                              String(repeating: "9", count: Int.random(in: 20...400, using: &random))], &random)
            payload = [("dossier_id", text(dossier)), ("field", text("regime_percent")),
                       ("change", "{\"old\": \(text("50")), \"new\": \(text(value))}")]
        case 10:
            name = "updateDossierField"
            let (field, value) = pick([("last_name", huge(&random)), ("first_name", text("  ")),
                                       ("language", text(garbage(&random))), ("iban", text(garbage(&random) + "x")),
                                       ("salary", text("1")),
                                       ("last_name", pick(["240", "[]", "{}", "true", "null"], &random))], &random)
            payload = [("dossier_id", text(dossier)), ("field", text(field)),
                       ("change", "{\"old\": null, \"new\": \(value)}")]
        case 11:
            let badText = pick([text(String(repeating: "x", count: 16_001)), text(" \n "), "12", "null"], &random)
            name = pick(["addNote", "editNote", "eraseNote"], &random)
            switch name {
            case "addNote": payload = [("note_id", text("n-\(round)")), ("dossier_id", text(dossier)), ("text", badText)]
            case "editNote": payload = [("note_id", text("n-\(round)")), ("old_text", text("Appel")), ("text", badText)]
            default: payload = [("note_id", pick([huge(&random), text(" "), "12", "null"], &random))]
            }
        case 12:
            name = "closePayrollMonth"
            payload = [("employer_code", text("CPAS-T")),
                       ("month", pick([text("9999-12"), text("0000-00"), text("2026-02"), "202602"], &random))]
        default:
            name = pick(["dropTables", "", "recordReveal"], &random)
            payload = [("dossier_id", text(dossier)), ("field", text(garbage(&random)))]
        }
        let members = payload.map { "\(text($0.0)): \($0.1)" }.joined(separator: ", ")
        return "{\"mutations\": [{\"id\": \(idText), \"uuid\": \(text("u-\(round)")), \"mutation\": {\"name\": \(text(name)), \"payload\": {\(members)}}}]}"
    }

    /// An integer outside 0…1440, as JSON.
    private static func outOfDay(_ random: inout SeededGenerator) -> String {
        pick([String(Int.min), String(Int.max), "-1", "1441", String(Int.random(in: Int.min ... -1, using: &random)),
              String(Int.random(in: 1441...Int.max, using: &random))], &random)
    }

    /// A value of the wrong JSON type for a number.
    private static func wrongType(_ random: inout SeededGenerator) -> String {
        pick(["\"240\"", "1e300", "-1e300", "4.5", "-0.5", "[240]", "{}", "\"\"", "99999999999999999999999"], &random)
    }

    /// Text longer than any member may be (4,000 characters, notes 16,000).
    private static func huge(_ random: inout SeededGenerator) -> String {
        text(String(repeating: garbage(&random) + "é", count: Int.random(in: 4_001...20_000, using: &random)))
    }

    /// A short string of hostile characters: quotes, backslashes, control characters, NUL, SQL.
    private static func garbage(_ random: inout SeededGenerator) -> String {
        let pieces = ["'", "\"", "\\", "\u{0}", "\u{1b}[2J", "%", "$1", "?", "; DROP TABLE dossiers;--", "=1+1", "é", "😀",
                      "\u{202e}", "\r\n", "\t"]
        return (0..<Int.random(in: 1...8, using: &random)).map { _ in pick(pieces, &random) }.joined()
    }

    private static func pick<T>(_ values: [T], _ random: inout SeededGenerator) -> T {
        values[Int.random(in: 0..<values.count, using: &random)]
    }

    /// `value` as a JSON string.
    private static func text(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
