import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// End to end: `trustflow drift`, `check --manifests` and `render --manifests` through the
/// built binary, on a shop whose policies almost enforce its model
/// (`Tests/TrustFlowKubernetesTests/Fixtures/drift/`) and on np-guard's own golden output.
@Suite("trustflow drift")
struct DriftCommandTests {
    static let fixtures = "Tests/TrustFlowKubernetesTests/Fixtures/drift"
    static let cluster = fixtures + "/cluster.yaml"
    static let model = fixtures + "/model.yaml"

    static func json(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func connectionsAreNpGuardsGoldenListLineForLine() throws {
        let variant = SharedData.url("k8s/online-boutique/np-guard-variant")
        let run = try TrustFlowProcess.run(["drift", variant.path, "--connections", "--fail-on", "never"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.output == (try String(contentsOf: variant.appendingPathComponent("expected-connlist.txt"), encoding: .utf8)))
    }

    @Test func theTextReportLocatesEachFindingInTheModelAndTheManifests() throws {
        let run = try TrustFlowProcess.run(["drift", Self.cluster, "--model", Self.model])
        #expect(run.status == 1, "high findings fail at the default --fail-on high")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(Self.model):20:5: high: [TF201] flow 4 (web → db) is blocked") })
        #expect(lines.contains("\(Self.cluster):53:1: note: [TF201] shown here in the manifests"), "the policy's line follows")
        #expect(lines.contains { $0.hasPrefix("\(Self.model):14:5: high: [TF202] Deployment shop/api can reach Deployment shop/cache on All Connections") })
        #expect(lines.contains { $0.hasPrefix("\(Self.model):21:5: low: [TF203] whether flow 5 (probe → api) passes is unknown") })
        #expect(lines.last == "6 findings (5 high, 1 low) in \(Self.model) against the manifests (1 file); 7 connections allowed, 1 unknown, between 5 workloads and the outside; 5 at or above high fail the check")
        let relaxed = try TrustFlowProcess.run(["drift", Self.cluster, "--model", Self.model, "--fail-on", "never"])
        #expect(relaxed.status == 0)
    }

    @Test func theModelsAcceptedRisksApplyToDriftFindings() throws {
        let directory = try Paths.temporaryDirectory()
        let model = directory.appendingPathComponent("model.yaml")
        let text = try String(contentsOfFile: Self.model, encoding: .utf8) + """
            acceptedRisks:
              - {rule: TF201, target: web-to-db, reason: "replaced by the api next release"}
              - {rule: TF205, target: api, reason: "nothing to accept"}

            """
        try Data(text.utf8).write(to: model)
        let run = try TrustFlowProcess.run(["drift", Self.cluster, "--model", model.path, "--fail-on", "never"])
        #expect(run.output.contains("accepted: [TF201] flow 4 (web → db) is blocked"))
        #expect(run.standardError.contains("accepts TF205 on 'api', but there is no such finding; remove the stale acceptance"))
        let check = try TrustFlowProcess.run(["check", model.path, "--fail-on", "never"])
        #expect(!check.standardError.contains("TF201"), "without manifests an acceptance of a drift rule is neither unknown nor stale")
    }

    @Test func jsonCarriesEveryVerdictWithItsReasonsAndTheMatrix() throws {
        let run = try TrustFlowProcess.run(["drift", Self.cluster, "--model", Self.model, "--format", "json", "--today", "2026-01-01"])
        #expect(run.status == 1)
        let document = try Self.json(run.standardOutput)
        let connections = try #require(document["connections"] as? [[String: Any]])
        #expect(connections.count == 8)
        let unknown = try #require(connections.first { $0["verdict"] as? String == "unknown" })
        #expect(unknown["source"] as? String == "ops/probe[Deployment]" && unknown["destination"] as? String == "shop/api[Deployment]")
        #expect(unknown["unknown"] as? String == "TCP 9100")
        #expect((unknown["reasons"] as? [String])?.contains {
            $0.contains("may allow TCP 9100: namespace ops has no Namespace object in the manifests")
        } == true)
        let declared = try #require(document["declaredFlows"] as? [[String: Any]])
        #expect(declared.map { $0["verdict"] as? String } == ["allowed", "allowed", "allowed", "denied", "unknown"])
        #expect(declared.first?["source"] as? String == "public-internet[External]", "the model's customer, somewhere on the Internet")
        let matrix = try #require((document["matrix"] as? [String: Any])?["namespace"] as? [String: Any])
        #expect(matrix["labels"] as? [String] == ["ops", "shop", "0.0.0.0-255.255.255.255[External]"])
        let findings = try #require(document["findings"] as? [[String: Any]])
        let blocked = try #require(findings.first { $0["rule"] as? String == "TF201" })
        #expect((blocked["manifestLocations"] as? [[String: Any]])?.first?["file"] as? String == Self.cluster)
        #expect(blocked["line"] as? Int == 20 && blocked["file"] == nil, "the model's line")
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func sarifIsValidAndCarriesBothLocations() throws {
        for arguments in [["drift", Self.cluster, "--model", Self.model, "--format", "sarif"], ["drift", Self.cluster, "--format", "sarif"],
            ["check", Self.model, "--manifests", Self.cluster, "--format", "sarif"]]
        {
            let run = try TrustFlowProcess.run(arguments)
            #expect(try JSONSchemaValidator.errors(of: run.standardOutput, schema: SharedData.sarifSchema) == [], "\(arguments)")
        }
        let run = try TrustFlowProcess.run(["drift", Self.cluster, "--model", Self.model, "--format", "sarif"])
        let sarif = try Self.json(run.standardOutput)
        let results = try #require((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let blocked = try #require(results.first { $0["ruleId"] as? String == "TF201" })
        let uris = (blocked["locations"] as? [[String: Any]])?.compactMap {
            (($0["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        #expect(uris == [Self.model, Self.cluster, Self.cluster, Self.cluster])
    }

    @Test func markdownForAPullRequest() throws {
        let run = try TrustFlowProcess.run(["drift", Self.cluster, "--model", Self.model, "--format", "markdown", "--fail-on", "never"])
        #expect(run.status == 0)
        for heading in ["# Drift check: ", "## Findings", "## Declared flows", "## Connections"] {
            #expect(run.output.contains(heading), "\(heading)")
        }
        #expect(run.output.contains("| `web-to-db` | shop/web\\[Deployment\\] | shop/db\\[StatefulSet\\] | TCP 5432 | denied |"))
    }

    @Test func checkWithManifestsRunsTheDriftRulesBesideTheModelRules() throws {
        let run = try TrustFlowProcess.run(["check", Self.model, "--manifests", Self.cluster, "--format", "json"])
        #expect(run.status == 1)
        let rules = Set(((try Self.json(run.standardOutput)["models"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])?
            .compactMap { $0["rule"] as? String } ?? [])
        #expect(rules.isSuperset(of: ["TF101", "TF201", "TF202", "TF203"]), "\(rules)")
        let text = try TrustFlowProcess.run(["check", Self.model, "--manifests", Self.cluster])
        #expect(text.output.contains("\(Self.cluster):53:1: note: [TF201] shown here in the manifests"))
        let plain = try TrustFlowProcess.run(["check", Self.model, "--fail-on", "never"])
        #expect(!plain.output.contains("TF2"), "no manifests, no drift rules")
    }

    @Test func renderWithManifestsDrawsEachVerdictInItsOwnStyle() throws {
        let directory = try Paths.temporaryDirectory()
        let dot = directory.appendingPathComponent("overlay.dot")
        let run = try TrustFlowProcess.run(["render", Self.model, "--manifests", Self.cluster, "-o", dot.path])
        #expect(run.status == 0, "\(run.standardError)")
        let text = try String(contentsOf: dot, encoding: .utf8)
        let edges = text.split(separator: "\n").filter { $0.contains("->") }.map(String.init)
        let blocked = try #require(edges.first { $0.contains("flow-web-to-db") })
        #expect(blocked.contains("style=\"dashed\"") && text.contains("✗ blocked"))
        let undeclared = try #require(edges.first { $0.contains("undeclared-api-to-cache") })
        #expect(undeclared.contains("style=\"bold\"") && text.contains("⚠ undeclared"))
        let allowed = try #require(edges.first { $0.contains("flow-web-to-api\"") })
        #expect(!allowed.contains("dashed") && !allowed.contains("bold"), "declared and allowed: drawn as usual")
        #expect(text.contains("? unverified"))
        #expect(text.contains("Reachability") && text.contains("allowed by NetworkPolicy, not declared") && text.contains("declared, blocked by NetworkPolicy"))
        let svg = try TrustFlowProcess.run(["render", Self.model, "--manifests", Self.cluster, "-o", directory.appendingPathComponent("overlay.svg").path])
        #expect(svg.status == 0, "\(svg.standardError)")
        let several = try TrustFlowProcess.run(["render", Self.model, Self.model, "--manifests", Self.cluster])
        #expect(several.status == 2 && several.standardError.contains("--manifests draws one model"))
    }

    @Test func malformedPoliciesAreLocatedAndWriteNothing() throws {
        let directory = try Paths.temporaryDirectory()
        let bad = directory.appendingPathComponent("bad.yaml")
        try Data("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: broken, namespace: shop}
            spec:
              podSelector: {}
              policyTypes: [Ingres]
              ingress: [{from: [{ipBlock: {cidr: 300.0.0.0/8}}]}]

            """.utf8).write(to: bad)
        let output = directory.appendingPathComponent("report.json")
        let run = try TrustFlowProcess.run(["drift", bad.path, "--format", "json", "-o", output.path])
        #expect(run.status == 2)
        #expect(run.standardError.contains("\(bad.path):6:17: error: spec.policyTypes[0]: 'Ingres' is not a policy type; did you mean 'Ingress'? (in NetworkPolicy shop/broken)"))
        #expect(run.standardError.contains("\(bad.path):7:38: error: spec.ingress[0].from[0].ipBlock.cidr: '300.0.0.0/8' is not a CIDR block: '300.0.0.0' is not an IPv4 address (in NetworkPolicy shop/broken)"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func policiesOfKindsNotEvaluatedAreReportedNotIgnored() throws {
        let cilium = """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: l7-rules, namespace: shop}
            spec: {endpointSelector: {}}

            """
        let run = try TrustFlowProcess.run(["drift", Self.cluster, "-", "--fail-on", "never"], input: Array(cilium.utf8))
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.output.contains("<stdin>:1:1: medium: [TF212] CiliumNetworkPolicy shop/l7-rules (cilium.io/v2) is not evaluated: verdicts touching the pods of namespace shop are unknown"))
        #expect(run.output.contains("; 1 policy not evaluated"))
        let connections = try TrustFlowProcess.run(["drift", Self.cluster, "-", "--connections", "--fail-on", "never"], input: Array(cilium.utf8))
        #expect(!connections.output.contains("shop/"), "nothing touching shop is surely allowed")
    }

    @Test func badArgumentsExitTwo() throws {
        let both = try TrustFlowProcess.run(["drift", Self.cluster, "--connections", "--format", "json"])
        #expect(both.status == 2)
        let missing = try TrustFlowProcess.run(["drift", "no/such/dir"])
        #expect(missing.status == 2 && missing.standardError.contains("no/such/dir"))
        let model = try TrustFlowProcess.run(["drift", Self.cluster, "--model", "no/such/model.yaml"])
        #expect(model.status == 2)
    }
}
