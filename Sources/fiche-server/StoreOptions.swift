import ArgumentParser
import FicheServer
import Foundation

/// The store options every command takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("database-url"), help: "PostgreSQL URL (postgres://user:password@host:5432/db).")
    var databaseURL: String?

    @Option(name: .customLong("sqlite"), help: "SQLite file to use instead of PostgreSQL.")
    var sqlitePath: String?

    var location: StoreLocation { StoreLocation.resolve(databaseURL: databaseURL, sqlitePath: sqlitePath) }

    /// Reads `path` and imports it for `employer` with the import `make` gives for the store;
    /// prints its summary. A file that cannot be read is one line on stderr and exit status 1.
    func importFile<Import: SheetImport>(_ path: String, employer: String,
                                         _ make: @escaping (any ServerStore) -> Import) async throws
        where Import.Summary: CustomStringConvertible {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("fiche-server: error: cannot read \(path)\n".utf8))
            throw ExitCode(1)
        }
        try await withStore { store in
            print(try await make(store).run(file: data, employer: employer).description)
        }
    }

    /// Opens and migrates the store, runs `body`, closes the store. Errors become one line on
    /// stderr and exit status 1.
    func withStore(_ body: (any ServerStore) async throws -> Void) async throws {
        do {
            let store = try location.open()
            do {
                try await store.migrate()
                try await body(store)
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        } catch let error as DossierImport.Failure {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(1)
        } catch let error as ExitCode {
            throw error
        } catch {
            let text = String(describing: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            FileHandle.standardError.write(Data("fiche-server: error: \(text)\n".utf8))
            throw ExitCode(1)
        }
    }
}
