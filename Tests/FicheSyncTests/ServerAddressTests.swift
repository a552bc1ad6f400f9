import FicheSync
import XCTest

/// `fiche login` never sends a password in clear over the network unless told to.
final class ServerAddressTests: XCTestCase {
    func testPlainHTTPIsTakenOnlyForThisComputerUnlessInsecure() throws {
        for local in ["http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080", "http://127.0.0.53"] {
            XCTAssertNoThrow(try ServerAddress.check(local, allowPlainHTTP: false), local)
        }
        XCTAssertNoThrow(try ServerAddress.check("https://fiche.ixelles.brussels", allowPlainHTTP: false))
        for remote in ["http://fiche.ixelles.brussels", "http://10.1.2.3:8080", "http://127.0.0.1.example.com", "HTTP://fiche.example"] {
            XCTAssertThrowsError(try ServerAddress.check(remote, allowPlainHTTP: false), remote) { error in
                XCTAssertTrue("\(error)".contains("unencrypted"), "\(error)")
            }
            XCTAssertNoThrow(try ServerAddress.check(remote, allowPlainHTTP: true), "--insecure takes \(remote)")
        }
        for nonsense in ["fiche.ixelles.brussels", "ftp://fiche.example", "https://", ""] {
            XCTAssertThrowsError(try ServerAddress.check(nonsense, allowPlainHTTP: true), nonsense)
        }
    }
}
