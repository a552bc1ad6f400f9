import FicheDomain
import Foundation
import GRDB

/// What an outbox row asks the server to do to one row: per-field `{old, new}` (docs/SYNC.md).
///
/// Stored as JSON: `{"fields": {"iban": {"old": "BE…", "new": "BE…"}}, "delete": false}`. Values
/// keep their SQLite type (text, integer, real or null) so the working view can replay them.
struct MutationPayload {
    var fields: [String: (old: DatabaseValue, new: DatabaseValue)]
    var deletes = false

    init(fields: [String: (old: DatabaseValue, new: DatabaseValue)], deletes: Bool = false) {
        self.fields = fields
        self.deletes = deletes
    }

    /// The difference between two versions of a row; unchanged columns are left out.
    init(from old: [String: DatabaseValue], to new: [String: DatabaseValue]) {
        var fields: [String: (old: DatabaseValue, new: DatabaseValue)] = [:]
        for (column, value) in new where column != "version" {
            let before = old[column] ?? .null
            if before != value { fields[column] = (before, value) }
        }
        self.init(fields: fields)
    }

    /// The payload as stored in the outbox and the audit; throws rather than store a change
    /// that says nothing.
    func json() throws -> String {
        var object: [String: Any] = [:]
        for (column, change) in fields {
            object[column] = ["old": Self.jsonValue(change.old), "new": Self.jsonValue(change.new)]
        }
        let root: [String: Any] = ["fields": object, "delete": deletes]
        let data = try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String) throws -> MutationPayload {
        guard let root = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let object = root["fields"] as? [String: Any] else {
            throw StoredRowError(table: "outbox", id: "?", detail: "payload is not a mutation: \(text.prefix(80))")
        }
        var fields: [String: (old: DatabaseValue, new: DatabaseValue)] = [:]
        for (column, value) in object {
            guard let change = value as? [String: Any] else { continue }
            fields[column] = (databaseValue(change["old"]), databaseValue(change["new"]))
        }
        return MutationPayload(fields: fields, deletes: (root["delete"] as? Bool) ?? false)
    }

    /// The changes as the clerk reads them.
    var fieldChanges: [String: FieldChange] {
        fields.mapValues { FieldChange(old: Self.text($0.old), new: Self.text($0.new)) }
    }

    static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: return nil
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return text
        case .blob(let data): return data.base64EncodedString()
        }
    }

    private static func jsonValue(_ value: DatabaseValue) -> Any {
        switch value.storage {
        case .null: return NSNull()
        case .int64(let number): return number
        case .double(let number): return number
        case .string(let text): return text
        case .blob(let data): return data.base64EncodedString()
        }
    }

    private static func databaseValue(_ value: Any?) -> DatabaseValue {
        switch value {
        case let text as String: return text.databaseValue
        case let number as NSNumber:
            // Replayed columns are text and integers; a number with a fraction stays a real.
            let double = number.doubleValue
            if double.rounded() != double { return double.databaseValue }
            return number.int64Value.databaseValue
        default: return .null
        }
    }
}
