import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Issue 13, item 5: an attack on a boundary ends at that boundary in every engine — never at
/// an element inside it, never as a second arrow. `dot` clips the edge at the cluster's
/// border (`lhead`); `fdp` and `osage`, which cannot, end it at a target marker drawn inside
/// the cluster; an actor standing inside the boundary it attacks gets the marker everywhere.
/// Checked on the laid-out coordinates of the SVG.
@Suite("Attack edges in every engine")
struct AttackEdgeTests {
    static let model = """
        trustflow: 1
        title: Attacks
        boundaries:
          - { id: prod, kind: cluster }
          - { id: ns, kind: namespace, parent: prod }
          - { id: pod, kind: pod, parent: ns }
        elements:
          - { id: web, kind: process, boundary: ns }
          - { id: db, kind: datastore, boundary: pod }
          - { id: api, kind: process, boundary: prod }
        flows:
          - { from: web, to: db, protocol: MySQL, encryption: tls }
          - { from: api, to: web, protocol: HTTPS, encryption: tls }
        threatActors:
          - { id: attacker, kind: external-attacker, targets: [prod, ns, web] }
          - { id: intruder, kind: compromised-container, boundary: pod, targets: [pod] }
        """

    @Test(arguments: [LayoutEngine.dot, .fdp, .osage])
    func attacksOnBoundariesEndAtThem(engine: LayoutEngine) throws {
        let model = try Models.yaml(Self.model)
        let svg = try SVGDocument(try DiagramRenderer.render(model, options: RenderOptions(engine: engine)).bytes)
        let geometry = SVGGeometry(svg)
        let attackIDs = svg.groups(class: "edge", idPrefix: "attack-").compactMap { $0.attributes["id"] }.sorted()
        #expect(attackIDs == ["attack-attacker-ns", "attack-attacker-prod", "attack-attacker-web", "attack-intruder-pod"],
            "one edge per attack, no second arrow")
        let elementBoxes = try ["web", "db", "api"].map { try #require(geometry.box(of: "element-\($0)")) }

        for (actor, boundary) in [("attacker", "prod"), ("attacker", "ns"), ("intruder", "pod")] {
            let tip = try #require(geometry.arrowhead(of: "attack-\(actor)-\(boundary)"))
            let cluster = try #require(geometry.box(of: "boundary-\(boundary)"))
            #expect(cluster.contains(tip, margin: 12), "\(engine): \(actor) → \(boundary) ends at \(tip), away from \(cluster)")
            for box in elementBoxes {
                #expect(!box.contains(tip), "\(engine): \(actor) → \(boundary) ends at an element inside (\(box))")
            }
            let marker = geometry.box(of: "boundary-\(boundary)-attacked")
            if engine == .dot && actor == "attacker" {
                #expect(marker == nil, "dot clips at the border: no marker")
            } else {
                let marker = try #require(marker, "\(engine): \(boundary) has a target marker")
                #expect(cluster.contains((marker.minX, marker.minY)) && cluster.contains((marker.maxX, marker.maxY)))
                #expect(marker.contains(tip, margin: 15), "\(engine): \(actor) → \(boundary) ends at its marker")
            }
        }
        let web = try #require(geometry.arrowhead(of: "attack-attacker-web"))
        #expect(elementBoxes[0].contains(web, margin: 12), "an attack on an element still ends at the element")
    }
}
