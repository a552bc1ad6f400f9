/// Why `fiche demo` cannot join or serve the demo server of a data folder. `fiche` says it in
/// the user's language; `description` is the English sentence for logs and tests.
public enum DemoServerProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--reset` while another `fiche demo` serves the folder.
    case servedElsewhere(folder: String, pid: Int32)
    /// The store cannot be opened (not SQLite, damaged, unreadable); it is left untouched.
    case storeUnreadable(path: String, detail: String)
    /// Another size or seed than the store holds, without `--reset`.
    case holdsAnotherDemo(folder: String, dossiers: Int, seed: UInt64)
    /// No port on 127.0.0.1 could be taken.
    case cannotListen(detail: String?)
    /// The file naming the running server's address cannot be written.
    case cannotWriteAddress(path: String)
    /// The folder's lock file cannot be opened or taken.
    case cannotLock(path: String)

    public var description: String {
        switch self {
        case .servedElsewhere(let folder, let pid):
            return "a demo server for \(folder) runs in process \(pid); quit that fiche demo before --reset"
        case .storeUnreadable(let path, let detail):
            return "\(path): cannot open the demo server's store (\(detail))"
        case .holdsAnotherDemo(let folder, let dossiers, let seed):
            return "\(folder) holds a demo of \(dossiers) dossiers (seed \(seed)); another data set would replace it and lose "
                + "every entry made in it: add --reset to do so, or choose another --data-dir"
        case .cannotListen(let detail):
            return "the demo server could not listen on 127.0.0.1" + (detail.map { " (\($0))" } ?? "")
        case .cannotWriteAddress(let path):
            return "\(path): cannot write the demo server's address"
        case .cannotLock(let path):
            return "\(path): cannot take the lock"
        }
    }
}
