import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

@testable import TrustFlowReport

/// The C-library path and directory helpers the commands use instead of Foundation's URL and
/// FileManager, and SARIF's percent-encoding of paths.
@Suite struct FileSystemTests {
    @Test func pathsSplitAsTheUserWroteThem() {
        let cases: [(String, String, String)] = [
            ("out/a/b.svg", "out/a", "b.svg"), ("b.svg", ".", "b.svg"), ("/b.svg", "/", "b.svg"),
            ("out//b.svg", "out", "b.svg"), ("dir/sub/", "dir", "sub"), ("./x.yaml", ".", "x.yaml"), ("/", "/", "/"),
        ]
        for (path, directory, name) in cases {
            #expect(FileSystem.directory(of: path) == directory, "\(path)")
            #expect(FileSystem.fileName(path) == name, "\(path)")
        }
        #expect(FileSystem.appending("a/b.svg", to: "out") == "out/a/b.svg")
        #expect(FileSystem.appending("b.svg", to: "out/") == "out/b.svg")
    }

    @Test func directoriesAreListedCreatedAndWalked() throws {
        let root = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(FileSystem.createDirectory(root.path + "/a/b/c") == nil)
        #expect(FileSystem.createDirectory(root.path + "/a/b") == nil, "existing directories are fine")
        #expect(FileManager.default.createFile(atPath: root.path + "/a/b/c/m.yaml", contents: Data("x".utf8)))
        #expect(FileManager.default.createFile(atPath: root.path + "/a/top.json", contents: Data("y".utf8)))
        try FileManager.default.createSymbolicLink(atPath: root.path + "/a/loop", withDestinationPath: root.path + "/a")
        #expect(FileSystem.files(below: root.path + "/a").sorted() == ["b/c/m.yaml", "loop", "top.json"])
        #expect(FileSystem.names(in: root.path + "/a")?.sorted() == ["b", "loop", "top.json"])
        #expect(FileSystem.names(in: root.path + "/missing") == nil)
        #expect(FileSystem.isDirectory(root.path + "/a/loop") && !FileSystem.isDirectory(root.path + "/a/top.json"))
        #expect(FileSystem.contents(of: root.path + "/a/top.json") == .success(Array("y".utf8)))
        #expect(FileSystem.contents(of: root.path + "/a") == .failure(.directory))
        #expect(FileSystem.contents(of: root.path + "/a/none") == .failure(.missing))
        #expect(FileSystem.contents(of: root.path + "/a/top.json/x") == .failure(.missing))
        #expect(FileSystem.contents(of: root.path + "/a/top.json", limit: 0) == .failure(.tooLarge(size: 1)))
        #expect(FileSystem.executablePath == (try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")))
        #expect(FileSystem.createDirectory(root.path + "/a/top.json/x") == String(cString: strerror(ENOTDIR)))
    }

    @Test func sarifPathsArePercentEncodedSegmentBySegment() {
        #expect(SARIFReport.ArtifactLocation(file: "my models/ü;x [1].yaml").uri == "my%20models/%C3%BC%3Bx%20%5B1%5D.yaml")
        #expect(SARIFReport.ArtifactLocation(file: "./a-b_c~d!$&'()*+,=:@.yaml").uri == "a-b_c~d!$&'()*+,=:@.yaml")
        let absolute = SARIFReport.ArtifactLocation(file: "/srv/a%b.yaml")
        #expect(absolute.uri == "file:///srv/a%25b.yaml" && absolute.uriBaseId == nil)
    }
}
