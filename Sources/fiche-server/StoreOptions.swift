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

    /// The largest file an import reads.
    static let maximumFileBytes = 256_000_000

    /// Reads `path` and imports it for `employer` with the import `make` gives for the store;
    /// prints its summary. A file that cannot be read is one line on stderr and exit status 1.
    func importFile<Import: SheetImport>(_ path: String, employer: String,
                                         _ make: @escaping (any ServerStore) -> Import) async throws
        where Import.Summary: CustomStringConvertible {
        // A file far beyond any office's history is refused before it is read into memory.
        // try?: a file whose size cannot be read is refused as unreadable just below, or read as it is.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > Self.maximumFileBytes {
            FileHandle.standardError.write(Data(("fiche-server: error: \(path) is \(size / 1_000_000) MB; an import reads "
                + "at most \(Self.maximumFileBytes / 1_000_000) MB: split it and import each part\n").utf8))
            throw ExitCode(1)
        }
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
