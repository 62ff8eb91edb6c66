import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Issue 7, item 3, end to end: Graphviz without its plugins is exit 3 with a clear message
/// and no output touched; what the library prints on standard error reaches the terminal
/// only with --verbose.
@Suite("Graphviz failures, end to end")
struct GraphvizFailureCLITests {
    @Test(arguments: [
        ["render", "Samples/minimal.yaml", "-o", "OUT/kept.svg"],
        ["render", "Samples/minimal.yaml", "-o", "OUT/kept.png"],
        ["diff", "Samples/diff/before.yaml", "Samples/diff/after.yaml", "-o", "OUT/kept.svg", "--summary", "OUT/summary.md"],
    ])
    func missingPluginsExitThreeAndTouchNothing(arguments: [String]) throws {
        let directory = try Paths.temporaryDirectory()
        let noPlugins = try Paths.temporaryDirectory()
        for name in ["kept.svg", "kept.png"] { try Data("previous".utf8).write(to: directory.appendingPathComponent(name)) }
        let result = try TrustFlowProcess.run(arguments.map { $0.replacingOccurrences(of: "OUT", with: directory.path) },
            environment: ["GVBINDIR": noPlugins.path])
        #expect(result.status == 3, "\(result.standardError)")
        // Located at the model drawn (for diff, the new version).
        let model = arguments[0] == "diff" ? arguments[2] : arguments[1]
        #expect(result.standardError.hasPrefix("\(model): error: Graphviz cannot find its plugins: Error: Layout type: \"dot\" not recognized"),
            "\(result.standardError)")
        #expect(result.standardError.contains("GVBINDIR is set to '\(noPlugins.path)'"))
        #expect(result.standardError.contains("Install Debian's libgvc6"))
        #expect(result.standardError.split(separator: "\n").count == 1, "one clear line: \(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["kept.png", "kept.svg"])
        #expect(try String(contentsOf: directory.appendingPathComponent("kept.svg"), encoding: .utf8) == "previous")
        #expect(try String(contentsOf: directory.appendingPathComponent("kept.png"), encoding: .utf8) == "previous")
    }

    /// Fontconfig, which Graphviz loads to measure text, prints straight to standard error
    /// when its configuration is missing: the kind of noise that must not leak.
    @Test func libraryNoiseIsShownOnlyWithVerbose() throws {
        let directory = try Paths.temporaryDirectory()
        let environment = ["FONTCONFIG_FILE": "/nonexistent/fonts.conf", "FONTCONFIG_PATH": "/nonexistent"]
        let quiet = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "-o", directory.appendingPathComponent("a.png").path],
            environment: environment)
        #expect(quiet.status == 0)
        #expect(!quiet.standardError.contains("Fontconfig"), "\(quiet.standardError)")
        #expect(quiet.standardError.contains("note: Graphviz reported"), "\(quiet.standardError)")
        let verbose = try TrustFlowProcess.run(
            ["render", "Samples/minimal.yaml", "-o", directory.appendingPathComponent("b.png").path, "--verbose"],
            environment: environment)
        #expect(verbose.status == 0)
        #expect(verbose.standardError.contains("graphviz: Fontconfig error"), "\(verbose.standardError)")
    }
}
