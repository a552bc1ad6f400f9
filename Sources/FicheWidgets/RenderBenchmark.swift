import FicheTerminal

/// Times what a keypress costs on screen, without a terminal: drawing a full screen of the
/// table into a cell buffer and computing the cells to flush. `fiche-bench` prints it.
///
/// ```swift
/// for result in RenderBenchmark.run() { print(result) }
/// ```
public enum RenderBenchmark {
    /// One measured case: the median and worst time of its runs and the cells it would write.
    public struct Result: Sendable, CustomStringConvertible {
        public var name: String
        public var runs: Int
        public var medianMilliseconds: Double
        public var worstMilliseconds: Double
        public var cellsWritten: Int

        public var description: String {
            func ms(_ value: Double) -> String { String(Int((value * 1000).rounded())) + " µs" }
            return "\(name): median \(ms(medianMilliseconds)), worst \(ms(worstMilliseconds)) over \(runs) runs, \(cellsWritten) cells written"
        }
    }

    /// A synthetic list of `count` dossiers with names, numbers, employers and statuses.
    public struct SyntheticDossiers: TableRowSource, Sendable {
        public let rowCount: Int
        public init(count: Int) { rowCount = count }

        public func row(at index: Int) -> TableRow {
            let surnames = ["Van den Bossche", "Peeters", "Janssens", "Aït Ouali", "Dubois", "Lambert", "Ben Saïd", "Maes"]
            let names = ["Éloïse", "Jan", "Naïma", "Loïc", "Zoë", "François", "Griet", "Maël"]
            let statuses: [RowStatus] = [.none, .none, .none, .pending, .validated, .none, .conflict, .rejected]
            return TableRow([
                "\(surnames[index % 8]), \(names[(index / 8) % 8])",
                "AC-" + String(100_000 + index).dropFirst(),
                index % 3 == 0 ? "CPAS-IXL" : "AC-IXL",
                ["Statutaire", "Contractuel", "ACS", "Article 60"][index % 4],
                ["Dubois, C.", "Mertens, H."][index % 2],
                "\(index % 28 + 1)/\(index % 12 + 1)/2026",
            ], status: statuses[index % 8], isMarked: index % 11 == 0)
        }
    }

    static let columns = [
        TableColumn(title: "Nom", minimumWidth: 22, weight: 3),
        TableColumn(title: "N° dossier", minimumWidth: 10),
        TableColumn(title: "Employeur", minimumWidth: 9),
        TableColumn(title: "Catégorie", minimumWidth: 12, weight: 1),
        TableColumn(title: "Gestionnaire", minimumWidth: 14, weight: 1),
        TableColumn(title: "Modifié", minimumWidth: 10, alignRight: true),
    ]

    /// A full screen: status line, the table from row `top` with `selected` highlighted, hints.
    public static func screen(size: Size, source: SyntheticDossiers, top: Int, selected: Int) -> CellBuffer {
        var buffer = CellBuffer(size: size)
        StatusLine(breadcrumb: Breadcrumb(["Fiche", "Dossiers"]), context: "Tous les employeurs · demo",
                   badge: SyncBadge(isOnline: true, text: "en ligne · 0 en attente")).render(into: &buffer, rect: buffer.bounds.line(0))
        let body = Rect(x: 0, y: 1, width: size.width, height: size.height - 3)
        Table(columns: columns, source: source, top: top, height: body.height, selectedIndex: selected,
              sort: TableSort(column: 0)).render(into: &buffer, rect: body)
        KeyHintBar(hints: [KeyHint(key: "F1", label: "Aide"), KeyHint(key: "F3", label: "Chercher"),
                           KeyHint(key: "F10", label: "Quitter")]).render(into: &buffer, rect: buffer.bounds.line(size.height - 1))
        return buffer
    }

    /// Runs the cases: a first full draw, moving the selection one row, and scrolling one line.
    public static func run(size: Size = Size(width: 200, height: 60), rows: Int = 100_000, runs: Int = 200) -> [Result] {
        let source = SyntheticDossiers(count: rows)
        let visible = Table.visibleRowCount(height: size.height - 3)
        let first = screen(size: size, source: source, top: 0, selected: 0)
        let bottom = screen(size: size, source: source, top: 0, selected: visible - 1)
        return [
            measure("full screen \(size.width)x\(size.height), first draw", runs: runs) {
                BufferDiff.changedCells(from: nil, to: screen(size: size, source: source, top: 0, selected: 0)).count
            },
            measure("full screen \(size.width)x\(size.height), selection down one row", runs: runs) {
                BufferDiff.changedCells(from: first, to: screen(size: size, source: source, top: 0, selected: 1)).count
            },
            measure("full screen \(size.width)x\(size.height), scroll one line", runs: runs) {
                BufferDiff.changedCells(from: bottom, to: screen(size: size, source: source, top: 1, selected: visible)).count
            },
        ]
    }

    private static func measure(_ name: String, runs: Int, _ body: () -> Int) -> Result {
        var times: [Double] = []
        var written = 0
        let clock = ContinuousClock()
        for _ in 0..<max(1, runs) {
            let start = clock.now
            written = body()
            let elapsed = clock.now - start
            times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        times.sort()
        return Result(name: name, runs: times.count, medianMilliseconds: times[times.count / 2],
                      worstMilliseconds: times.last ?? 0, cellsWritten: written)
    }
}
