/// Sex as recorded in the national register (odd NISS sequence for men, even for women).
public enum Sex: String, Codable, Sendable, CaseIterable, Hashable {
    case male
    case female
}
