import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// "Written only when its bytes change", decided without reading the old file into memory
/// whole: it is compared a piece (64 KiB) at a time.
@Suite("Output file comparison")
struct OutputFileTests {
    @Test func aFileIsRewrittenOnlyWhenItsBytesChange() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("big.svg").path
        // Larger than one piece, and not a multiple of it.
        var bytes = (0..<200_003).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(try OutputFile.write(bytes, to: path) == .written)
        #expect(try OutputFile.write(bytes, to: path) == .unchanged)

        bytes[bytes.count - 1] &+= 1  // the same size, the last piece differs
        #expect(try OutputFile.write(bytes, to: path) == .written)
        #expect(FileManager.default.contents(atPath: path) == Data(bytes))

        bytes[70_000] &+= 1  // a middle piece differs
        #expect(try OutputFile.write(bytes, to: path) == .written)
        #expect(try OutputFile.write(bytes, to: path) == .unchanged)
        #expect(FileManager.default.contents(atPath: path) == Data(bytes))
    }

    @Test func aReplacedFileKeepsItsPermissionsAndANewOneIsReadableByAll() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func mode(_ path: String) throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        }
        let path = directory.appendingPathComponent("private.svg").path
        #expect(try OutputFile.write([1], to: path) == .written)
        #expect(try mode(path) == 0o644)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(try OutputFile.write([2], to: path) == .written)
        #expect(try mode(path) == 0o600)
    }
}
