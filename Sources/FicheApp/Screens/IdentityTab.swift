import FicheDomain
import FicheReplica
import FicheTerminal
import FicheWidgets

/// The identity tab: who the person is and where the dossier stands. The NISS and IBAN stay
/// masked until F6, and even then only what the user's rights allow shows in full.
struct IdentityTab {
    let card: DossierCard
    let isRevealed: Bool

    /// Label and value of every line, in reading order.
    func lines(_ environment: ScreenEnvironment) -> [(label: String, value: String)] {
        let strings = environment.strings
        let person = card.person, dossier = card.dossier
        let rights = environment.rights
        func userName(_ id: String?) -> String {
            guard let id else { return strings["dossier.none"] }
            // try?: only a display name; when it cannot be read the user's id shows instead, nothing is hidden.
            return ((try? environment.database.user(id: id)) ?? nil)?.displayName ?? id
        }
        // A value withheld by the server shows as it was sent, masked, revealed or not.
        let niss = person.niss.map { isRevealed ? rights.nissText($0, at: dossier.employerCode) : $0.masked }
            ?? person.maskedNISS ?? strings["dossier.none"]
        let iban = person.iban.map { isRevealed ? rights.ibanText($0, at: dossier.employerCode) : $0.masked }
            ?? person.maskedIBAN
        let address = person.address.map { address in
            "\(address.street) \(address.number)" + (address.box.map { " " + strings.format("dossier.identity.box", ["box": $0]) } ?? "")
                + ", \(address.postalCode) \(address.city)"
        }
        let employerName = strings.language == .dutch ? card.employer.nameNL : card.employer.nameFR
        return [
            (strings["dossier.identity.name"], person.sortName),
            (strings["dossier.identity.number"], dossier.number),
            (strings["dossier.identity.employer"], "\(dossier.employerCode) · \(employerName)"),
            (strings["dossier.identity.category"], strings["category.\(dossier.category.rawValue)"]),
            (strings["dossier.identity.status"], strings["status.\(dossier.status.rawValue)"]),
            (strings["dossier.identity.start"], strings.date(dossier.startDate)),
            (strings["dossier.identity.clerk"], userName(dossier.payrollClerkID)),
            (strings["dossier.identity.timeManager"], userName(dossier.timeManagerID)),
            (strings["dossier.identity.birthDate"], strings.date(person.birthDate)),
            (strings["dossier.identity.sex"], strings["value.\(person.sex.rawValue)"]),
            (strings["dossier.identity.language"], strings["dossier.language.\(person.language.rawValue)"]),
            (strings["dossier.identity.address"], address ?? strings["dossier.none"]),
            (strings["dossier.identity.niss"], niss),
            (strings["dossier.identity.iban"], iban ?? strings["dossier.none"]),
        ] + ibanChange(environment, userName: userName)
    }

    /// The new IBAN waiting for a second person, who asked, and the keys that confirm or refuse it.
    private func ibanChange(_ environment: ScreenEnvironment, userName: (String?) -> String) -> [(label: String, value: String)] {
        guard let change = card.ibanChange else { return [] }
        let strings = environment.strings
        let employer = card.dossier.employerCode
        // try?: "is this an IBAN?"; a value the server masked shows as it came.
        let shown = (try? IBAN(change.iban)).map { isRevealed ? environment.rights.ibanText($0, at: employer) : $0.masked }
            ?? change.iban
        return [
            (strings["dossier.identity.ibanChange"], strings.format("dossier.identity.ibanChangeValue", [
                "iban": shown, "user": userName(change.requestedBy)])),
            ("", strings.format("dossier.identity.ibanChangeKeys", [
                "confirm": environment.keyNames("detail.confirmIBAN", in: .detail),
                "refuse": environment.keyNames("record.delete", in: .detail)])),
        ]
    }

    func render(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) {
        let lines = lines(environment)
        let wide = rect.width >= 100
        let perColumn = wide ? (lines.count + 1) / 2 : lines.count
        let columnWidth = wide ? rect.width / 2 : rect.width
        let labelWidth = min(columnWidth / 2, (lines.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2)
        for (index, line) in lines.enumerated() {
            let column = index / perColumn, row = index % perColumn
            let x = rect.x + column * columnWidth, y = rect.y + 1 + row
            guard y < rect.maxY - 2 else { continue }
            buffer.write(line.label, x: x, y: y, role: .dim, maxWidth: labelWidth)
            buffer.write(line.value, x: x + labelWidth, y: y, role: .normal, maxWidth: columnWidth - labelWidth - 1)
        }
        let strings = environment.strings
        let hint = isRevealed
            ? strings["dossier.identity.revealed"]
            : strings.format("dossier.identity.masked", ["key": environment.keyNames("detail.reveal", in: .detail)])
        buffer.write(hint, x: rect.x, y: min(rect.maxY - 1, rect.y + perColumn + 2), role: .dim, maxWidth: rect.width)
    }
}
