import Foundation

/// The checked-in OpenAPI 3 document (`Resources/openapi.json`), served at `/openapi.json`.
enum OpenAPIDocument {
    static let data: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "openapi", withExtension: "json"),
              // try?: the document ships in the bundle (checked by the server tests); it is read, never written.
              let data = try? Data(contentsOf: url)
        else { return Data("{}".utf8) }
        return data
    }()
}
