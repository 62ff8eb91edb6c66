import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Issue 15, item 3: the reachability matrix as a picture (`drift --matrix`) and in the HTML
/// report (`report --manifests`). A small cluster written here: web may reach api (declared),
/// api may reach db but the model does not say so, the model's web → db flow is blocked, and
/// db's port is left open to everyone by a rule with no peer.
@Suite("Reachability matrix picture")
struct ReachabilityMatrixPictureTests {
    static let manifests = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          selector: { matchLabels: { app: web } }
          template:
            metadata: { labels: { app: web } }
            spec: { containers: [{ name: web, image: nginx:1.25, ports: [{ containerPort: 80 }] }] }
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: api, namespace: shop }
        spec:
          selector: { matchLabels: { app: api } }
          template:
            metadata: { labels: { app: api } }
            spec: { containers: [{ name: api, image: example/api:1.0, ports: [{ containerPort: 8080 }] }] }
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: db, namespace: shop }
        spec:
          selector: { matchLabels: { app: db } }
          template:
            metadata: { labels: { app: db } }
            spec: { containers: [{ name: db, image: postgres:16, ports: [{ containerPort: 5432 }] }] }
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: api-from-web, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: api } }
          ingress: [{ from: [{ podSelector: { matchLabels: { app: web } } }], ports: [{ port: 8080 }] }]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: db-from-api, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: db } }
          ingress: [{ from: [{ podSelector: { matchLabels: { app: api } } }], ports: [{ port: 5432 }] }]

        """

    static let model = """
        trustflow: 1
        title: Shop
        boundaries:
          - { id: ns, kind: namespace, k8s: { kind: Namespace, name: shop } }
        elements:
          - { id: web, kind: process, boundary: ns, k8s: { kind: Deployment, name: web, namespace: shop, container: web } }
          - { id: api, kind: process, boundary: ns, k8s: { kind: Deployment, name: api, namespace: shop, container: api } }
          - { id: db, kind: datastore, boundary: ns, k8s: { kind: Deployment, name: db, namespace: shop, container: db } }
        flows:
          - { from: web, to: api, protocol: HTTP, port: 8080 }
          - { from: web, to: db, protocol: PostgreSQL, port: 5432 }

        """

    func directory() throws -> URL {
        let directory = try Paths.temporaryDirectory()
        try Data(Self.manifests.utf8).write(to: directory.appendingPathComponent("shop.yaml"))
        try Data(Self.model.utf8).write(to: directory.appendingPathComponent("model.yaml"))
        return directory
    }

    /// The words of the cell from `row` to `column` of the drawn matrix (Graphviz gives a cell
    /// with a tooltip the id `a_` + its own).
    func cellText(_ svg: SVGDocument, row: Int, column: Int, prefix: String = "") -> String {
        svg.contents(ofID: "a_\(prefix)reach-\(row)-\(column)").filter { $0.name == "text" }.map(\.text).joined()
    }

    @Test func driftDrawsTheMatrixWithTheModelsFlows() throws {
        let directory = try directory()
        let result = try TrustFlowProcess.run(["drift", "shop.yaml", "--model", "model.yaml", "--matrix", "reach.svg", "--fail-on",
            "never", "-q"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        let svg = try SVGDocument(try Paths.bytes(directory.appendingPathComponent("reach.svg")))
        let texts = svg.texts.joined(separator: "\n")
        // Rows: api, db, web (np-guard's order: by name), then the outside.
        #expect(texts.contains("reachability by workload"))
        for word in ["api", "db", "web", "0.0.0.0-255.255.255.255[External]"] { #expect(texts.contains(word), "\(word)") }
        // web → api allowed and declared; api → db allowed, not declared; web → db declared but blocked.
        #expect(cellText(svg, row: 2, column: 0) == "✔ TCP 8080")
        #expect(cellText(svg, row: 0, column: 1) == "⚠ TCP 5432")
        #expect(cellText(svg, row: 2, column: 1) == "✗ blocked")
        // Nothing may reach web's port but web is not isolated: allowed from everywhere, undeclared.
        #expect(cellText(svg, row: 0, column: 2) == "⚠ all")
        for legend in ["allowed, and the model declares a flow here", "allowed, but the model declares no flow here",
            "declared in the model, but no port is allowed", "denied, and not declared"]
        {
            #expect(texts.contains(legend), "\(legend)")
        }
        // Without a model: allowed or denied only.
        let alone = try TrustFlowProcess.run(["drift", "shop.yaml", "--matrix", "alone.svg", "--fail-on", "never", "-q"], in: directory)
        #expect(alone.status == 0, "\(alone.standardError)")
        let aloneSVG = try SVGDocument(try Paths.bytes(directory.appendingPathComponent("alone.svg")))
        #expect(cellText(aloneSVG, row: 0, column: 1) == "✔ TCP 5432")
        #expect(!aloneSVG.texts.joined().contains("declare"))
    }

    @Test func theMatrixCanBeByNamespaceAndIsTheSameTwice() throws {
        let directory = try directory()
        var pictures: [[UInt8]] = []
        for run in 0..<2 {
            let result = try TrustFlowProcess.run(["drift", "shop.yaml", "--model", "model.yaml", "--matrix", "ns\(run).png",
                "--matrix-level", "namespace", "--fail-on", "never", "-q"], in: directory)
            #expect(result.status == 0, "\(result.standardError)")
            pictures.append(try Paths.bytes(directory.appendingPathComponent("ns\(run).png")))
        }
        #expect(pictures[0] == pictures[1])
        #expect(Array(pictures[0].prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        let wrong = try TrustFlowProcess.run(["drift", "shop.yaml", "--matrix", "reach.txt"], in: directory)
        #expect(wrong.status == 2)
    }

    @Test func theHTMLReportShowsTheMatrixAndTheDriftFindings() throws {
        let directory = try directory()
        let result = try TrustFlowProcess.run(["report", "model.yaml", "--manifests", "shop.yaml", "-o", "report.html", "-q"],
            in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOf: directory.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<section id=\"reachability\">"))
        #expect(html.contains("<a href=\"#reachability\">Reachability in the cluster</a>"))
        #expect(html.contains("a_reachability&#45;reach&#45;2&#45;1"))
        #expect(html.contains("TF201"), "the blocked flow is a finding of the report")
        // A drift finding has its rule's title and remediation, not the report's title.
        let rule = try #require(RuleCatalog.rule("TF201"))
        #expect(html.contains("[TF201] \(HTMLText.escape(rule.title))</strong>"), "\(html)")
        #expect(html.contains("<em>Remediation:</em> \(HTMLText.escape(rule.remediation))"))
        #expect(!html.contains("] Shop</strong>"))
        let plain = try TrustFlowProcess.run(["report", "model.yaml", "-o", "plain.html", "-q"], in: directory)
        #expect(plain.status == 0)
        #expect(!(try String(contentsOf: directory.appendingPathComponent("plain.html"), encoding: .utf8)).contains("id=\"reachability\""))
    }
}
