import FicheCSV
import Foundation
import XCTest

/// A file is read in the encoding the office saved it in, or refused with the line to look at
/// when no encoding reads every name right.
final class CSVTextTests: XCTestCase {
    private func refusal(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> CSVTable.Malformed? {
        do {
            let text = try CSVText.decode(Data(bytes))
            XCTFail("read as \(text.encoding): \(text.text.debugDescription)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testUTF8IsReadWithOrWithoutAByteOrderMark() throws {
        let plain = try CSVText.decode(Data("first_name\nHélène\n".utf8))
        XCTAssertEqual(plain, CSVText(text: "first_name\nHélène\n", encoding: .utf8))
        let marked = try CSVText.decode(Data([0xEF, 0xBB, 0xBF]) + Data("first_name;x\r\nHélène;€\r\n".utf8))
        XCTAssertEqual(marked, CSVText(text: "first_name;x\r\nHélène;€\r\n", encoding: .utf8), "the mark is not part of the text")
        XCTAssertEqual(try CSVText.decode(Data()).text, "")
    }

    func testBytesThatAreNotUTF8AreReadAsWindows1252AndSaySo() throws {
        // "first_name;note\r\nHélène;5 € – Œuvre\r\n" as Excel saves "CSV (separator: semicolon)" on Windows.
        let bytes: [UInt8] = Array("first_name;note\r\nH".utf8) + [0xE9] + Array("l".utf8) + [0xE8] + Array("ne;5 ".utf8)
            + [0x80, 0x20, 0x96, 0x20, 0x8C] + Array("uvre\r\n".utf8)
        let file = try CSVText.decode(Data(bytes))
        XCTAssertEqual(file.encoding, .windows1252)
        XCTAssertEqual(file.text, "first_name;note\r\nHélène;5 € – Œuvre\r\n")
        XCTAssertEqual(file.encoding.description, "Windows-1252")
    }

    func testUTF8MixedWithAnotherEncodingIsRefusedAtItsFirstBadByte() {
        // Line 2 in UTF-8, line 3 pasted from a Windows-1252 file.
        let bytes = Array("first_name\nHélène\nJos".utf8) + [0xE9] + Array("\n".utf8)
        let error = refusal(bytes)
        XCTAssertEqual(error, CSVTable.Malformed(line: 3, reason: .mixedEncodings))
        XCTAssertEqual(error?.description, "line 3: the file mixes UTF-8 with another encoding: save it again as CSV UTF-8")
        XCTAssertEqual(refusal([0xEF, 0xBB, 0xBF, 0x48, 0xE9, 0x0A]), CSVTable.Malformed(line: 1, reason: .mixedEncodings),
                       "a byte order mark promises UTF-8")
    }

    func testAByteWindows1252LeavesUndefinedIsRefused() {
        let error = refusal(Array("a\nb\n".utf8) + [0x81])
        XCTAssertEqual(error, CSVTable.Malformed(line: 3, reason: .undefinedByte(0x81)))
        XCTAssertEqual(error?.description, "line 3: byte 0x81 is neither UTF-8 nor Windows-1252: save the file as CSV UTF-8")
    }

    func testUTF16WithItsMarkIsRead() throws {
        let data = try XCTUnwrap("first_name;x\r\nHélène;1\r\n".data(using: .utf16))
        let file = try CSVText.decode(data)
        XCTAssertEqual(file.encoding, .utf16)
        XCTAssertEqual(try CSVSheet.read(file.text).rows.map(\.fields), [["Hélène", "1"]])
    }

    func testNoInputCrashesTheDecoder() {
        // Every short sequence of these bytes is read or refused, never a crash.
        let alphabet: [UInt8] = [0x41, 0x0A, 0xC3, 0xA9, 0xE9, 0x81, 0xEF, 0xF0]
        var inputs: [[UInt8]] = [[]]
        for _ in 1...4 { inputs += inputs.flatMap { bytes in alphabet.map { bytes + [$0] } } }
        for bytes in Set(inputs) {
            do {
                _ = try CSVText.decode(Data(bytes))
            } catch {
                XCTAssertTrue((1...5).contains(error.line), "\(bytes): \(error)")
            }
        }
    }
}
