import Foundation

/// Locations in the source tree and the build, for tests.
public enum Paths {
    /// The repository root.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Samples/`.
    public static let samples = root.appendingPathComponent("Samples")

    /// A file in `Samples/`.
    public static func sample(_ name: String) -> URL { samples.appendingPathComponent(name) }

    /// The directory of the running test binary, which is also where SwiftPM puts products.
    public static let products: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent()

    /// The built `trustflow` executable.
    public static var trustflowExecutable: URL { products.appendingPathComponent("trustflow") }

    /// A new empty temporary directory.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trustflow-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The bytes of a file.
    public static func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    /// Creates a file of `size` zero bytes that takes no disk (sparse): for limits on size,
    /// which are checked before a file is read.
    public static func createSparseFile(at url: URL, size: UInt64) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: size)
        try handle.close()
    }
}

extension Paths {
    /// `Tests/TrustFlowDOTTests/Golden/`, the golden DOT files.
    public static let goldenDOT = root.appendingPathComponent("Tests/TrustFlowDOTTests/Golden")

    /// `Tests/TrustFlowDOTTests/Fixtures/`, models written for tests.
    public static let fixtures = root.appendingPathComponent("Tests/TrustFlowDOTTests/Fixtures")

    /// Every golden DOT file, sorted by name.
    public static func goldenDOTFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: goldenDOT, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "dot" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
