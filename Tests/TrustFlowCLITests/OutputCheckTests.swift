import Foundation
import Testing
import TrustFlowTestSupport

/// `--check` for docs pipelines: the outputs are compared with the files there, nothing is
/// written, the out-of-date ones are listed on standard output and the exit status is 1.
@Suite("--check")
struct OutputCheckTests {
    func directory() throws -> URL {
        let root = try Paths.temporaryDirectory()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("models/team"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Paths.sample("minimal.yaml"), to: root.appendingPathComponent("models/minimal.yaml"))
        try FileManager.default.copyItem(at: Paths.sample("environments.yaml"),
            to: root.appendingPathComponent("models/team/environments.yaml"))
        return root
    }

    func listing(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files[name] = try Data(contentsOf: root.appendingPathComponent(name))
            }
        }
        return files
    }

    @Test func aSingleDiagramIsCheckedNotWritten() throws {
        let root = try directory()
        let missing = try TrustFlowProcess.run(["render", "models/minimal.yaml", "--check"], in: root)
        #expect(missing.status == 1)
        #expect(missing.output == "models/minimal.svg\n")
        #expect(missing.standardError.hasSuffix("1 of 1 output is out of date; run the same command without --check to update\n"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("models/minimal.svg").path))

        #expect(try TrustFlowProcess.run(["render", "models/minimal.yaml", "-q"], in: root).status == 0)
        let current = try TrustFlowProcess.run(["render", "models/minimal.yaml", "--check"], in: root)
        #expect(current.status == 0, "\(current.standardError)")
        #expect(current.output.isEmpty)
        #expect(current.standardError == "1 output is up to date\n")

        // Another theme draws other bytes: out of date, and the file is left as it was.
        let before = try listing(root)
        let other = try TrustFlowProcess.run(["render", "models/minimal.yaml", "--theme", "mono", "--check", "-q"], in: root)
        #expect(other.status == 1)
        #expect(other.output == "models/minimal.svg\n")
        // Even under -q, the one line that says why the status is 1.
        #expect(other.standardError == "1 of 1 output is out of date; run the same command without --check to update\n")
        #expect(try listing(root) == before)
    }

    @Test(arguments: ["1", "2"])
    func aBatchListsEveryOutputOutOfDate(jobs: String) throws {
        let root = try directory()
        #expect(try TrustFlowProcess.run(["render", "models", "--output-dir", "site", "-q"], in: root).status == 0)
        try Data("stale".utf8).write(to: root.appendingPathComponent("site/team/environments.svg"))
        let before = try listing(root)
        let result = try TrustFlowProcess.run(["render", "models", "--output-dir", "site", "--check", "--jobs", jobs], in: root)
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.output == "site/team/environments.svg\n")
        #expect(result.standardError.contains("checked 2 of 2 models"), "\(result.standardError)")
        #expect(result.standardError.hasSuffix("1 of 2 outputs are out of date; run the same command without --check to update\n"))
        #expect(try listing(root) == before)
    }

    @Test func anAtlasIsCheckedPageByPage() throws {
        let root = try directory()
        let model = "models/team/environments.yaml"
        #expect(try TrustFlowProcess.run(["render", model, "--atlas", "atlas", "--collapse", "cluster", "-q"], in: root).status == 0)
        let current = try TrustFlowProcess.run(["render", model, "--atlas", "atlas", "--collapse", "cluster", "--check", "-q"], in: root)
        #expect(current.status == 0, "\(current.standardError)")
        // A page that is gone from the model is stale: the update would remove it.
        try Data("old".utf8).write(to: root.appendingPathComponent("atlas/index.svg"))
        let record = root.appendingPathComponent("atlas/.trustflow-atlas")
        try (String(contentsOf: record, encoding: .utf8) + "gone.svg\n").write(to: record, atomically: true, encoding: .utf8)
        try Data("gone".utf8).write(to: root.appendingPathComponent("atlas/gone.svg"))
        let before = try listing(root)
        let stale = try TrustFlowProcess.run(["render", model, "--atlas", "atlas", "--collapse", "cluster", "--check", "-q"], in: root)
        #expect(stale.status == 1)
        #expect(stale.output == "atlas/gone.svg\natlas/index.svg\n")
        #expect(try listing(root) == before)
        // The directory as the shell completes it, with its slash: the same paths.
        let slash = try TrustFlowProcess.run(["render", model, "--atlas", "atlas/", "--collapse", "cluster", "--check", "-q"], in: root)
        #expect(slash.output == "atlas/gone.svg\natlas/index.svg\n")
    }

    @Test func aReportAndItsDiagramAreChecked() throws {
        let root = try directory()
        #expect(try TrustFlowProcess.run(["report", "models/minimal.yaml", "-o", "docs.md", "-q"], in: root).status == 0)
        #expect(try TrustFlowProcess.run(["report", "models/minimal.yaml", "-o", "docs.md", "--check", "-q"], in: root).status == 0)
        try FileManager.default.removeItem(at: root.appendingPathComponent("docs-diagram.svg"))
        let result = try TrustFlowProcess.run(["report", "models/minimal.yaml", "-o", "docs.md", "--check", "-q"], in: root)
        #expect(result.status == 1)
        #expect(result.output == "docs-diagram.svg\n")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("docs-diagram.svg").path))
        let standardOutput = try TrustFlowProcess.run(["render", "models/minimal.yaml", "-o", "-", "--check"], in: root)
        #expect(standardOutput.status == 2)
    }
}
