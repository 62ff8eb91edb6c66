import Testing
import TrustFlow
import TrustFlowTestSupport

/// What the diagram says, checked on the structured graph rather than on text.
@Suite("Diagram structure")
struct DiagramBuilderTests {
    func graph(_ yaml: String, options: DiagramOptions = DiagramOptions()) throws -> DOTGraph {
        let model = try Models.yaml(yaml)
        return DiagramBuilder(options: options).build(model)
    }

    static let nested = """
        trustflow: 1
        title: Nested
        controls: [{id: rbac, label: RBAC roles, kind: rbac}]
        boundaries:
          - {id: c, kind: cluster}
          - {id: ns, kind: namespace, parent: c, controls: [rbac]}
          - {id: empty, kind: pod, parent: ns}
        elements:
          - {id: u, kind: actor}
          - {id: api, kind: process, boundary: ns, technology: Node.js}
          - {id: db, kind: datastore, boundary: ns}
        flows:
          - {from: u, to: api, encryption: tls}
          - {from: api, to: db, encryption: none, bidirectional: true}
          - {from: api, to: db}
          - {from: u, to: db, encryption: mtls}
        threatActors:
          - {id: t, kind: external-attacker, targets: [ns, api, empty]}
        """

    @Test func boundariesNestAsDeclared() throws {
        let graph = try graph(Self.nested)
        let clusters = subgraphs(graph.statements)
        #expect(clusters.map(\.name) == ["cluster_c"])
        let namespace = subgraphs(clusters[0].statements)
        #expect(namespace.map(\.name) == ["cluster_ns"])
        #expect(subgraphs(namespace[0].statements).map(\.name) == ["cluster_empty"])
        #expect(nodes(namespace[0].statements).map(\.name) == ["api", "db"])
        #expect(namespace[0].attributes["id"] == .string("boundary-ns"))
    }

    @Test func emptyBoundariesAreStillDrawn() throws {
        let empty = subgraphs(subgraphs(subgraphs(try graph(Self.nested).statements)[0].statements)[0].statements)[0]
        #expect(nodes(empty.statements).map(\.name) == ["_empty_empty"])
    }

    @Test func flowsAreNumberedInFileOrderAndStyledBySecurity() throws {
        let edges = edges(try graph(Self.nested).statements).filter { $0.attributes["id"].map { "\($0)".contains("flow-") } ?? false }
        #expect(edges.map(\.from) == ["u", "api", "api", "u"])
        let labels = edges.map { "\($0.attributes["label"]!)" }
        for (number, label) in labels.enumerated() { #expect(label.contains("\"\(number + 1).\"")) }
        let styles = edges.map { $0.attributes["style"] }
        #expect(styles == [.string("solid"), .string("bold"), .string("dotted"), .string("solid")])
        // Unknown encryption differs from none and from TLS in line style, colour and words.
        #expect(edges[2].attributes["color"] != edges[1].attributes["color"])
        #expect(labels[2].contains("encryption unknown") && labels[1].contains("unencrypted"))
        #expect(edges[1].attributes["dir"] == .string("both"))
        if case .colorList(let colors)? = edges[3].attributes["color"] { #expect(colors.count == 3) } else {
            Issue.record("mTLS should be a double line")
        }
    }

    @Test func attacksOnBoundariesPointAtTheCluster() throws {
        let attacks = edges(try graph(Self.nested).statements).filter { "\($0.attributes["id"]!)".contains("attack-") }
        #expect(attacks.map(\.to) == ["api", "api", "_empty_empty"])
        #expect(attacks[0].attributes["lhead"] == .string("cluster_ns"))
        #expect(attacks[1].attributes["lhead"] == nil)
        #expect(attacks[2].attributes["lhead"] == .string("cluster_empty"))
        #expect(attacks.allSatisfy { $0.attributes["style"] == .string("dashed") })
    }

    @Test func anActorInsideItsTargetDoesNotUseLhead() throws {
        let graph = try graph("""
            trustflow: 1
            title: x
            boundaries: [{id: p, kind: pod}]
            elements: [{id: e, kind: process, boundary: p}]
            threatActors: [{id: t, kind: compromised-container, boundary: p, targets: [p]}]
            """)
        let attack = edges(graph.statements).first { "\($0.attributes["id"]!)".contains("attack-") }
        #expect(attack?.attributes["lhead"] == nil)
    }

    @Test func theLegendListsOnlyWhatIsUsed() throws {
        let legend = "\(nodes(try graph(Self.nested).statements).first { $0.name == "_legend" }!.attributes["label"]!)"
        #expect(legend.contains("namespace — dashed border") && legend.contains("pod — solid border"))
        #expect(!legend.contains("container —"))
        #expect(legend.contains("⚠ unencrypted") && legend.contains("encryption unknown") && legend.contains("mTLS"))
        #expect(legend.contains("external system") == false)
        let noLegend = try graph(Self.nested, options: DiagramOptions(showLegend: false))
        #expect(nodes(noLegend.statements).allSatisfy { $0.name != "_legend" })
    }

    // MARK: Helpers

    func subgraphs(_ statements: [DOTStatement]) -> [DOTSubgraph] {
        statements.compactMap { if case .subgraph(let subgraph) = $0 { subgraph } else { nil } }
    }

    func nodes(_ statements: [DOTStatement]) -> [DOTNode] {
        statements.compactMap { if case .node(let node) = $0 { node } else { nil } }
    }

    func edges(_ statements: [DOTStatement]) -> [DOTEdge] {
        statements.compactMap { if case .edge(let edge) = $0 { edge } else { nil } }
    }
}

/// Settings that weaken isolation (privileged, host namespaces, …) are listed with ⚠, never
/// with the ✔ of a control, and the legend says what ⚠ means only when one is drawn.
@Suite("Weakening settings in the diagram")
struct WeakeningControlTests {
    @Test func aWeakeningSettingIsMarkedAndExplained() throws {
        let insecure = DOTWriter().write(DiagramBuilder().build(try Models.sample("k8s-three-tier-insecure.yaml"), findings: []))
        #expect(insecure.contains("⚠ privileged"))
        #expect(!insecure.contains("✔ privileged"))
        #expect(insecure.contains("✔ marks a security control, ⚠ a setting that weakens isolation"))
        let secure = DOTWriter().write(DiagramBuilder().build(try Models.sample("k8s-three-tier.yaml"), findings: []))
        #expect(secure.contains("✔ marks a security control."))
        #expect(!secure.contains("weakens isolation"))
    }
}
