import FicheSyncProtocol
import Foundation

/// The checked-in OpenAPI 3 document (`Resources/openapi.json`), served at `/openapi.json`.
///
/// The time-record entry's properties follow the wire type (`RecordTimeRecord.wireKeys`): a
/// field added there is stated in the served document even before `openapi.json` describes it
/// (its type and bounds are written there by hand), and a field gone from it is no longer stated.
/// The mutation names are `Mutation.names`, the ones the server decodes (`naming(_:in:)`); each
/// payload's schema, with the bounds of its texts, is written in the file.
public enum OpenAPIDocument {
    public static let data: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "openapi", withExtension: "json"),
              // try?: the document ships in the bundle (checked by the server tests); it is read, never written.
              let data = try? Data(contentsOf: url)
        else { return Data("{}".utf8) }
        return naming(Mutation.names, in: stating(RecordTimeRecord.wireKeys, of: "RecordTimeRecord", in: data))
    }()

    /// `document` with the `Mutation` schema's `name` enumeration made exactly `names`. A document
    /// that does not read as JSON, or has no such schema, is returned as it is.
    public static func naming(_ names: [String], in document: Data) -> Data {
        guard var root = (try? JSONSerialization.jsonObject(with: document)) as? [String: Any],   // try?: an unreadable document is served as it is
              var components = root["components"] as? [String: Any],
              var schemas = components["schemas"] as? [String: Any],
              var mutation = schemas["Mutation"] as? [String: Any],
              var properties = mutation["properties"] as? [String: Any],
              var name = properties["name"] as? [String: Any] else { return document }
        name["enum"] = names
        properties["name"] = name
        mutation["properties"] = properties
        schemas["Mutation"] = mutation
        components["schemas"] = schemas
        root["components"] = components
        // try?: the values were read from JSON a moment ago; if they could not be written back, the file is served.
        return (try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys])) ?? document
    }

    /// `document` with the properties of `schema` made exactly `keys`: those it lacks are added
    /// without a type (any value), those it has beyond them are dropped. A document that does not
    /// read as JSON, or has no such schema, is returned as it is.
    public static func stating(_ keys: [String], of schema: String, in document: Data) -> Data {
        guard var root = (try? JSONSerialization.jsonObject(with: document)) as? [String: Any],   // try?: an unreadable document is served as it is
              var components = root["components"] as? [String: Any],
              var schemas = components["schemas"] as? [String: Any],
              var entry = schemas[schema] as? [String: Any] else { return document }
        let stated = entry["properties"] as? [String: Any] ?? [:]
        var properties: [String: Any] = [:]
        for key in keys {
            properties[key] = stated[key] ?? ["description": "Carried by the entry (see docs/SYNC.md); not described here yet."]
        }
        entry["properties"] = properties
        if let required = entry["required"] as? [String] { entry["required"] = required.filter(keys.contains) }
        schemas[schema] = entry
        components["schemas"] = schemas
        root["components"] = components
        // try?: the values were read from JSON a moment ago; if they could not be written back, the file is served.
        return (try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys])) ?? document
    }
}
