import Testing
import TrustFlow
import TrustFlowTestSupport

/// Edge labels drawn as nodes (``EdgeLabelPlacement/node``, what `dot` gets): each labelled
/// edge runs through its label's node, which sits in the innermost cluster around both ends.
@Suite("Edge labels as nodes")
struct EdgeLabelNodeTests {
    static let model = """
        trustflow: 1
        title: Labels
        boundaries:
          - {id: c, kind: cluster}
          - {id: ns-a, kind: namespace, parent: c}
          - {id: ns-b, kind: namespace, parent: c}
        elements:
          - {id: user, kind: actor}
          - {id: a1, kind: process, boundary: ns-a}
          - {id: a2, kind: process, boundary: ns-a}
          - {id: b1, kind: datastore, boundary: ns-b}
        flows:
          - {id: f1, from: a1, to: a2, encryption: mtls}
          - {id: f2, from: a1, to: b1, encryption: tls}
          - {id: f3, from: user, to: a1, encryption: none, bidirectional: true}
        """

    func graph(_ view: DiagramView = .full, labels: EdgeLabelPlacement = .node) throws -> DOTGraph {
        DiagramBuilder(options: DiagramOptions(view: view, edgeLabels: labels)).build(try Models.yaml(Self.model), findings: [])
    }

    func nodeNames(in statements: [DOTStatement], cluster: String) -> [String] {
        for statement in statements {
            guard case .subgraph(let subgraph) = statement else { continue }
            if subgraph.name == cluster {
                return subgraph.statements.compactMap { if case .node(let node) = $0 { node.name } else { nil } }
            }
            let inner = nodeNames(in: subgraph.statements, cluster: cluster)
            if !inner.isEmpty { return inner }
        }
        return []
    }

    @Test func aLabelSitsInTheInnermostClusterAroundBothEnds() throws {
        let graph = try graph()
        #expect(nodeNames(in: graph.statements, cluster: "cluster_ns-a").contains("_label_flow-f1"))
        #expect(nodeNames(in: graph.statements, cluster: "cluster_c").contains("_label_flow-f2"))
        let topLevel = graph.statements.compactMap { if case .node(let node) = $0 { node.name } else { nil } }
        #expect(topLevel.contains("_label_flow-f3"))
    }

    @Test func theEdgeRunsThroughItsLabelInTwoHalvesWithItsStyle() throws {
        let edges = try graph().statements.compactMap { if case .edge(let edge) = $0 { edge } else { nil } }
        let halves = edges.filter { HTMLContent.string($0.attributes["id"]).hasSuffix("flow-f2") }
        #expect(halves.map { "\($0.from)>\($0.to)" } == ["a1>_label_flow-f2", "_label_flow-f2>b1"])
        #expect(halves.map { HTMLContent.string($0.attributes["id"]) } == ["tail-flow-f2", "flow-f2"])
        #expect(halves.allSatisfy { $0.attributes["label"] == nil && $0.attributes["color"] == halves[0].attributes["color"] })
        #expect(halves[0].attributes["dir"] == "none" && halves[1].attributes["dir"] == nil)
        // Both ways: the arrowtail on the tail half, the arrowhead on the head half.
        let both = edges.filter { HTMLContent.string($0.attributes["id"]).hasSuffix("flow-f3") }
        #expect(both.map { $0.attributes["dir"] } == ["back", nil])
        #expect(both[0].attributes["arrowtail"] != nil && both[1].attributes["arrowtail"] == nil)
        let label = try #require(HTMLContent.nodes(try graph().statements).first { $0.name == "_label_flow-f3" })
        #expect(HTMLContent.string(label.attributes["label"]).contains("⚠ unencrypted"))
        #expect(label.attributes["id"] == "label-flow-f3" && label.attributes["shape"] == "plaintext")
    }

    @Test func mergedEdgesGetLabelNodesTooAndLabelsOnEdgesStayWhole() throws {
        let collapsed = try graph(.collapse(.namespace))
        #expect(nodeNames(in: collapsed.statements, cluster: "cluster_c").contains("_label_flows-ns-a-to-ns-b"))
        let whole = try graph(labels: .onEdge).statements.compactMap { if case .edge(let edge) = $0 { edge } else { nil } }
        #expect(whole.count == 3 && whole.allSatisfy { $0.attributes["label"] != nil })
    }
}
