import FicheTerminal
import FicheWidgets

/// Rendering, without a terminal: a full 200×60 screen of the dossier table drawn into a cell
/// buffer and diffed against the previous one (what one keypress costs before curses writes
/// the changed cells). Budget: 2 ms. See docs/BENCHMARKS.md, "Rendering".
enum RenderingBench {
    static func run() {
        for result in RenderBenchmark.run(size: Size(width: 200, height: 60), rows: 100_000, runs: 200) {
            let name = result.name.contains("first draw") ? "render_full_200x60"
                : result.name.contains("selection") ? "render_select_200x60" : "render_scroll_200x60"
            Measurement(metric: name + "_p50", unit: "ms", value: result.medianMilliseconds).print()
            Measurement(metric: name + "_cells", unit: "cells", value: Double(result.cellsWritten)).print()
        }
    }
}
