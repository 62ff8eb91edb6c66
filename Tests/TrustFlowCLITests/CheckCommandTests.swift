import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// End to end: `trustflow check` as a CI gate.
@Suite("trustflow check")
struct CheckCommandTests {
    static let golden = Paths.root.appendingPathComponent("Tests/TrustFlowCLITests/Golden")
    static let insecure = "Samples/k8s-three-tier-insecure.yaml"

    @Test(arguments: ["text", "json", "sarif"])
    func reportsMatchTheirGoldenFiles(format: String) throws {
        let result = try TrustFlowProcess.run(["check", Self.insecure, "--format", format, "--today", "2026-01-01"])
        #expect(result.status == 1)
        try Golden.assertMatches(result.standardOutput, file: Self.golden.appendingPathComponent("insecure.\(format == "text" ? "txt" : format)"))
    }

    @Test func theInsecureSampleFiresEveryRuleAndTheSecureOneNothingAtMedium() throws {
        let insecure = try TrustFlowProcess.run(["check", Self.insecure, "--format", "json"])
        let report = try JSONDecoder().decode(FindingsJSON.self, from: Data(insecure.standardOutput))
        #expect(Set(report.models[0].findings.map(\.rule)) == Set(RuleRegistry.all.map(\.id)))
        #expect(report.failed)
        let secure = try TrustFlowProcess.run(["check", "Samples/k8s-three-tier.yaml", "Samples/environments.yaml", "--fail-on", "medium"])
        #expect(secure.status == 0, "\(secure.output)")
        #expect(secure.output == "no findings in 2 models; none at or above medium\n")
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func sarifIsValidAgainstTheOfficialSchema() throws {
        let result = try TrustFlowProcess.run(["check", Self.insecure, "Samples/k8s-three-tier.yaml", "--format", "sarif"])
        #expect(result.status == 1)
        #expect(try JSONSchemaValidator.errors(of: result.standardOutput, schema: SharedData.sarifSchema) == [])
    }

    @Test func sarifResultsPointAtTheRightLines() throws {
        let result = try TrustFlowProcess.run(["check", Self.insecure, "--format", "sarif"])
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any])
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == RuleCatalog.all.map(\.id), "the model rules, then the drift check's")
        #expect(rules.allSatisfy { (($0["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false })
        let results = try #require(run["results"] as? [[String: Any]])
        // Every result's line holds what the finding is about, as the source map says.
        let loaded = try ModelFile.load(Paths.sample("k8s-three-tier-insecure.yaml").path)
        let analysis = Analyzer(today: CalendarDate("2026-01-01")!).analyze(loaded.model, sourceMap: loaded.sourceMap)
        #expect(results.count == analysis.findings.count)
        let lines = try String(contentsOf: Paths.sample("k8s-three-tier-insecure.yaml"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        for (entry, finding) in zip(results, analysis.findings) {
            let physical = ((entry["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let region = try #require(physical?["region"] as? [String: Any])
            let line = try #require(region["startLine"] as? Int)
            #expect(entry["ruleId"] as? String == finding.ruleID)
            #expect(line == finding.location?.line)
            #expect((physical?["artifactLocation"] as? [String: Any])?["uri"] as? String == Self.insecure)
            // The line names the item: its id, or the key the finding is about.
            let text = String(lines[line - 1])
            let key = finding.path.components.last.flatMap { if case .key(let key) = $0 { key } else { nil } }
            #expect(text.contains("id: \(finding.target.id)") || key.map { text.contains("\($0):") } == true, "\(finding.ruleID) at line \(line): \(text)")
        }
    }

    @Test(arguments: [("low", 1), ("critical", 1), ("never", 0)])
    func failOnSetsTheThreshold(threshold: String, status: Int32) throws {
        let result = try TrustFlowProcess.run(["check", Self.insecure, "--fail-on", threshold])
        #expect(result.status == status)
    }

    @Test func acceptedRisksAreListedAndDoNotFail() throws {
        let directory = try Paths.temporaryDirectory()
        let model = try String(contentsOf: Paths.sample("k8s-three-tier.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "{ id: ns-backend, label: backend, kind: namespace, parent: worker-1, controls: [rbac, netpol] }",
                with: "{ id: ns-backend, label: backend, kind: namespace, parent: worker-1, controls: [rbac] }")
            + "\nacceptedRisks:\n  - { rule: TF103, target: ns-backend, reason: Cilium policies live in another repo, until: 2026-03-31 }\n  - { rule: TF104, target: ns-frontend, reason: stale }\n"
        try Data(model.utf8).write(to: directory.appendingPathComponent("m.yaml"))
        let accepted = try TrustFlowProcess.run(["check", "m.yaml", "--today", "2026-03-31"], in: directory)
        #expect(accepted.status == 0)
        #expect(accepted.output.contains("accepted: [TF103] namespace 'backend' has no network-policy control"))
        #expect(accepted.output.contains("(high, accepted until 2026-03-31: Cilium policies live in another repo)"))
        #expect(accepted.output.hasSuffix("no findings, 1 accepted in 1 model; none at or above high\n"))
        #expect(accepted.standardError.contains("warning: acceptedRisks[1]: accepts TF104 on 'ns-frontend', but there is no such finding"))
        let expired = try TrustFlowProcess.run(["check", "m.yaml", "--today", "2026-04-01"], in: directory)
        #expect(expired.status == 1)
        #expect(expired.standardError.contains("expired on 2026-03-31; the finding counts again"))
    }

    @Test func anInvalidModelExitsTwoAndWritesNoReport() throws {
        let directory = try Paths.temporaryDirectory()
        try Data("trustflow: 1\ntitle: x\nelements: [{id: a, kind: nope}]\n".utf8).write(to: directory.appendingPathComponent("bad.yaml"))
        let report = directory.appendingPathComponent("report.sarif")
        let result = try TrustFlowProcess.run(["check", "bad.yaml", Paths.sample("k8s-three-tier.yaml").path, "--format", "sarif", "-o", report.path], in: directory)
        #expect(result.status == 2)
        #expect(result.standardError.contains("bad.yaml:3:26: error: elements[0].kind"))
        #expect(!FileManager.default.fileExists(atPath: report.path))
    }

    @Test func theReportCanGoToAFile() throws {
        let report = try Paths.temporaryDirectory().appendingPathComponent("findings.json")
        let result = try TrustFlowProcess.run(["check", Self.insecure, "--format", "json", "-o", report.path, "--fail-on", "never"])
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty)
        let decoded = try JSONDecoder().decode(FindingsJSON.self, from: Data(contentsOf: report))
        #expect(decoded.models.first?.stride.count == 5)
        #expect(decoded.failOn == "never")
    }

    @Test(arguments: [["check"], ["check", "Samples/minimal.yaml", "--fail-on", "severe"], ["check", "Samples/minimal.yaml", "--format", "xml"], ["check", "Samples/minimal.yaml", "--today", "2026-13-01"]])
    func badArgumentsExitTwo(arguments: [String]) throws {
        #expect(try TrustFlowProcess.run(arguments).status == 2)
    }
}
