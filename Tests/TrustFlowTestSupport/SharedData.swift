import Foundation
import Testing

/// Real data from public repositories in `../shared/data/` beside the clone (the SARIF schema,
/// Kubernetes manifests, other tools' models). The project commits no copy of them: tests read
/// them in place. CI has `../shared`; elsewhere the tests that need it are skipped with a reason
/// that says so, unless `TRUSTFLOW_REQUIRE_SHARED_DATA=1` (set by `.ci/run`) makes its absence
/// a failure.
public enum SharedData {
    /// `../shared/data/` next to the repository root.
    public static let directory = Paths.root.deletingLastPathComponent().appendingPathComponent("shared/data")

    /// Whether `../shared/data/` is there.
    public static var isPresent: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether tests that need the shared data run: it is there, or it is required (and its
    /// absence then fails them).
    public static var testsRun: Bool {
        isPresent || ProcessInfo.processInfo.environment["TRUSTFLOW_REQUIRE_SHARED_DATA"] == "1"
    }

    /// The reason shown for a skipped test.
    public static let absence: Comment = "needs ../shared/data/ beside the clone (real data from public repositories, not committed here)"

    /// A file or folder in `../shared/data/`, e.g. `k8s/guestbook`.
    public static func url(_ relativePath: String) -> URL { directory.appendingPathComponent(relativePath) }

    /// The official SARIF 2.1.0 schema.
    public static var sarifSchema: URL { url("sarif-schema-2.1.0.json") }
}
