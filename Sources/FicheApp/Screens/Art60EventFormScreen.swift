import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

/// Ctrl+A on an art. 60 dossier: a dated event of the follow-up log (a placement starts, a
/// partner's evaluation, an unjustified absence…), about one placement or none, with a note of
/// facts (never health details). Recorded on the current contract.
public final class Art60EventFormScreen: RecordFormScreen {
    private let contract: Art60Contract
    /// The placements offered, after "none".
    private let placements: [Art60PlacementLine]

    enum Field: Int { case date, kind, placement, note }

    public init(dossierID: String, card: DossierCard, art60: Art60Card, contract: Art60Contract, _ environment: ScreenEnvironment) {
        let strings = environment.strings
        // Built in locals first: reading stored properties before super.init crashes the optimiser.
        let contractPlacements = art60.placements.filter { $0.placement.contractID == contract.id }
        let placementChoices = [strings["dossier.none"]]
            + contractPlacements.map { "\($0.partnerName) (\(strings.date($0.placement.start)))" }
        self.contract = contract
        self.placements = contractPlacements
        super.init(dossierID: dossierID, card: card, titleKey: "form.art60.title", fields: [
            FormField(label: strings["form.art60.date"], kind: .date, text: strings.date(environment.today), isRequired: true),
            FormField(label: strings["form.art60.kind"], kind: .choice(Art60EventKind.allCases.map { strings["art60.event.\($0.rawValue)"] }),
                      isRequired: true),
            FormField(label: strings["form.art60.placement"],
                      kind: .choice(placementChoices)),
            FormField(label: strings["form.art60.note"], kind: .text(maxLength: 200)),
        ])
    }

    override func prefill(_ values: [String: String], _ environment: ScreenEnvironment) {
        fillDate(Field.date.rawValue, values["date"])
        fillChoice(Field.kind.rawValue, Art60EventKind.allCases.firstIndex { $0.rawValue == values["kind"] })
        fillChoice(Field.placement.rawValue, placements.firstIndex { $0.placement.id == values["placement_id"] }.map { $0 + 1 })
        form.fields[Field.note.rawValue].text = values["note"] ?? ""
        form.focus = Field.date.rawValue
    }

    override func notes(_ environment: ScreenEnvironment) -> [String] {
        [environment.strings["form.art60.noteHint"]]
    }

    override func save(_ environment: ScreenEnvironment) -> ScreenResult {
        guard let day = date(Field.date.rawValue) else { return .handled }
        let kind = Art60EventKind.allCases[choiceIndex(Field.kind.rawValue)]
        let placementIndex = choiceIndex(Field.placement.rawValue) - 1
        let placementID = placements.indices.contains(placementIndex) ? placements[placementIndex].placement.id : nil
        do {
            try environment.database.recordArt60Event(contractID: contract.id, date: day, kind: kind, placementID: placementID,
                                                      note: form.fields[Field.note.rawValue].text, by: environment.user,
                                                      settling: correcting)
        } catch let violation as RuleViolation {
            return refuse(violation, field: nil, environment)
        } catch {
            return failed(error, environment)
        }
        let strings = environment.strings
        return .close(Toast(strings.format("form.art60.saved", ["kind": strings["art60.event.\(kind.rawValue)"],
                                                                "date": strings.date(day)]), kind: .success))
    }
}
