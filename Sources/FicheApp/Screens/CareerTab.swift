import FicheDomain
import FicheTerminal
import FicheWidgets

/// The career tab: every period of the dossier, oldest first, with its grade, scale, working
/// time and category.
struct CareerTab {
    let career: [CareerPeriod]
    /// The first period shown when they do not all fit.
    var top = 0

    /// - Returns: the periods shown, nil when there are none.
    @discardableResult
    func render(into buffer: inout CellBuffer, rect: Rect, _ environment: ScreenEnvironment) -> ScrollWindow? {
        let strings = environment.strings
        guard !career.isEmpty else {
            buffer.write(strings["dossier.career.empty"], x: rect.x, y: rect.y + 1, role: .dim, maxWidth: rect.width)
            return nil
        }
        let table = Table(
            columns: [
                TableColumn(title: strings["dossier.career.from"], minimumWidth: 10),
                TableColumn(title: strings["dossier.career.to"], minimumWidth: 10),
                TableColumn(title: strings["dossier.career.grade"], minimumWidth: 12, weight: 2),
                TableColumn(title: strings["dossier.career.scale"], minimumWidth: 7, weight: 1),
                TableColumn(title: strings["dossier.career.regime"], minimumWidth: 7, alignRight: true),
                TableColumn(title: strings["dossier.career.category"], minimumWidth: 11, weight: 1),
            ],
            rows: career.map { period in
                [strings.date(period.start), period.end.map(strings.date) ?? strings["dossier.career.ongoing"],
                 period.grade, period.scale, strings.decimal(period.regime.fraction * 100) + " %",
                 strings["category.\(period.category.rawValue)"]]
            },
            selectedRow: nil)
        return table.render(into: &buffer, rect: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1), top: top)
    }
}
