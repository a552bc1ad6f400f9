/// Why a `schedule` cell of a dossier import cannot be read, as the line error says it.
struct ScheduleCellError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
