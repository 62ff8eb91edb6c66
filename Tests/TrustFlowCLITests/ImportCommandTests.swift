import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// End to end: `trustflow import k8s` through the built binary.
@Suite("trustflow import k8s")
struct ImportCommandTests {
    static let shop = Paths.root.appendingPathComponent("Tests/TrustFlowKubernetesTests/Fixtures/shop")
    static let web = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: app, image: "web:1", env: [{name: API_ADDR, value: "api:80"}]}]}
        """

    @Test func withoutOutputTheModelGoesToStandardOutputAndTheSummaryToStandardError() throws {
        let run = try TrustFlowProcess.run(["import", "k8s", Self.shop.path])
        #expect(run.status == 0)
        let model = try ModelLoader().load(run.standardOutput, file: "out.yaml", format: .yaml).model
        #expect(model.title == "Kubernetes manifests")
        #expect(run.standardError == """
            \(Self.shop.path)/api.yaml:39:15: warning: env PAYMENTS_ADDR of shop/api (container api) names Service shop/payments, which is not in the manifests; no flow is drawn
            imported 2 namespaces, 6 workloads, 8 containers, 9 flows (2 from the Internet); skipped 2 objects (1 HorizontalPodAutoscaler, 1 ServiceMonitor); -v lists them

            """)
    }

    @Test func verboseListsEverySkippedObjectAndQuietNothing() throws {
        let verbose = try TrustFlowProcess.run(["import", "k8s", Self.shop.path, "-v"])
        #expect(verbose.standardError.contains("\(Self.shop.path)/ops.yaml:46:1: note: skipped ServiceMonitor monitoring/node-agent (monitoring.coreos.com/v1): custom resource\n"))
        #expect(verbose.standardError.contains("ops.yaml:36:1: note: skipped HorizontalPodAutoscaler shop/web (autoscaling/v2): kind not modelled\n"))
        let quiet = try TrustFlowProcess.run(["import", "k8s", Self.shop.path, "-q"])
        #expect(quiet.status == 0 && quiet.standardError.isEmpty)
        #expect(quiet.standardOutput == verbose.standardOutput)
    }

    @Test func theOutputsFormatFollowsItsExtensionAndIsWrittenAtomically() throws {
        let directory = try Paths.temporaryDirectory()
        let json = directory.appendingPathComponent("model.json")
        let run = try TrustFlowProcess.run(["import", "k8s", Self.shop.path, "-o", json.path, "-q"])
        #expect(run.status == 0)
        let fromJSON = try ModelFile.load(json.path).model
        let yaml = try TrustFlowProcess.run(["import", "k8s", Self.shop.path, "-o", "-", "-q"])
        #expect(fromJSON == (try ModelLoader().load(yaml.standardOutput, file: "m.yaml", format: .yaml).model))
        let again = try TrustFlowProcess.run(["import", "k8s", Self.shop.path, "-o", json.path])
        #expect(again.standardError.hasSuffix("\(json.path) is up to date\n"))
    }

    @Test func standardInputAndOptions() throws {
        let run = try TrustFlowProcess.run(["import", "k8s", "-", "--cluster", "prod", "--namespace", "shop", "--title", "Web shop"],
            input: Array(Self.web.utf8))
        #expect(run.status == 0, "\(run.standardError)")
        let model = try ModelLoader().load(run.standardOutput, file: "m.yaml", format: .yaml).model
        #expect(model.title == "Web shop")
        #expect(model.boundaries.map(\.id) == ["prod", "ns-shop", "pod-shop.web", "ctr-shop.web.app"])
        #expect(run.standardError.hasPrefix("<stdin>:8:59: warning: env API_ADDR of shop/web (container app) names Service shop/api"))
        #expect(KubernetesImportRecord(of: model)?.files == ["stdin"])
    }

    @Test func badManifestsExitTwoLocatedAndWriteNothing() throws {
        let directory = try Paths.temporaryDirectory()
        try Data(Self.web.replacingOccurrences(of: "image: \"web:1\"", with: "image: [web]").utf8).write(to: directory.appendingPathComponent("web.yaml"))
        try Data("previous".utf8).write(to: directory.appendingPathComponent("model.yaml"))
        let run = try TrustFlowProcess.run(["import", "k8s", "web.yaml", "missing.yaml", "-o", "model.yaml"], in: directory)
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError == "missing.yaml: error: no such file\n1 error in the manifests; nothing was written\n")
        let typed = try TrustFlowProcess.run(["import", "k8s", "web.yaml", "-o", "model.yaml"], in: directory)
        #expect(typed.status == 2)
        #expect(typed.standardError == """
            web.yaml:8:44: error: spec.template.spec.containers[0].image: expected text, found a list (in Deployment default/web)
            1 error in the manifests; nothing was written

            """)
        #expect(try String(contentsOf: directory.appendingPathComponent("model.yaml"), encoding: .utf8) == "previous")
    }

    @Test(arguments: [
        (["import", "k8s"], "Missing expected argument '<path> ...'"),
        (["import", "k8s", "x.yaml", "-o", "model.svg"], "cannot tell the format from 'model.svg'; use .yaml, .yml or .json"),
        (["import", "k8s", "x.yaml", "--cluster", ""], "--cluster must not be empty"),
        (["import", "k8s", "-", "-"], "standard input can be read only once"),
        (["import", "terraform", "x"], "unexpected arguments: 'terraform', 'x'"),
    ])
    func badArgumentsExitTwo(arguments: [String], message: String) throws {
        let run = try TrustFlowProcess.run(arguments)
        #expect(run.status == 2)
        #expect(run.standardError.contains(message), "\(run.standardError)")
    }

    @Test func helpDescribesWhatComesFromWhat() throws {
        let help = try TrustFlowProcess.run(["import", "k8s", "--help"])
        #expect(help.status == 0)
        for text in ["What comes from what", "LoadBalancer", "secret", "--merge", "-v lists them", "x-trustflow-import",
            "--namespace <namespace>", "--cluster <cluster>"]
        {
            #expect(help.output.contains(text), "\(text)")
        }
        let parent = try TrustFlowProcess.run(["import", "--help"])
        #expect(parent.output.contains("Kubernetes manifests"))
        #expect(parent.output.contains("k8s"))
    }

    @Test func convertKeepsTheImportRecordAndCheckReadsTheModel() throws {
        let directory = try Paths.temporaryDirectory()
        let yaml = directory.appendingPathComponent("m.yaml")
        let json = directory.appendingPathComponent("m.json")
        let back = directory.appendingPathComponent("n.yaml")
        #expect(try TrustFlowProcess.run(["import", "k8s", Self.shop.path, "-o", yaml.path]).status == 0)
        #expect(try TrustFlowProcess.run(["convert", yaml.path, "-o", json.path]).status == 0)
        #expect(try TrustFlowProcess.run(["convert", json.path, "-o", back.path]).status == 0)
        #expect(try Paths.bytes(back) == (try Paths.bytes(yaml)))
        #expect(String(decoding: try Paths.bytes(json), as: UTF8.self).contains("\"x-trustflow-import\": {"))
        let check = try TrustFlowProcess.run(["check", yaml.path, "--format", "json"])
        #expect(check.status == 1, "the shop has high findings")
        let sarif = try TrustFlowProcess.run(["check", yaml.path, "--format", "sarif", "--fail-on", "never"])
        for rule in ["TF114", "TF115", "TF116", "TF117", "TF118", "TF119", "TF120", "TF121"] {
            #expect(sarif.output.contains("\"id\" : \"\(rule)\""), "\(rule) in the SARIF rule list")
        }
    }
}
