import FicheTerminal
import FicheTestSupport
import FicheWidgets
import XCTest

/// Each widget drawn at 80×24 and 120×40, compared with its snapshot (text and roles).
final class WidgetSnapshotTests: XCTestCase {
    private let columns = [
        TableColumn(title: "Nom", minimumWidth: 22, weight: 3),
        TableColumn(title: "N° dossier", minimumWidth: 10),
        TableColumn(title: "Statut", minimumWidth: 12, weight: 1),
    ]
    private var rows: [TableRow] {
        [
            TableRow(["Van den Bossche, É.", "AC-000012", "en attente"], status: .pending),
            TableRow(["Peeters, Jan", "AC-000007", "validé"], status: .validated, isMarked: true),
            TableRow(["Aït Ouali, Naïma", "CP-000061", "rejeté"], status: .rejected),
            TableRow(["Ben Saïd, Zoë", "AC-000186", "conflit"], status: .conflict, isMarked: true),
            TableRow(["Lambert, François", "CP-000151", ""]),
        ]
    }

    private func frame(_ width: Int, _ height: Int) -> CellBuffer {
        var buffer = CellBuffer(size: Size(width: width, height: height))
        StatusLine(breadcrumb: Breadcrumb(["Fiche", "Dossiers", "Van den Bossche, É.", "Absences"]),
                   context: "CPAS d'Ixelles · demo",
                   badge: SyncBadge(isOnline: false, text: "hors ligne · 3 en attente · 1 conflit"))
            .render(into: &buffer, rect: buffer.bounds.line(0))
        KeyHintBar(hints: [KeyHint(key: "F1", label: "Aide"), KeyHint(key: "F2", label: "Enregistrer"),
                           KeyHint(key: "F10", label: "Quitter")])
            .render(into: &buffer, rect: buffer.bounds.line(height - 1))
        return buffer
    }

    func testTableWithSortMarksAndStatusGlyphs() {
        for (width, height) in [(80, 24), (120, 40)] {
            var buffer = frame(width, height)
            Table(columns: columns, rows: rows, selectedRow: 2, sort: TableSort(column: 0, ascending: false))
                .render(into: &buffer, rect: Rect(x: 0, y: 1, width: width, height: height - 3))
            Toast("3 dossiers marqués", kind: .success).render(into: &buffer, rect: buffer.bounds.line(height - 2))
            assertScreen(buffer, named: "table-\(width)x\(height)")
            XCTAssertTrue(buffer.text().contains("Nom ▼"), "the sorted column shows its direction")
        }
    }

    func testFormShowsEachProblemUnderItsField() {
        var form = Form(fields: [
            FormField(label: "Type d'absence", kind: .choice(["Congé annuel", "Maladie", "Formation"])),
            FormField(label: "Du", kind: .date, text: "31/02/2026", isRequired: true),
            FormField(label: "Au", kind: .date, isRequired: true),
            FormField(label: "Heure", kind: .time, text: "8:5"),
            FormField(label: "Jours", kind: .number(decimals: 1), text: "1,5"),
            FormField(label: "Certificat reçu", kind: .checkbox, text: "1"),
            FormField(label: "Remarque", kind: .text(maxLength: 200), text: "Écrit à la main"),
        ])
        XCTAssertFalse(form.checkAll())
        XCTAssertEqual(form.focus, 1, "the first field with a problem gets the focus")
        let words: (FieldProblem) -> String = { problem in
            switch problem {
            case .required: return "obligatoire"
            case .invalidDate: return "date jj/mm/aaaa inexistante"
            case .invalidTime: return "heure hh:mm"
            case .invalidNumber: return "nombre avec virgule"
            case .tooLong: return "trop long"
            case .rule(let message): return message
            }
        }
        for (width, height) in [(80, 24), (120, 40)] {
            var buffer = frame(width, height)
            form.render(into: &buffer, rect: Rect(x: 2, y: 2, width: width - 4, height: height - 4), describe: words)
            assertScreen(buffer, named: "form-\(width)x\(height)")
        }
    }

    func testConfirmAndReasonDialogs() {
        var buffer = frame(80, 24)
        ConfirmDialog(title: "Supprimer l'absence ?",
                      message: "L'absence du 03/03/2026 au 05/03/2026 de Van den Bossche, É. sera supprimée.",
                      hints: [KeyHint(key: "Enter", label: "Supprimer"), KeyHint(key: "Esc", label: "Annuler")])
            .render(into: &buffer, area: buffer.bounds)
        assertScreen(buffer, named: "confirm-dialog-80x24")

        var reason = ReasonDialog(title: "Rejeter 2 pointages", prompt: "Motif du rejet :",
                                  problem: "Le motif est obligatoire.",
                                  hints: [KeyHint(key: "Enter", label: "Rejeter"), KeyHint(key: "Esc", label: "Annuler")])
        var large = frame(120, 40)
        reason.render(into: &large, area: large.bounds)
        assertScreen(large, named: "reason-dialog-120x40")
        reason.type("Heures non prestées")
        reason.problem = nil
        var after = frame(120, 40)
        reason.render(into: &after, area: after.bounds)
        XCTAssertTrue(after.text().contains("Heures non prestées"))
        XCTAssertFalse(after.text().contains("obligatoire"))
    }

    func testChartsAtBothSizes() {
        for (width, height) in [(80, 24), (120, 40)] {
            var buffer = frame(width, height)
            BarChart(bars: [
                .init(label: "Dubois, C.", value: 212, valueText: "212"),
                .init(label: "Mertens, H.", value: 188, valueText: "188"),
                .init(label: "Claes, A.", value: 251, valueText: "251 ⚠", isHighlighted: true),
                .init(label: "Wouters, S.", value: 40, valueText: "40"),
            ]).render(into: &buffer, rect: Rect(x: 1, y: 2, width: width - 2, height: 4))
            Sparkline(values: [3, 5, 2, 8, 13, 8, 5, 3, 2, 1, 0, 4]).render(into: &buffer, rect: Rect(x: 1, y: 7, width: 12, height: 1))
            CalendarHeatmap(year: 2026, month: 3, values: [2: 1, 3: 4, 4: 8, 5: 8, 16: 2, 31: 6],
                            weekdayNames: ["lu", "ma", "me", "je", "ve", "sa", "di"])
                .render(into: &buffer, rect: Rect(x: 1, y: 9, width: CalendarHeatmap.width, height: 7))
            assertScreen(buffer, named: "charts-\(width)x\(height)")
        }
    }

    func testHelpOverlayListsTheKeysOfTheKeymap() throws {
        let keymap = try KeymapCatalog(locations: ConfigLocations.standard(environment: [:])).keymap(named: "default")
        let entries = HelpEntry.entries(registry: .standard, keymap: keymap, context: .list) { $0.summary }
        var buffer = frame(80, 24)
        HelpOverlay(title: "Aide", entries: entries).render(into: &buffer, area: buffer.bounds)
        assertScreen(buffer, named: "help-overlay-80x24")
        XCTAssertTrue(buffer.text().contains("F3 /"), "search shows both its keys")
    }
}
