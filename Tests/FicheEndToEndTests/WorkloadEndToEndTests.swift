import Foundation
import XCTest

/// The workload screen in the real binary, in tmux at 80×24: the weighted load, a proposal
/// and the pooling what-if on the demo, each computed while the keys keep working.
final class WorkloadEndToEndTests: TmuxTestCase {
    func testTheWeightedLoadAProposalAndThePoolingWhatIfOnTheDemo() throws {
        try start("demo --data-dir \(folder.path) --dossiers 400", width: 80, height: 24)
        _ = try tmux.waitForScreen(seconds: 120) { $0.contains("Fiche › Dossiers") && $0.contains("F10") }
        try tmux.send("M-w")
        _ = try tmux.waitForScreen { $0.contains("Charge de travail") }
        try tmux.send("Tab")
        let weighted = try tmux.waitForScreen(seconds: 60) { $0.contains("max/moyenne") && $0.contains("h·") }
        XCTAssertTrue(weighted.contains("[Charge pondérée]"), weighted)
        XCTAssertTrue(weighted.contains("CPAS-IXL") || weighted.contains("AC-IXL"), weighted)

        try tmux.send("Tab", "F7")
        let proposal = try tmux.waitForScreen(seconds: 60) { $0.contains("[✓]") || $0.contains("aucun déplacement") }
        XCTAssertTrue(proposal.contains("[Proposition]"), proposal)
        XCTAssertTrue(proposal.contains("→"), proposal)

        try tmux.send("Tab", "F7")
        let pooling = try tmux.waitForScreen(seconds: 60) { $0.contains("Égal en heures") }
        XCTAssertTrue(pooling.contains("Mise en commun de AC-IXL et CPAS-IXL"), pooling)
        XCTAssertTrue(pooling.contains("« Autant chacun »"), pooling)

        try tmux.send("F10")
        XCTAssertEqual(waitForExitStatus(), "0\n")
    }
}
