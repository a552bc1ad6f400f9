/// One field of a `Form`: its label (in the user's language), kind, current text and problem.
///
/// ```swift
/// var day = FormField(label: "Date", kind: .date, isRequired: true)
/// day.type("3")           // digits only; slashes are added as you type: "3"
/// day.check()             // sets problem = .invalidDate until the date is complete
/// ```
public struct FormField: Hashable, Sendable {
    public var label: String
    public var kind: FieldKind
    /// The value as typed (for a checkbox "1" or "", for a choice the chosen text).
    public var text: String
    public var isRequired: Bool
    /// The problem found by the last `check()` or set by the caller; shown under the field.
    public var problem: FieldProblem?

    public init(label: String, kind: FieldKind, text: String = "", isRequired: Bool = false) {
        self.label = label
        self.kind = kind
        self.text = text
        self.isRequired = isRequired
        if case .choice(let choices) = kind, text.isEmpty, let first = choices.first { self.text = first }
    }

    public var isChecked: Bool { text == "1" }

    /// Types one character, keeping only what the kind accepts (digits and `/` in a date…).
    public mutating func type(_ character: Character) {
        switch kind {
        case .text(let maxLength):
            if text.count < maxLength { text.append(character) }
        case .date:
            if (character.isASCII && character.isNumber) || character == "/", text.count < 10 { text.append(character) }
        case .time:
            if (character.isASCII && character.isNumber) || character == ":", text.count < 5 { text.append(character) }
        case .number:
            if character.isASCII && character.isNumber { text.append(character) }
            if character == "," || character == "." , !text.contains(",") { text.append(",") }
            if character == "-", text.isEmpty { text.append("-") }
        case .choice(let choices):
            if let match = choices.first(where: { $0.lowercased().hasPrefix(String(character).lowercased()) }) { text = match }
        case .checkbox:
            if character == " " || character == "x" { text = isChecked ? "" : "1" }
        }
    }

    /// Removes the last character typed (unchecks a checkbox).
    public mutating func deleteBackward() {
        switch kind {
        case .choice: break
        case .checkbox: text = ""
        default: if !text.isEmpty { text.removeLast() }
        }
    }

    /// Ctrl+U: empties a text, date, time or number field (a choice keeps its option).
    public mutating func clear() {
        if case .choice = kind { return }
        text = ""
    }

    /// Moves a choice to the next (`+1`) or previous (`-1`) option.
    public mutating func cycle(_ step: Int) {
        guard case .choice(let choices) = kind, !choices.isEmpty else { return }
        let current = choices.firstIndex(of: text) ?? 0
        text = choices[((current + step) % choices.count + choices.count) % choices.count]
    }

    /// Checks the value as typed and records the problem, if any.
    @discardableResult
    public mutating func check() -> FieldProblem? {
        problem = FormField.problem(with: text, kind: kind, isRequired: isRequired)
        return problem
    }

    /// The problem with `text` for a field of `kind`, nil when it can be saved.
    public static func problem(with text: String, kind: FieldKind, isRequired: Bool) -> FieldProblem? {
        if text.isEmpty { return isRequired && kind != .checkbox ? .required : nil }
        switch kind {
        case .text(let maxLength):
            return text.count > maxLength ? .tooLong : nil
        case .date:
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
                  let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
                  (1...12).contains(month), year >= 1900 else { return .invalidDate }
            return (1...daysIn(month: month, year: year)).contains(day) ? nil : .invalidDate
        case .time:
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
                  let hour = Int(parts[0]), let minute = Int(parts[1]),
                  (0...23).contains(hour), (0...59).contains(minute) else { return .invalidTime }
            return nil
        case .number(let decimals):
            let body = text.hasPrefix("-") ? String(text.dropFirst()) : text
            let parts = body.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }),
                  parts.count == 1 || (!parts[1].isEmpty && parts[1].count <= decimals) else { return .invalidNumber }
            return nil
        case .choice(let choices):
            return choices.contains(text) ? nil : .required
        case .checkbox:
            return nil
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
