import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Templates and themes are found by a binary copied away from the build, alone (built-in
/// copies) or with a `share/trustflow` tree beside its `bin/` (as `make install` lays it out).
@Suite("Installed binary")
struct InstalledBinaryTests {
    func install() throws -> (root: URL, binary: URL) {
        let root = try Paths.temporaryDirectory()
        let bin = root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let binary = bin.appendingPathComponent("trustflow")
        try FileManager.default.copyItem(at: Paths.trustflowExecutable, to: binary)
        try FileManager.default.copyItem(at: Paths.sample("k8s-three-tier.yaml"), to: root.appendingPathComponent("model.yaml"))
        return (root, binary)
    }

    @Test func aCopiedBinaryHasItsTemplatesAndThemes() throws {
        let (root, binary) = try install()
        for arguments in [["report", "model.yaml", "-o", "r.html"], ["report", "model.yaml", "-o", "r.md"], ["render", "model.yaml", "--theme", "colorblind"]] {
            let result = try TrustFlowProcess.run(arguments + ["-q"], in: root, executable: binary)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }
        #expect(try String(contentsOf: root.appendingPathComponent("r.html"), encoding: .utf8).contains("<svg"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("model.svg").path))
    }

    @Test func anInstalledShareDirectoryAddsAndOverridesResources() throws {
        let (root, binary) = try install()
        let share = root.appendingPathComponent("share/trustflow")
        try FileManager.default.createDirectory(at: share.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try Data(##"{"name": "house", "colors": {"background": "#fafaf0"}}"##.utf8).write(to: share.appendingPathComponent("themes/house.json"))
        try Data("Custom {{title}}\n".utf8).write(to: share.appendingPathComponent("brief.mustache"))
        let themed = try TrustFlowProcess.run(["render", "model.yaml", "--theme", "house", "-o", "-", "--format", "dot"], in: root, executable: binary)
        #expect(themed.status == 0, "\(themed.standardError)")
        #expect(themed.output.contains("bgcolor=\"#fafaf0\""))
        let brief = try TrustFlowProcess.run(["report", "model.yaml", "--template", "brief", "-o", "-", "--format", "markdown"], in: root, executable: binary)
        #expect(brief.output == "Custom Three-tier web application on Kubernetes\n")
    }

    @Test func theEnvironmentCanPointAtResources() throws {
        let (root, binary) = try install()
        let custom = root.appendingPathComponent("custom/themes")
        try FileManager.default.createDirectory(at: custom, withIntermediateDirectories: true)
        try Data(##"{"colors": {"background": "#eeeeff"}}"##.utf8).write(to: custom.appendingPathComponent("night.json"))
        let result = try TrustFlowProcess.run(["render", "model.yaml", "--theme", "night", "-o", "-", "--format", "dot"], in: root,
            environment: ["TRUSTFLOW_RESOURCES": root.appendingPathComponent("custom").path], executable: binary)
        #expect(result.output.contains("bgcolor=\"#eeeeff\""))
    }
}
