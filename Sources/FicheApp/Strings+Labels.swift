import FicheDomain

extension Strings {
    /// The language of rule data (absence types, holidays) matching the interface's.
    public var ruleLanguage: FicheDomain.Language {
        switch language {
        case .french: return .fr
        case .dutch: return .nl
        case .english: return .en
        }
    }

    /// What a time record is, in words: its absence type's label ("Congé annuel"), else its kind ("Pointage").
    public func recordLabel(_ record: TimeRecord, catalogue: AbsenceCatalogue) -> String {
        if let code = record.typeCode, let type = catalogue.type(code) { return type.labels.text(in: ruleLanguage) }
        return self["record.kind.\(record.kind.rawValue)"]
    }
}
