import Foundation
import Testing
import TrustFlowTestSupport

/// The hooks in `.pre-commit-hooks.yaml`, run by the real pre-commit (installed by `make test`
/// from PyPI) against this checkout (`pre-commit try-repo`, which takes the working tree), in a
/// scratch git repository holding a model, with the built `trustflow` on PATH.
@Suite("pre-commit hooks")
struct PreCommitHookTests {
    struct Repository {
        let directory: URL

        init() throws {
            directory = try Paths.temporaryDirectory()
            try copy("k8s-three-tier.yaml")
            for command in [["init", "-q"], ["config", "user.email", "test@example.com"], ["config", "user.name", "Test"],
                ["add", "."], ["commit", "-qm", "model"]]
            {
                let result = try run(["git"] + command)
                try #require(result.status == 0, "git \(command): \(result.standardError)")
            }
        }

        func copy(_ sample: String) throws {
            let model = directory.appendingPathComponent("threat-model.yaml")
            try? FileManager.default.removeItem(at: model)
            try FileManager.default.copyItem(at: Paths.sample(sample), to: model)
        }

        func run(_ command: [String]) throws -> TrustFlowProcess.Result {
            let path = Paths.products.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            return try TrustFlowProcess.run(command, in: directory, environment: ["PATH": path],
                executable: URL(fileURLWithPath: "/usr/bin/env"))
        }

        /// `pre-commit try-repo` with one hook on every file.
        func hook(_ id: String) throws -> TrustFlowProcess.Result {
            let result = try run(["python3", "-m", "pre_commit", "try-repo", Paths.root.path, id, "--all-files"])
            if result.standardError.contains("No module named pre_commit") {
                throw PreCommitUnavailable()
            }
            return result
        }

        var diagram: URL { directory.appendingPathComponent("threat-model.svg") }
    }

    struct PreCommitUnavailable: Error, CustomStringConvertible {
        var description: String { "pre-commit is needed (make test installs it with pip)" }
    }

    @Test func checkPassesASecureModelAndFailsAnInsecureOne() throws {
        let repository = try Repository()
        let secure = try repository.hook("trustflow-check")
        #expect(secure.status == 0, "\(secure.output)")
        #expect(secure.output.contains("trustflow check (security rules)....") && secure.output.contains("Passed"))
        try repository.copy("k8s-three-tier-insecure.yaml")
        let insecure = try repository.hook("trustflow-check")
        #expect(insecure.status == 1)
        #expect(insecure.output.contains("Failed") && insecure.output.contains("TF101"), "\(insecure.output)")
    }

    @Test func renderWritesMissingOrStaleDiagramsAndFails() throws {
        let repository = try Repository()
        let first = try repository.hook("trustflow-render")
        #expect(first.status == 1, "a missing diagram is written and the hook fails: \(first.output)")
        let written = try Paths.bytes(repository.diagram)
        let second = try repository.hook("trustflow-render")
        #expect(second.status == 0, "\(second.output)")
        #expect(try Paths.bytes(repository.diagram) == written)
    }

    @Test func renderCheckListsStaleDiagramsAndWritesNothing() throws {
        let repository = try Repository()
        #expect(try repository.run(["trustflow", "render", "threat-model.yaml", "-q"]).status == 0)
        #expect(try repository.hook("trustflow-render-check").status == 0)
        try repository.copy("k8s-three-tier-insecure.yaml")
        let diagram = try Paths.bytes(repository.diagram)
        let stale = try repository.hook("trustflow-render-check")
        #expect(stale.status == 1)
        #expect(stale.output.contains("threat-model.svg"), "\(stale.output)")
        #expect(try Paths.bytes(repository.diagram) == diagram)
    }
}
