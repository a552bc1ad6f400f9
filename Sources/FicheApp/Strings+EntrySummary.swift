import FicheDomain
import FicheReplica

extension Strings {
    /// "Congé annuel 04/01/2027–08/01/2027 matin", "Pointage 04/01/2027 08:00–12:00": an entry
    /// from its stored columns (`type_code`, `start`, `start_minute`…; only the ones given, as a
    /// correction's history holds only what changed).
    public func entrySummary(_ values: [String: String], catalogue: AbsenceCatalogue) -> String {
        let dates = [values["start"], values["end"]].compactMap { $0 }
            // try?: "is this a date?"; the line then names the entry without its dates.
            .compactMap { try? LocalDate.parse($0) }.map(date)
        let range = dates.count == 2 && dates[0] == dates[1] ? dates[0] : dates.joined(separator: "–")
        var parts: [String] = []
        if let type = values["type_code"] {
            parts.append(absenceLabel(type, in: catalogue))
        } else if values["kind"] == TimeRecordKind.clocking.rawValue {
            parts.append(self["dossier.time.clocking"])
        }
        if !range.isEmpty { parts.append(range) }
        if let part = values["day_part"], part != DayPart.full.rawValue { parts.append(self["dayPart.\(part)"]) }
        let times = [values["start_minute"], values["end_minute"]].compactMap { $0.flatMap { Int($0) } }
        if times.count == 2 { parts.append(hours(minutes: times[0]) + "–" + hours(minutes: times[1])) }
        if let minutes = values["minutes"].flatMap({ Int($0) }) {
            parts.append(format("unit.hours", ["hours": hours(minutes: minutes)]))
        }
        if values["certificate_received"] == "1" { parts.append(self["history.certificate"]) }
        return parts.isEmpty ? self["dossier.time.clocking"] : parts.joined(separator: " ")
    }

    /// An entry in words, as `entrySummary` says it.
    public func entrySummary(_ record: TimeRecord, catalogue: AbsenceCatalogue) -> String {
        entrySummary(record.storedValues, catalogue: catalogue)
    }
}
