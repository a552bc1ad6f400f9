import FicheDomain

extension Strings {
    /// 24/11/2026 in every language (the Belgian administrative form).
    public func date(_ date: LocalDate) -> String { date.belgian }

    /// 12,5 in French and Dutch, 12.5 in English; `digits` after the separator, trailing zeros dropped.
    public func decimal(_ value: Double, digits: Int = 1) -> String {
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return language == .english ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    /// 1 234,56 € in French, € 1.234,56 in Dutch, €1,234.56 in English.
    public func money(cents: Int) -> String {
        let negative = cents < 0
        let groups = Self.thousands(abs(cents) / 100)
        let fraction = String(format: "%02d", abs(cents) % 100)
        let sign = negative ? "-" : ""
        switch language {
        case .french: return sign + groups.joined(separator: " ") + "," + fraction + " €"
        case .dutch: return "€ " + sign + groups.joined(separator: ".") + "," + fraction
        case .english: return sign + "€" + groups.joined(separator: ",") + "." + fraction
        }
    }

    /// 100 000 in French, 100.000 in Dutch, 100,000 in English.
    public func count(_ value: Int) -> String {
        let separator = switch language {
        case .french: " "
        case .dutch: "."
        case .english: ","
        }
        return (value < 0 ? "-" : "") + Self.thousands(abs(value)).joined(separator: separator)
    }

    /// The initial sync's progress line (`fiche demo`, `fiche sync`): `copie initiale ▕████      ▏
    /// 12 400 lignes · 48 000 lignes/s · prestations`; the table by what it holds, never by its
    /// name in the database.
    public func initialSyncLine(rows: Int, rate: Double, pages: Int, table: String, secondsLeft: Double?, done: Bool,
                                width: Int = 20) -> String {
        let filled = done ? width : min(width - 1, pages % (width + 1))
        let blocks = String(repeating: "█", count: filled) + String(repeating: " ", count: max(0, width - filled))
        var text = format("sync.progress", ["bar": blocks, "rows": count(rows), "rate": count(Int(rate))])
        let key = "sync.table." + table
        if self[key] != key { text += " · " + self[key] }
        if let secondsLeft { text += " · " + format("sync.progress.left", ["seconds": "\(Int(secondsLeft))"]) }
        if done { text += " · " + self["sync.progress.done"] }
        return text
    }

    /// The groups of three digits of a whole number, most significant first.
    private static func thousands(_ whole: Int) -> [String] {
        var groups: [String] = []
        var rest = whole
        repeat {
            let group = rest % 1000
            rest /= 1000
            groups.insert(rest > 0 ? String(format: "%03d", group) : String(group), at: 0)
        } while rest > 0
        return groups
    }

    /// "3 j" / "3 d": an age in days for queue items.
    public func days(_ count: Int) -> String { format("unit.days", ["count": "\(count)"]) }

    /// Minutes as hours: 7:36, -0:30.
    public func hours(minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : ""
        return "\(sign)\(abs(minutes) / 60):" + String(format: "%02d", abs(minutes) % 60)
    }
}
