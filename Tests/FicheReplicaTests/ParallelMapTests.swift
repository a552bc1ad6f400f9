@testable import FicheReplica
import XCTest

final class ParallelMapTests: XCTestCase {
    /// The art. 60 watch works out its projections side by side: each result must stay with its
    /// own contract, whatever order the cores finish in.
    func testResultsKeepTheOrderOfTheirInputs() {
        for count in [0, 1, 64, 65, 1_000, 2_959] {
            let items = Array(0..<count)
            let mapped = ParallelMap.map(items) { "contract \($0)" }
            XCTAssertEqual(mapped, items.map { "contract \($0)" }, "\(count) items")
        }
    }
}
