import FicheTerminal
import FicheWidgets
import Foundation
import XCTest

final class WidgetBehaviourTests: XCTestCase {
    /// Counts which rows the table asks for.
    private final class CountingSource: TableRowSource {
        let rowCount = 1_000_000
        var asked: [Int] = []
        func row(at index: Int) -> TableRow {
            asked.append(index)
            return TableRow(["row \(index)"])
        }
    }

    func testTheTableAsksOnlyForTheRowsOnScreen() {
        let source = CountingSource()
        let table = Table(columns: [TableColumn(title: "Nom", minimumWidth: 10, weight: 1)], source: source,
                          top: 500_000, height: 21, selectedIndex: 500_003)
        XCTAssertEqual(source.asked, Array(500_000..<500_020))
        XCTAssertEqual(table.selectedRow, 3)
    }

    func testScrollingOneLineWritesOnlyTheCellsThatChanged() {
        let size = Size(width: 200, height: 60)
        let source = RenderBenchmark.SyntheticDossiers(count: 1000)
        let before = RenderBenchmark.screen(size: size, source: source, top: 0, selected: 56)
        let after = RenderBenchmark.screen(size: size, source: source, top: 1, selected: 57)
        let changed = BufferDiff.changedCells(from: before, to: after)
        let differing = (0..<after.cells.count).filter { !after.cells[$0].isContinuation && after.cells[$0] != before.cells[$0] }
        XCTAssertEqual(changed, differing)
        XCTAssertFalse(changed.contains { $0 < 2 * size.width }, "the status line and column titles are not rewritten")
        XCTAssertFalse(changed.contains { $0 >= (size.height - 1) * size.width }, "nor the key-hint bar")
        XCTAssertLessThan(changed.count, size.width * size.height)
        XCTAssertEqual(BufferDiff.changedCells(from: after, to: after), [], "an unchanged screen writes nothing")
    }

    func testMonthNumbersNeverRunIntoEachOther() {
        let values: [Double] = [0, 2, 5.5, 12, 0, 7.5, 0, 0, 0, 0, 0, 0]
        let strip = MonthStrip(initials: "J F M A M J J A S O N D".split(separator: " ").map(String.init), values: values,
                               valueTexts: values.map { $0 == $0.rounded() ? "\(Int($0))" : "\(Int($0)),5" })
        var buffer = CellBuffer(size: Size(width: 36, height: 3))
        strip.render(into: &buffer, rect: Rect(x: 0, y: 0, width: 36, height: 3))
        let numbers = buffer.text().split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertEqual(numbers.split(separator: " "), ["2", "5½", "12", "7,5"],
                       "a half before another number is written 5½; with room after it, 7,5: \(numbers)")
    }

    func testFieldsAcceptWhatTheirKindAllowsAndExplainTheRest() {
        var date = FormField(label: "Du", kind: .date, isRequired: true)
        for c in "3a1/12/2025" { date.type(c) }
        XCTAssertEqual(date.text, "31/12/2025")
        XCTAssertNil(date.check())
        XCTAssertEqual(FormField.problem(with: "29/02/2025", kind: .date, isRequired: false), .invalidDate)
        XCTAssertNil(FormField.problem(with: "29/02/2028", kind: .date, isRequired: false))
        var hours = FormField(label: "Heures", kind: .number(decimals: 2))
        for c in "7.6" { hours.type(c) }
        XCTAssertEqual(hours.text, "7,6", "a point typed becomes the decimal comma")
        XCTAssertEqual(FormField.problem(with: "7,666", kind: .number(decimals: 2), isRequired: false), .invalidNumber)
        XCTAssertEqual(FormField.problem(with: "24:00", kind: .time, isRequired: false), .invalidTime)
        var choice = FormField(label: "Type", kind: .choice(["Congé", "Maladie"]))
        choice.cycle(1)
        XCTAssertEqual(choice.text, "Maladie")
        choice.cycle(1)
        XCTAssertEqual(choice.text, "Congé")
        var box = FormField(label: "Certificat", kind: .checkbox)
        box.type(" ")
        XCTAssertTrue(box.isChecked)
    }

    func testBreadcrumbKeepsTheCurrentPlaceWhenShort() {
        let crumb = Breadcrumb(["Dossiers", "Van den Bossche, Éloïse", "Absences"])
        XCTAssertEqual(crumb.text(width: 80), "Dossiers › Van den Bossche, Éloïse › Absences")
        XCTAssertEqual(crumb.text(width: 38), "… › Van den Bossche, Éloïse › Absences")
    }

    func testChartsScaleToTheirWidth() {
        XCTAssertEqual(BarChart.bar(value: 50, maximum: 100, width: 10), "█████")
        XCTAssertEqual(BarChart.bar(value: 100, maximum: 100, width: 4), "████")
        XCTAssertEqual(Sparkline(values: [0, 7, 14]).text(width: 10), "▁▅█")
        XCTAssertEqual(CalendarHeatmap(year: 2026, month: 3, values: [:], weekdayNames: []).firstWeekday, 6, "1 March 2026 is a Sunday")
    }

    func testStatusIsNeverColourAlone() {
        for status in [RowStatus.pending, .conflict, .validated, .rejected] {
            XCTAssertNotEqual(status.glyph, " ", "\(status) has a glyph")
        }
        XCTAssertNotEqual(SyncBadge(isOnline: true, text: "").glyph, SyncBadge(isOnline: false, text: "").glyph)
    }

    func testCtrlUEmptiesATypedFieldButKeepsAChoice() {
        var form = Form(fields: [FormField(label: "Du", kind: .date, text: "23/03/2026"),
                                 FormField(label: "Type", kind: .choice(["Congé", "Maladie"]), text: "Maladie")])
        form.clearField()
        XCTAssertEqual(form.fields[0].text, "")
        form.focusNext()
        form.clearField()
        XCTAssertEqual(form.fields[1].text, "Maladie")
    }

    func testALongMessageBreaksBetweenWordsAndAWordLongerThanALineIsBrokenNotCut() {
        XCTAssertEqual(TextWrap.lines("Règle des quatre yeux : vous ne pouvez pas valider", width: 20),
                       ["Règle des quatre", "yeux : vous ne", "pouvez pas valider"])
        XCTAssertEqual(TextWrap.lines("écrit /proc/fiche-no-such-folder", width: 10), ["écrit /pro", "c/fiche-no", "-such-fold", "er"])
        XCTAssertEqual(TextWrap.lines("", width: 10), [""])
        XCTAssertEqual(TextWrap.lines("日本語の文", width: 4), ["日本", "語の", "文"])
        let long = String(repeating: "dossier ", count: 30)
        let lines = TextWrap.lines(long, width: 17)
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 17 }, "\(lines)")
        XCTAssertEqual(lines.joined(separator: " "), long.trimmingCharacters(in: .whitespaces), "nothing is lost")
        let toast = Toast("Export failed: cannot write /proc/fiche-no-such-folder/dossiers.csv", kind: .error)
        XCTAssertEqual(toast.lines(width: 30), [" ✖ Export failed: cannot", "   write /proc/fiche-no-such-",
                                               "   folder/dossiers.csv"])
    }
}
