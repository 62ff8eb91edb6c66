import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// End to end: `trustflow diff`, including `--base` against a real git repository.
@Suite("trustflow diff")
struct DiffCommandTests {
    static let before = "Samples/diff/before.yaml"
    static let after = "Samples/diff/after.yaml"

    @Test func theCommittedSampleDiffIsCurrent() throws {
        let directory = try Paths.temporaryDirectory()
        let svg = directory.appendingPathComponent("diff.svg")
        let summary = directory.appendingPathComponent("summary.md")
        let result = try TrustFlowProcess.run(["diff", Self.before, Self.after, "-o", svg.path, "--summary", summary.path, "-q"])
        #expect(result.status == 0, "\(result.standardError)")
        try Golden.assertMatches(Paths.bytes(svg), file: Paths.sample("diff/diff.svg"))
        try Golden.assertMatches(Paths.bytes(summary), file: Paths.sample("diff/summary.md"))
    }

    @Test func theSummaryGoesToStandardOutputByDefault() throws {
        let result = try TrustFlowProcess.run(["diff", Self.before, Self.after])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("### Threat model changes"))
        #expect(result.output.contains("| changed | `nginx-to-api` |"))
    }

    @Test func outputsAreDeterministic() throws {
        let first = try TrustFlowProcess.run(["diff", Self.before, Self.after, "-o", "-", "--format", "dot"])
        let second = try TrustFlowProcess.run(["diff", Self.before, Self.after, "-o", "-", "--format", "dot"])
        #expect(first.status == 0)
        #expect(first.standardOutput == second.standardOutput)
        #expect(!first.standardOutput.isEmpty)
    }

    @Test(arguments: [("high", 1), ("critical", 1), ("low", 1)])
    func failOnNewFailsOnIntroducedFindings(severity: String, status: Int32) throws {
        let result = try TrustFlowProcess.run(["diff", Self.before, Self.after, "--fail-on-new", severity, "--summary", "/dev/null"])
        #expect(result.status == status)
        #expect(result.standardError.contains("new finding"))
    }

    @Test func aChangeThatResolvesFindingsPasses() throws {
        let result = try TrustFlowProcess.run(["diff", Self.after, Self.before, "--fail-on-new", "low"])
        #expect(result.status == 0)
        #expect(result.output.contains("#### Resolved findings"))
    }

    @Test func identicalModelsExitZeroAndSayNoChanges() throws {
        let result = try TrustFlowProcess.run(["diff", Self.before, "Samples/k8s-three-tier.json", "--fail-on-new", "low"])
        #expect(result.status == 0)
        #expect(result.output.contains("**No changes**"))
    }

    @Test func anInvalidVersionExitsTwo() throws {
        let directory = try Paths.temporaryDirectory()
        try Data("trustflow: 1\ntitle: x\nelements: []\n".utf8).write(to: directory.appendingPathComponent("bad.yaml"))
        let result = try TrustFlowProcess.run(["diff", "bad.yaml", Paths.sample("minimal.yaml").path], in: directory)
        #expect(result.status == 2)
        #expect(result.standardError.contains("bad.yaml:3:11: error: elements: a model needs at least one element"))
    }

    @Test func baseReadsTheOldVersionFromGit() throws {
        let repository = try GitRepository()
        try repository.write(Paths.bytes(Paths.sample("diff/before.yaml")), to: "models/app.yaml")
        try repository.commit("first")
        try repository.write(Paths.bytes(Paths.sample("diff/after.yaml")), to: "models/app.yaml")
        // From a subdirectory, with a path relative to it.
        let result = try TrustFlowProcess.run(["diff", "--base", "HEAD", "app.yaml", "--fail-on-new", "high"],
            in: repository.root.appendingPathComponent("models"))
        #expect(result.status == 1)
        #expect(result.output.contains("`HEAD:app.yaml` → `app.yaml`"))
        #expect(result.output.contains("| changed | `nginx-to-api` |"))
        // Unchanged against the working tree once committed.
        try repository.commit("second")
        let clean = try TrustFlowProcess.run(["diff", "--base", "HEAD", "models/app.yaml"], in: repository.root)
        #expect(clean.status == 0)
        #expect(clean.output.contains("**No changes**"))
    }

    @Test func aFileThatDidNotExistAtBaseIsComparedWithAnEmptyModel() throws {
        let repository = try GitRepository()
        try repository.write(Array("readme\n".utf8), to: "README")
        try repository.commit("first")
        try repository.write(Paths.bytes(Paths.sample("minimal.yaml")), to: "new.yaml")
        let result = try TrustFlowProcess.run(["diff", "--base", "HEAD", "new.yaml"], in: repository.root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("did not exist at HEAD; comparing with an empty model"))
        #expect(result.output.contains("**3 added · 0 removed · 0 changed**"))
    }

    @Test func baseOutsideARepositoryOrWithABadRevisionExitsTwo() throws {
        let outside = try Paths.temporaryDirectory()
        try FileManager.default.copyItem(at: Paths.sample("minimal.yaml"), to: outside.appendingPathComponent("m.yaml"))
        let notGit = try TrustFlowProcess.run(["diff", "--base", "HEAD", "m.yaml"], in: outside,
            environment: ["GIT_CEILING_DIRECTORIES": outside.deletingLastPathComponent().path])
        #expect(notGit.status == 2)
        #expect(notGit.standardError.contains("--base needs a git repository"))
        let repository = try GitRepository()
        try repository.write(Paths.bytes(Paths.sample("minimal.yaml")), to: "m.yaml")
        try repository.commit("first")
        let badRevision = try TrustFlowProcess.run(["diff", "--base", "no-such-branch", "m.yaml"], in: repository.root)
        #expect(badRevision.status == 2)
        #expect(badRevision.standardError.contains("unknown git revision 'no-such-branch'"))
    }

    /// The old version is as untrusted as the new one: a huge blob in history is refused
    /// before it is read, and a revision cannot smuggle in a git option.
    @Test func theBaseVersionIsBoundedLikeAFile() throws {
        let repository = try GitRepository()
        try repository.write(Array(repeating: UInt8(ascii: " "), count: ModelLimits.standard.maxFileBytes + 1), to: "m.yaml")
        try repository.commit("huge")
        try repository.write(Paths.bytes(Paths.sample("minimal.yaml")), to: "m.yaml")
        let huge = try TrustFlowProcess.run(["diff", "--base", "HEAD", "m.yaml", "-o", "d.svg"], in: repository.root)
        #expect(huge.status == 2)
        #expect(huge.standardError == """
            HEAD:m.yaml: error: the file is \(ModelLimits.standard.maxFileBytes + 1) bytes, more than the limit of \(ModelLimits.standard.maxFileBytes)
            1 error in HEAD:m.yaml; nothing was written

            """)
        #expect(!FileManager.default.fileExists(atPath: repository.root.appendingPathComponent("d.svg").path))
        let option = try TrustFlowProcess.run(["diff", "--base=--output=x", "m.yaml"], in: repository.root)
        #expect(option.status == 2)
        #expect(option.standardError.contains("unknown git revision '--output=x'"))
        #expect(!FileManager.default.fileExists(atPath: repository.root.appendingPathComponent("x").path))
    }

    @Test(arguments: [["diff", "Samples/minimal.yaml"], ["diff", "--base", "HEAD", "a.yaml", "b.yaml"], ["diff", "a.yaml", "b.yaml", "-o", "x.txt"]])
    func badArgumentsExitTwo(arguments: [String]) throws {
        #expect(try TrustFlowProcess.run(arguments).status == 2)
    }
}

/// A temporary git repository for tests.
struct GitRepository {
    let root: URL

    init() throws {
        root = try Paths.temporaryDirectory()
        try git("init", "-q", "-b", "main")
    }

    func write(_ bytes: [UInt8], to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func commit(_ message: String) throws {
        try git("add", "-A")
        try git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message)
    }

    @discardableResult
    private func git(_ arguments: String...) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = root
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
        return process.terminationStatus
    }
}
