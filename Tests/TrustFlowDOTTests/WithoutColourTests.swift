import Testing
import TrustFlow
import TrustFlowTestSupport

/// Issue 16, item 5: in every theme a flow with a finding and an unencrypted flow are told
/// apart without colour (in the mono theme a finding's thicker line used to look exactly like
/// "unencrypted"): a finding never changes how a flow's line looks, and it is marked in words.
@Suite("A finding and an unencrypted flow without colour")
struct WithoutColourTests {
    /// `a → b` crosses into another namespace over TLS without authentication (TF102, high);
    /// `b → c` stays inside one namespace unencrypted, so no rule fires on it; `c → b` is the
    /// same over TLS, without a finding.
    static let model = """
        trustflow: 1
        title: Told apart
        controls:
          - { id: netpol, kind: network-policy }
          - { id: rbac, kind: rbac }
        boundaries:
          - { id: ns-a, kind: namespace, controls: [netpol, rbac] }
          - { id: ns-b, kind: namespace, controls: [netpol, rbac] }
        elements:
          - { id: a, kind: process, boundary: ns-a }
          - { id: b, kind: process, boundary: ns-b }
          - { id: c, kind: process, boundary: ns-b }
        flows:
          - { from: a, to: b, protocol: HTTPS, encryption: tls, authentication: none }
          - { from: b, to: c, protocol: HTTP, encryption: none, authentication: oauth }
          - { from: c, to: b, protocol: HTTPS, encryption: tls, authentication: oauth }
        """

    /// How an edge's line looks without its colour.
    struct Line: Equatable {
        var style: String
        var width: String
        var double: Bool
        var arrowhead: String
    }

    static func line(_ edge: DOTEdge) -> Line {
        var double = false
        if case .colorList? = edge.attributes["color"] { double = true }
        return Line(style: HTMLContent.string(edge.attributes["style"]), width: "\(edge.attributes["penwidth"].map { "\($0)" } ?? "")",
            double: double, arrowhead: HTMLContent.string(edge.attributes["arrowhead"]))
    }

    @Test(arguments: LegendTests.themes)
    func aFindingNeverLooksUnencrypted(themeName: String) throws {
        let theme = try Themes.load(themeName, locator: ResourceLocator(directories: []))
        let model = try Models.yaml(Self.model)
        let findings = Analyzer(today: LegendTests.today).analyze(model, includeStride: false).findings
        #expect(findings.filter { $0.target.id == "a-to-b" }.map(\.ruleID) == ["TF102"])
        #expect(findings.allSatisfy { $0.target.id != "b-to-c" && $0.target.id != "c-to-b" })

        for labels in [FlowLabelStyle.full, .number] {
            let graph = DiagramBuilder(options: DiagramOptions(theme: theme, flowLabels: labels, edgeLabels: .onEdge))
                .build(model, findings: findings)
            let edges = Dictionary(uniqueKeysWithValues: graph.statements.compactMap { statement -> (String, DOTEdge)? in
                guard case .edge(let edge) = statement else { return nil }
                return (HTMLContent.string(edge.attributes["id"]), edge)
            })
            let finding = try #require(edges["flow-a-to-b"])
            let unencrypted = try #require(edges["flow-b-to-c"])
            let plain = try #require(edges["flow-c-to-b"])
            #expect(Self.line(finding) != Self.line(unencrypted), "\(themeName): a finding's line looks unencrypted")
            #expect(Self.line(finding) == Self.line(plain), "\(themeName): a finding changes how a TLS line looks")
            let words = { (edge: DOTEdge) in HTMLContent.string(edge.attributes["label"]) + HTMLContent.string(edge.attributes["xlabel"]) }
            #expect(words(finding).contains("⚠"), "\(themeName), \(labels): the finding is not marked in words")
            #expect(!words(unencrypted).contains("⚠ TF"), "\(themeName), \(labels)")
            if labels == .full { #expect(words(unencrypted).lowercased().contains("unencrypted"), "\(themeName)") }
        }
    }
}
