import Testing
import TrustFlow
import TrustFlowTestSupport

/// What the views draw — boxes, merged flows, a focus, atlas pages — checked on the graph.
@Suite("Views")
struct ViewTests {
    /// Two namespaces in a cluster; `a1`, `a2` in `ns-a` (in a pod), `b1` in `ns-b`, a user
    /// outside. Flows are written so each merge rule has a case.
    static let twoNamespaces = """
        trustflow: 1
        title: Two namespaces
        controls: [{id: rbac, label: RBAC roles, kind: rbac}]
        boundaries:
          - {id: c, kind: cluster}
          - {id: ns-a, label: alpha, kind: namespace, parent: c, controls: [rbac]}
          - {id: pod-a, kind: pod, parent: ns-a}
          - {id: ns-b, label: beta, kind: namespace, parent: c}
          - {id: ns-empty, kind: namespace, parent: c}
        elements:
          - {id: user, kind: actor}
          - {id: a1, kind: process, boundary: pod-a}
          - {id: a2, kind: process, boundary: ns-a}
          - {id: b1, kind: datastore, boundary: ns-b}
        flows:
          - {id: f1, from: a1, to: b1, encryption: tls}
          - {id: f2, from: a2, to: b1, encryption: mtls}
          - {id: f3, from: user, to: a1, encryption: tls, bidirectional: true}
          - {id: f4, from: a1, to: a2, encryption: none}
          - {id: f5, from: a2, to: b1}
          - {id: f6, from: b1, to: a1, encryption: mtls}
          - {id: f7, from: user, to: a2, encryption: tls}
          - {id: f8, from: a2, to: a1, encryption: tls}
        threatActors:
          - {id: t, kind: compromised-container, boundary: pod-a, targets: [a1, pod-a, ns-b, user]}
        """

    func graph(_ yaml: String, view: DiagramView, findings: [Finding] = []) throws -> DOTGraph {
        let model = try Models.yaml(yaml)
        return DiagramBuilder(options: DiagramOptions(view: view)).build(model, findings: findings)
    }

    // MARK: Collapse

    @Test func eachNamespaceIsOneBoxAndWhatIsInsideDisappears() throws {
        let graph = try graph(Self.twoNamespaces, view: .collapse(.namespace))
        let cluster = try #require(subgraphs(graph.statements).first)
        #expect(cluster.name == "cluster_c")
        #expect(subgraphs(cluster.statements).isEmpty, "no namespace or pod cluster is left")
        let boxes = nodes(cluster.statements).filter { $0.name.hasPrefix("_box_") }
        #expect(nodes(cluster.statements).map(\.name) == ["_box_ns-a", "_box_ns-b", "_box_ns-empty", "t"])
        #expect(boxes.map { $0.attributes["id"] } == [.string("boundary-ns-a"), .string("boundary-ns-b"), .string("boundary-ns-empty")])
        // Styled like a namespace: its dashed, rounded border and colour.
        #expect(boxes[0].attributes["style"] == .string("filled,rounded,dashed"))
        #expect(boxes[0].attributes["color"] == .color(DiagramTheme.standard.boundaries[.namespace]!.lineColor))
        let label = text(boxes[0].attributes["label"])
        #expect(label.contains("NAMESPACE") && label.contains("alpha") && label.contains("✔ RBAC roles"))
        #expect(label.contains("2 elements, 2 internal flows"))
        #expect(text(boxes[1].attributes["label"]).contains("1 element, 0 internal flows"))
        #expect(text(boxes[2].attributes["label"]).contains("0 elements, 0 internal flows"))
        // Only the user is still drawn as an element.
        #expect(allNodes(graph.statements).filter { text($0.attributes["id"]).contains("element-") }.map(\.name) == ["user"])
    }

    @Test func flowsBetweenBoxesMergePerPairAndDirectionInFileOrder() throws {
        let merged = edges(try graph(Self.twoNamespaces, view: .collapse(.namespace)).statements)
            .filter { text($0.attributes["id"]).contains("flows-") }
        #expect(merged.map { "\($0.from)>\($0.to)" } == [
            "_box_ns-a>_box_ns-b", "user>_box_ns-a", "_box_ns-b>_box_ns-a", "user>_box_ns-a",
        ])
        #expect(merged.map { $0.attributes["id"] } == [
            .string("flows-ns-a-to-ns-b"), .string("flows-user-and-ns-a"), .string("flows-ns-b-to-ns-a"),
            .string("flows-user-to-ns-a"),
        ])
        // f1 (TLS), f2 (mTLS) and f5 (unknown) merge; drawn as the weakest, unknown.
        let unknown = DiagramTheme.standard.flows[.unknown]!
        #expect(merged[0].attributes["style"] == .string(unknown.lineStyle.rawValue))
        #expect(merged[0].attributes["color"] == .color(unknown.color))
        let label = text(merged[0].attributes["label"])
        #expect(label.contains("3 flows") && label.contains("weakest: ") && label.contains("? encryption unknown"))
        let tooltip = text(merged[0].attributes["tooltip"])
        #expect(tooltip.contains("1. a1 → b1 (tls)") && tooltip.contains("2. a2 → b1 (mtls)") && tooltip.contains("5. a2 → b1 (unknown)"))
        // A bidirectional flow keeps its two arrowheads and is not merged with one-way ones.
        #expect(merged[1].attributes["dir"] == .string("both"))
        #expect(merged[3].attributes["dir"] == nil)
        // One flow, all of one kind: the marker alone, the style of mTLS (a double line).
        #expect(text(merged[2].attributes["label"]).contains("1 flow"))
        #expect(!text(merged[2].attributes["label"]).contains("weakest"))
        if case .colorList(let colors)? = merged[2].attributes["color"] { #expect(colors.count == 3) } else {
            Issue.record("mTLS should be a double line")
        }
    }

    @Test func theWeakestEncryptionOrdersNoneUnknownTLSAndMTLS() {
        #expect(FlowSecurity.weakest([.mtls, .tls]) == .tls)
        #expect(FlowSecurity.weakest([.tls, .unknown, .mtls]) == .unknown)
        #expect(FlowSecurity.weakest([.unknown, .unencrypted, .tls]) == .unencrypted)
        #expect(FlowSecurity.weakest([.mtls]) == .mtls)
    }

    @Test func aMergedEdgeCarriesTheWorstUnacceptedFindingOfItsFlows() throws {
        func finding(_ rule: String, _ severity: Severity, on flow: String) -> Finding {
            Finding(ruleID: rule, severity: severity, message: "\(rule) on \(flow)",
                target: FindingTarget(kind: .flow, id: flow, path: ModelPath("flows")))
        }
        let findings = [
            finding("TF105", .medium, on: "f1"), finding("TF101", .critical, on: "f5"), finding("TF102", .high, on: "f2"),
            finding("TF101", .high, on: "f4"),
        ]
        let graph = try graph(Self.twoNamespaces, view: .collapse(.namespace), findings: findings)
        let edge = try #require(edges(graph.statements).first { $0.attributes["id"] == .string("flows-ns-a-to-ns-b") })
        let label = text(edge.attributes["label"])
        #expect(label.contains("⚠ TF101 critical") && label.contains("+2 more"))
        #expect(!label.contains("TF105") && !label.contains("TF102"))
        #expect(edge.attributes["color"] == .color(DiagramTheme.standard.findingColors[.critical]!))
        // Not thicker: a thick line is how unencrypted flows are drawn. f5's unknown encryption is the weakest.
        #expect(edge.attributes["penwidth"] == .number(DiagramTheme.standard.flows[.unknown]!.penWidth))
        // f4 is inside ns-a: its finding is summed up in the box.
        let box = try #require(allNodes(graph.statements).first { $0.name == "_box_ns-a" })
        #expect(text(box.attributes["label"]).contains("inside:") && text(box.attributes["label"]).contains("⚠ 1 high"))
        let other = try #require(allNodes(graph.statements).first { $0.name == "_box_ns-b" })
        #expect(!text(other.attributes["label"]).contains("inside:"))
    }

    @Test func attacksOnHiddenThingsPointAtTheBoxOnce() throws {
        let graph = try graph(Self.twoNamespaces, view: .collapse(.namespace))
        // The actor stood in pod-a, which is gone: it is drawn beside ns-a's box, in the cluster.
        let cluster = try #require(subgraphs(graph.statements).first)
        #expect(nodes(cluster.statements).contains { $0.name == "t" })
        let attacks = edges(graph.statements).filter { text($0.attributes["id"]).contains("attack-") }
        #expect(attacks.map(\.to) == ["_box_ns-a", "_box_ns-b", "user"])
        #expect(attacks.map { $0.attributes["id"] } == [.string("attack-t-ns-a"), .string("attack-t-ns-b"), .string("attack-t-user")])
        #expect(text(attacks[0].attributes["tooltip"]) == "t attacks a1 (inside namespace alpha), pod pod-a (inside namespace alpha)")
        #expect(attacks.allSatisfy { $0.attributes["lhead"] == nil })
    }

    @Test func theLegendAndTitleExplainTheView() throws {
        let graph = try graph(Self.twoNamespaces, view: .collapse(.namespace))
        let legend = try legendText(graph)
        #expect(legend.contains("This view") && legend.contains("namespace as one box") && legend.contains("flows merged into one edge"))
        #expect(!legend.contains("pod — "), "no pod is drawn")
        #expect(legend.contains("namespace — dashed border"))
        #expect(!legend.contains("process —"), "every process is inside a box")
        #expect(text(graph.attributes["label"]).contains("each namespace drawn as one box (3 boxes)"))
    }

    @Test func boundariesAboveTheKindStayClustersAndNestedOnesOfTheKindAreInside() throws {
        let graph = try graph("""
            trustflow: 1
            title: Nested
            boundaries:
              - {id: outer, kind: generic}
              - {id: n1, kind: namespace, parent: outer}
              - {id: n2, kind: namespace, parent: n1}
              - {id: p, kind: pod}
            elements:
              - {id: x, kind: process, boundary: n2}
              - {id: y, kind: process, boundary: p}
            flows: [{from: x, to: y, encryption: none}]
            """, view: .collapse(.namespace))
        let clusters = subgraphs(graph.statements)
        #expect(clusters.map(\.name) == ["cluster_outer", "cluster_p"])
        #expect(nodes(clusters[0].statements).map(\.name) == ["_box_n1"])
        #expect(text(nodes(clusters[0].statements)[0].attributes["label"]).contains("1 element"))
        #expect(nodes(clusters[1].statements).map(\.name) == ["y"])
        #expect(edges(graph.statements).map { "\($0.from)>\($0.to)" } == ["_box_n1>y"])
    }

    @Test func aKindTheModelLacksDrawsTheFullDiagramWithAWarning() throws {
        let model = try Models.yaml(Self.twoNamespaces)
        let collapsed = DOTWriter().write(DiagramBuilder(options: DiagramOptions(view: .collapse(.container))).build(model))
        let full = DOTWriter().write(DiagramBuilder().build(model))
        #expect(collapsed == full)
        #expect(DiagramView.collapse(.container).warnings(for: model)
            == ["the model has no container boundary to collapse (its kinds are cluster, namespace, pod); nothing is collapsed"])
        #expect(DiagramView.collapse(.namespace).warnings(for: model).isEmpty)
    }

    // MARK: Focus

    /// A chain u → a → b → c → d, each in its own pod, with actors on both ends.
    static let chain = """
        trustflow: 1
        title: Chain
        boundaries:
          - {id: pa, kind: pod}
          - {id: pb, kind: pod}
          - {id: pc, kind: pod}
          - {id: pd, kind: pod}
        elements:
          - {id: u, kind: actor}
          - {id: a, kind: process, boundary: pa}
          - {id: b, kind: process, boundary: pb}
          - {id: c, kind: process, boundary: pc}
          - {id: d, kind: datastore, boundary: pd}
        flows:
          - {from: u, to: a, encryption: tls}
          - {from: a, to: b, encryption: tls}
          - {from: c, to: b, encryption: tls}
          - {from: c, to: d, encryption: none}
        threatActors:
          - {id: near, kind: external-attacker, targets: [b]}
          - {id: far, kind: malicious-insider, targets: [pd]}
        """

    @Test(arguments: [
        (0, ["b"], ["pb"], [String](), ["near"]),
        (1, ["a", "b", "c"], ["pa", "pb", "pc"], ["a-to-b", "c-to-b"], ["near"]),
        (2, ["u", "a", "b", "c", "d"], ["pa", "pb", "pc", "pd"], ["u-to-a", "a-to-b", "c-to-b", "c-to-d"], ["near", "far"]),
    ])
    func focusKeepsWhatIsWithinTheRadiusEitherWay(radius: Int, elements: [String], clusters: [String], flows: [String], actors: [String])
        throws
    {
        let graph = try graph(Self.chain, view: .focus(element: "b", radius: radius))
        let drawn = allNodes(graph.statements)
        #expect(drawn.filter { text($0.attributes["id"]).hasPrefix("element-") }.map(\.name) == elements)
        #expect(drawn.filter { text($0.attributes["id"]).hasPrefix("threat-") }.map(\.name) == actors)
        #expect(subgraphs(graph.statements).map(\.name) == clusters.map { "cluster_\($0)" })
        #expect(edges(graph.statements).compactMap { edge in
            guard case .string(let id)? = edge.attributes["id"], id.hasPrefix("flow-") else { return nil }
            return String(id.dropFirst(5))
        } == flows)
        #expect(text(graph.attributes["label"]).contains("focus: b, radius \(radius) · \(elements.count) of 5 elements, \(flows.count) of 4 flows"))
    }

    @Test func flowsKeepTheirNumbersInAFocus() throws {
        let graph = try graph(Self.chain, view: .focus(element: "d", radius: 1))
        let flow = try #require(edges(graph.statements).first { $0.attributes["id"] == .string("flow-c-to-d") })
        #expect(text(flow.attributes["label"]).contains("4."))
    }

    @Test func anUnknownFocusIsAnErrorWithASuggestion() throws {
        let model = try Models.yaml(Self.chain)
        #expect(throws: DiagramViewError("unknown element 'bb'; did you mean 'b'?")) {
            try DiagramView.focus(element: "bb", radius: 1).check(against: model)
        }
        #expect(throws: DiagramViewError("'pb' is a boundary, not an element; focus on an element id")) {
            try DiagramView.focus(element: "pb", radius: 1).check(against: model)
        }
        #expect(throws: DiagramViewError("the focus radius must be 0 or more, not -1")) {
            try DiagramView.focus(element: "b", radius: -1).check(against: model)
        }
        #expect(throws: DiagramViewError.self) { try DiagramView.atlasPage(boundary: "nope", level: .pod).check(against: model) }
        try DiagramView.focus(element: "b", radius: 3).check(against: model)
        #expect(throws: DiagramViewError("unknown boundary kind 'nmespace'; did you mean 'namespace'? "
            + "(one of cluster, node, namespace, pod, container, network, generic)")) {
            try DiagramView.boundaryKind(named: "nmespace")
        }
        #expect(try DiagramView.boundaryKind(named: "Namespace") == .namespace)
    }

    @Test func renderingAModelFromSwiftChecksItsView() throws {
        let model = try Models.sample("k8s-three-tier.yaml")
        #expect(throws: DiagramViewError("unknown element 'apii'; did you mean 'api'?")) {
            try model.render(.dot, options: DiagramOptions(view: .focus(element: "apii", radius: 1)))
        }
        let dot = String(decoding: try model.render(.dot, options: DiagramOptions(view: .collapse(.namespace))), as: UTF8.self)
        #expect(dot.contains("\"_box_ns-backend\" [id=\"boundary-ns-backend\""))
    }

    // MARK: Atlas

    @Test func theAtlasIndexLinksEveryBoxToItsPage() throws {
        let model = try Models.yaml(Self.twoNamespaces)
        let pages = DiagramBuilder().atlas(model, level: .namespace, findings: [])
        #expect(pages.map(\.name) == ["index", "matrix", "ns-a", "ns-b", "ns-empty"])
        #expect(pages.map(\.boundary) == [nil, nil, "ns-a", "ns-b", "ns-empty"])
        #expect(pages.map(\.view) == [.atlasIndex(level: .namespace), .matrix(.namespace),
            .atlasPage(boundary: "ns-a", level: .namespace), .atlasPage(boundary: "ns-b", level: .namespace),
            .atlasPage(boundary: "ns-empty", level: .namespace)])
        let boxes = allNodes(pages[0].graph.statements).filter { $0.name.hasPrefix("_box_") }
        #expect(boxes.map { $0.attributes["URL"] } == ["ns-a.svg", "ns-b.svg", "ns-empty.svg"].map(DOTValue.string))
        #expect(text(pages[0].graph.attributes["label"]).contains("select one to open its page"))
    }

    @Test func aPageShowsItsBoundaryInFullAndItsNeighboursAsStubsThatLinkBack() throws {
        let model = try Models.yaml(Self.twoNamespaces)
        let page = try #require(DiagramBuilder().atlas(model, level: .namespace, findings: []).first { $0.boundary == "ns-b" })
        // The page's boundary inside its ancestors; a1 and a2 (in ns-a) are stubs in the
        // cluster they share with ns-b, the user is not a neighbour of ns-b.
        let cluster = try #require(subgraphs(page.graph.statements).first)
        #expect(cluster.name == "cluster_c")
        #expect(subgraphs(cluster.statements).map(\.name) == ["cluster_ns-b"])
        let stubs = nodes(cluster.statements).filter { text($0.attributes["id"]).hasPrefix("stub-") }
        #expect(stubs.map(\.name) == ["a1", "a2"])
        #expect(stubs.map { $0.attributes["URL"] } == [.string("ns-a.svg"), .string("ns-a.svg")])
        #expect(stubs.allSatisfy { text($0.attributes["label"]).contains("in namespace alpha ↗") })
        #expect(stubs.allSatisfy { $0.attributes["style"] == .string("filled,dashed") })
        #expect(nodes(subgraphs(cluster.statements)[0].statements).map(\.name) == ["b1"])
        // Every flow touching ns-b, drawn as itself with its number; none between stubs.
        let flows = edges(page.graph.statements).filter { text($0.attributes["id"]).hasPrefix("flow-") }
        #expect(flows.map { $0.attributes["id"] } == ["f1", "f2", "f5", "f6"].map { .string("flow-\($0)") })
        let back = try #require(allNodes(page.graph.statements).first { $0.name == "_atlas_index" })
        #expect(back.attributes["URL"] == .string("index.svg"))
        #expect(try legendText(page.graph).contains("↗ stub"))
        #expect(page.edgeCount == 4)
    }

    @Test func aNeighbourOutsideEveryBoxLinksToTheIndex() throws {
        let model = try Models.yaml(Self.twoNamespaces)
        let page = try #require(DiagramBuilder().atlas(model, level: .namespace, findings: []).first { $0.boundary == "ns-a" })
        let user = try #require(allNodes(page.graph.statements).first { $0.name == "user" })
        #expect(user.attributes["id"] == .string("stub-user"))
        #expect(user.attributes["URL"] == .string("index.svg"))
        #expect(text(user.attributes["label"]).contains("outside every namespace ↗"))
        // The actor stands inside ns-a: it is on the page, attacking what is drawn there; its
        // attack on pod-a, which it stands in, ends at pod-a's target marker.
        let attacks = edges(page.graph.statements).filter { text($0.attributes["id"]).hasPrefix("attack-") }
        #expect(attacks.map(\.to) == ["a1", "_attacked_pod-a", "user"])
        #expect(attacks[1].attributes["lhead"] == nil, "the actor stands inside pod-a")
        #expect(allNodes(page.graph.statements).contains { $0.name == "_attacked_pod-a" })
        #expect(try legendText(page.graph).contains("attack on a whole boundary — ends at its marker"))
    }

    @Test func pageNamesNeverCollideWithTheIndexOrEachOtherIgnoringCase() throws {
        let model = try ModelLoader().load(Array("""
            trustflow: 1
            title: Names
            boundaries:
              - {id: index, kind: namespace}
              - {id: Team, kind: namespace}
              - {id: team, kind: namespace}
            elements: [{id: e, kind: process, boundary: team}]
            """.utf8), file: "m.yaml", format: .yaml).model
        let plan = AtlasPlan(model, level: .namespace)
        #expect(plan.boundaries.map(\.id) == ["index", "Team", "team"])
        #expect(plan.boundaries.map { plan.pageName(of: $0.id) } == ["_index", "Team", "_team"])
        #expect(plan.fileName(of: nil) == "index.svg")
        #expect(plan.fileName(of: "team") == "_team.svg")
    }

    @Test func pageNamesStayInTheAtlasEvenForAnUnvalidatedModel() {
        let model = Model(title: "Unvalidated", boundaries: [
            Boundary(id: "../../etc/passwd", kind: .namespace), Boundary(id: "a/b", kind: .namespace),
            Boundary(id: ".hidden", kind: .namespace), Boundary(id: "ok", kind: .namespace),
        ], elements: [Element(id: "e", kind: .process)])
        let plan = AtlasPlan(model, level: .namespace)
        #expect(plan.boundaries.map { plan.fileName(of: $0.id) } == ["_.._.._etc_passwd.svg", "_a_b.svg", "_.hidden.svg", "ok.svg"])
    }

    @Test func hostileTextInAViewStaysText() throws {
        let model = try Models.fixture("hostile.yaml")
        for view in [DiagramView.collapse(.namespace), .collapse(.pod), .focus(element: "b", radius: 1),
            .atlasPage(boundary: "inner", level: .pod)]
        {
            let dot = DiagramRenderer.dot(for: model, options: RenderOptions(diagram: DiagramOptions(view: view)))
            #expect(try Graphviz.check(dot).isEmpty, "\(view)")
            #expect(!dot.contains("evil -> pwned") && !dot.contains("<script>") && !dot.contains("\u{202E}"), "\(view)")
            let svg = try SVGDocument(DiagramRenderer.render(model, options: RenderOptions(diagram: DiagramOptions(view: view))).bytes)
            #expect(svg.groups(class: "node", idPrefix: "").allSatisfy { !($0.attributes["id"] ?? "").contains("pwned") })
        }
    }

    // MARK: Scale and determinism

    /// `count` namespaces of one process each, every process calling every other one: a
    /// collapsed view of it draws `count × (count − 1)` merged edges.
    static func everyoneCallsEveryone(_ count: Int) throws -> Model {
        var yaml = "trustflow: 1\ntitle: Many\nboundaries:\n"
        yaml += (0..<count).map { "  - {id: n\($0), kind: namespace}\n" }.joined()
        yaml += "elements:\n" + (0..<count).map { "  - {id: e\($0), kind: process, boundary: n\($0)}\n" }.joined()
        yaml += "flows:\n"
        for from in 0..<count { for to in 0..<count where from != to { yaml += "  - {from: e\(from), to: e\(to), encryption: tls}\n" } }
        return try Models.yaml(yaml)
    }

    @Test func aViewWithManyEdgesIsPackedInFileOrderForOsage() throws {
        let model = try Self.everyoneCallsEveryone(20)
        let view = DiagramView.collapse(.namespace)
        #expect(view.edgeCount(in: model) == 380)
        // The threshold itself: 150 edges are still laid out by dot, 151 are packed.
        #expect(!view.isPacked(edgeCount: 150) && view.isPacked(edgeCount: 151))
        #expect(DiagramView.packedLayoutEdgeThreshold == 150)
        #expect(LayoutEngine.auto.resolved(for: model, view: view) == .osage)
        let graph = DiagramBuilder(options: DiagramOptions(view: view)).build(model)
        #expect(graph.attributes["packmode"] == .string("array_u"))
        let boxes = nodes(graph.statements).filter { $0.name.hasPrefix("_box_") }
        #expect(boxes.map { $0.attributes["sortv"] } == (0..<20).map { .number(Double($0)) })
        // The same model in full, or a small view, is laid out by dot and not packed.
        #expect(LayoutEngine.auto.resolved(for: model, view: .full) == .dot)
        #expect(LayoutEngine.auto.resolved(for: model, view: .focus(element: "e0", radius: 0)) == .dot)
        // An engine named on the command line is used as it is.
        #expect(LayoutEngine.dot.resolved(for: model, view: view) == .dot)
        #expect(DiagramBuilder().build(model).attributes["packmode"] == nil)
    }

    @Test func theEngineThatLaysADiagramOutDecidesItsPacking() throws {
        func packed(_ dot: String) -> Bool { dot.contains("packmode=\"array_u\"") && dot.contains("sortv=") }
        let small = try Models.sample("k8s-three-tier-insecure.yaml")
        let collapsed = DiagramOptions(view: .collapse(.namespace))
        // A small view: `auto` gives it to dot, unpacked; named osage, it is packed for osage,
        // and so is the full diagram.
        let auto = DiagramRenderer.prepare(small, options: RenderOptions(diagram: collapsed))
        #expect(auto.engine == .dot && !packed(auto.dot))
        let osage = DiagramRenderer.prepare(small, options: RenderOptions(diagram: collapsed, engine: .osage))
        #expect(osage.engine == .osage && packed(osage.dot))
        #expect(packed(DiagramRenderer.prepare(small, options: RenderOptions(engine: .osage)).dot))
        // Boxes over the threshold: `auto` packs them for osage; named dot or fdp, they are not packed.
        let big = try Self.everyoneCallsEveryone(14)
        #expect(packed(DiagramRenderer.prepare(big, options: RenderOptions(diagram: collapsed, overview: .boxes)).dot))
        for engine in [LayoutEngine.dot, .fdp] {
            let prepared = DiagramRenderer.prepare(big, options: RenderOptions(diagram: collapsed, engine: engine, overview: .boxes))
            #expect(prepared.engine.rawValue == engine.rawValue && !packed(prepared.dot), "\(engine)")
        }
        #expect(LayoutEngine.allCases.map(\.named) == [.dot, .fdp, .osage, nil])
        // Atlas pages follow the same rule, page by page with `auto` (the matrix page is one table, never packed).
        let pages = { (engine: LayoutEngine) in
            AtlasRenderer.dot(for: small, level: .namespace, options: RenderOptions(engine: engine)).filter { $0.name != "matrix" }
                .map { packed($0.dot) }
        }
        #expect(pages(.osage).allSatisfy { $0 } && pages(.dot).allSatisfy { !$0 } && pages(.auto).allSatisfy { !$0 })
        let bigIndex = AtlasRenderer.dot(for: big, level: .namespace, options: RenderOptions(overview: .boxes)).first { $0.boundary == nil }
        #expect(bigIndex.map { packed($0.dot) } == true)
    }

    @Test func theSameViewGivesTheSameBytes() throws {
        let model = try Models.sample("k8s-three-tier-insecure.yaml")
        for view in [DiagramView.collapse(.namespace), .focus(element: "api", radius: 1), .atlasIndex(level: .pod),
            .atlasPage(boundary: "ns-backend", level: .namespace)]
        {
            let options = RenderOptions(diagram: DiagramOptions(view: view), today: CalendarDate("2026-01-01")!)
            let first = DiagramRenderer.dot(for: model, options: options)
            let second = DiagramRenderer.dot(for: try Models.sample("k8s-three-tier-insecure.yaml"), options: options)
            #expect(first == second, "\(view)")
        }
        let atlas = AtlasRenderer.dot(for: model, level: .namespace).map(\.dot)
        #expect(atlas == AtlasRenderer.dot(for: model, level: .namespace).map(\.dot))
        #expect(atlas.count == 5)
    }

    /// `--engine fdp` shapes atlas pages as it shapes every diagram: flows labelled with
    /// their number (an `xlabel`), the rest in the tooltip.
    @Test func atlasPagesAreShapedForFdp() throws {
        let model = try Models.sample("k8s-three-tier.yaml")
        let page = { (engine: LayoutEngine) in
            try #require(AtlasRenderer.dot(for: model, level: .namespace, options: RenderOptions(engine: engine))
                .first { $0.boundary == "ns-backend" }).dot
        }
        #expect(try page(.fdp).contains("xlabel=<<B>"))
        #expect(try !page(.auto).contains("xlabel"))
    }

    // MARK: Helpers

    func legendText(_ graph: DOTGraph) throws -> String {
        text(try #require(allNodes(graph.statements).first { $0.name == "_legend" }).attributes["label"])
    }

    func text(_ value: DOTValue?) -> String {
        switch value {
        case .string(let string)?: string
        case .html(let label)?: DOTWriter().write(DOTGraph(name: "g", attributes: ["label": .html(label)]))
        case let other?: "\(other)"
        case nil: ""
        }
    }

    func subgraphs(_ statements: [DOTStatement]) -> [DOTSubgraph] {
        statements.compactMap { if case .subgraph(let subgraph) = $0 { subgraph } else { nil } }
    }

    func nodes(_ statements: [DOTStatement]) -> [DOTNode] {
        statements.compactMap { if case .node(let node) = $0 { node } else { nil } }
    }

    /// Nodes at any depth, in output order.
    func allNodes(_ statements: [DOTStatement]) -> [DOTNode] {
        statements.flatMap { statement -> [DOTNode] in
            switch statement {
            case .node(let node): [node]
            case .subgraph(let subgraph): allNodes(subgraph.statements)
            case .edge: []
            }
        }
    }

    func edges(_ statements: [DOTStatement]) -> [DOTEdge] {
        statements.compactMap { if case .edge(let edge) = $0 { edge } else { nil } }
    }
}
