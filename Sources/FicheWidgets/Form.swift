import FicheTerminal

/// An entry form: one field per line with its label, the focused one highlighted, and each
/// field's problem written under it in words the caller gives (so nothing typed is lost on a
/// failed save: the form keeps its text and only shows what to fix). The focused field takes the
/// buffer's cursor, after its text; in plain glyphs its label starts with `>`.
///
/// ```swift
/// var form = Form(fields: [FormField(label: "Du", kind: .date, isRequired: true)])
/// form.type("x")                                      // typed into the focused field
/// let ok = form.checkAll()                            // false: the field is empty
/// form.render(into: &buffer, rect: body) { problem in strings.describe(problem) }
/// ```
public struct Form: Hashable, Sendable {
    public var fields: [FormField]
    public var focus: Int

    public init(fields: [FormField], focus: Int = 0) {
        self.fields = fields
        self.focus = max(0, min(focus, fields.count - 1))
    }

    public mutating func focusNext() { if !fields.isEmpty { focus = (focus + 1) % fields.count } }
    public mutating func focusPrevious() { if !fields.isEmpty { focus = (focus - 1 + fields.count) % fields.count } }

    /// Types into the focused field.
    public mutating func type(_ text: String) {
        guard fields.indices.contains(focus) else { return }
        for character in text { fields[focus].type(character) }
    }

    public mutating func deleteBackward() {
        if fields.indices.contains(focus) { fields[focus].deleteBackward() }
    }

    /// Ctrl+U on the focused field.
    public mutating func clearField() {
        if fields.indices.contains(focus) { fields[focus].clear() }
    }

    /// Checks every field; focuses the first with a problem. Returns whether all can be saved.
    public mutating func checkAll() -> Bool {
        for index in fields.indices { fields[index].check() }
        if let first = fields.firstIndex(where: { $0.problem != nil }) {
            focus = first
            return false
        }
        return true
    }

    /// Draws the fields from the top of `rect`: label, value box, and the problem under it.
    /// - Parameter describe: the words for a problem, in the user's language.
    public func render(into buffer: inout CellBuffer, rect: Rect, describe: (FieldProblem) -> String) {
        let sign = buffer.glyphs.selectedRow
        let signWidth = sign.isEmpty ? 0 : DisplayWidth.of(sign) + 1
        let labelWidth = min(max(0, rect.width / 3), (fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2 + signWidth)
        let boxWidth = max(1, min(rect.width - labelWidth - 1, 40))
        var y = rect.y
        for (index, field) in fields.enumerated() {
            guard y < rect.maxY else { break }
            let focused = index == focus
            let lead = signWidth == 0 ? "" : (focused ? sign + " " : String(repeating: " ", count: signWidth))
            buffer.write(lead + field.label + (field.isRequired ? " *" : ""), x: rect.x, y: y,
                         role: field.problem != nil ? .error : .normal, maxWidth: labelWidth)
            let role: StyleRole = field.problem != nil ? .fieldInvalid : (focused ? .fieldFocused : .field)
            let box = Rect(x: rect.x + labelWidth + 1, y: y, width: boxWidth, height: 1)
            let shown = display(field, focused: focused, caret: buffer.glyphs.caret)
            buffer.write(shown, in: box, role: role)
            if focused {
                // On the caret: after the text typed, on the first letter of a choice.
                let offset: Int
                switch field.kind {
                case .choice: offset = 2
                case .checkbox: offset = 1
                default: offset = DisplayWidth.of(field.text)
                }
                buffer.placeCursor(x: box.x + min(offset, boxWidth - 1), y: y)
            }
            y += 1
            if let problem = field.problem, y < rect.maxY {
                buffer.write("✖ " + describe(problem), x: box.x, y: y, role: .error, maxWidth: rect.maxX - box.x)
                y += 1
            }
        }
    }

    private func display(_ field: FormField, focused: Bool, caret: String) -> String {
        switch field.kind {
        case .checkbox: return field.isChecked ? "[x]" : "[ ]"
        case .choice: return "‹ " + field.text + " ›"
        case .date where field.text.isEmpty && !focused: return "__/__/____"
        default: return field.text + (focused ? caret : "")
        }
    }
}
