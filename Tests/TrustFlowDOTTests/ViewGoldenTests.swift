import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// The DOT of views of the samples, byte for byte (re-record with `TRUSTFLOW_RECORD=1`), and
/// what they become in SVG. Every golden file is also laid out by libgvc in the Graphviz
/// tests, which expect no message.
@Suite("View goldens")
struct ViewGoldenTests {
    static let cases: [(model: String, golden: String, view: DiagramView)] = [
        ("k8s-three-tier-insecure.yaml", "k8s-three-tier-insecure-collapse-namespace.dot", .collapse(.namespace)),
        ("k8s-three-tier.yaml", "k8s-three-tier-collapse-pod.dot", .collapse(.pod)),
        ("environments.yaml", "environments-collapse-cluster.dot", .collapse(.cluster)),
        ("k8s-three-tier.yaml", "k8s-three-tier-focus-api.dot", .focus(element: "api", radius: 1)),
        ("k8s-three-tier-insecure.yaml", "k8s-three-tier-insecure-atlas-index.dot", .atlasIndex(level: .namespace)),
        ("k8s-three-tier-insecure.yaml", "k8s-three-tier-insecure-atlas-ns-backend.dot",
            .atlasPage(boundary: "ns-backend", level: .namespace)),
    ]

    static let today = CalendarDate("2026-01-01")!

    @Test(arguments: cases.indices)
    func dotMatchesGolden(_ position: Int) throws {
        let (sample, golden, view) = Self.cases[position]
        let dot = DiagramRenderer.dot(for: try Models.sample(sample),
            options: RenderOptions(diagram: DiagramOptions(view: view), today: Self.today))
        try Golden.assertMatches(dot, file: Paths.goldenDOT.appendingPathComponent(golden))
    }

    @Test func theAtlasPagesAreTheViewsOneByOne() throws {
        let model = try Models.sample("k8s-three-tier-insecure.yaml")
        let pages = AtlasRenderer.dot(for: model, level: .namespace, options: RenderOptions(today: Self.today))
        #expect(pages.map(\.name) == ["index", "matrix", "ns-frontend", "ns-backend", "ns-database"])
        for (boundary, name, dot) in pages {
            let view: DiagramView = name == "matrix" ? .matrix(.namespace)
                : boundary.map { .atlasPage(boundary: $0, level: .namespace) } ?? .atlasIndex(level: .namespace)
            let alone = DiagramRenderer.dot(for: model, options: RenderOptions(diagram: DiagramOptions(view: view), today: Self.today))
            // The matrix on its own links nowhere; in the atlas its rows link to their pages.
            #expect(name == "matrix" ? dot == alone.replacingOccurrences(of: "<TD ALIGN=\"LEFT\" TITLE", with: "<TD ALIGN=\"LEFT\" HREF")
                || dot.contains("HREF=\"ns-frontend.svg\"") : dot == alone, "\(name)")
        }
    }

    @Test func aCollapsedSVGHasBoxesMergedEdgesAndNoClusterForTheKind() throws {
        let model = try Models.sample("k8s-three-tier-insecure.yaml")
        let svg = try SVGDocument(DiagramRenderer.render(model,
            options: RenderOptions(diagram: DiagramOptions(view: .collapse(.namespace)), today: Self.today)).bytes)
        #expect(svg.groups(class: "cluster", idPrefix: "boundary-").compactMap { $0.attributes["id"] }
            == ["boundary-prod", "boundary-worker-1"])
        // Graphviz writes nodes and edges in its own order.
        #expect(Set(svg.groups(class: "node", idPrefix: "boundary-").compactMap { $0.attributes["id"] })
            == ["boundary-ns-frontend", "boundary-ns-backend", "boundary-ns-database"])
        #expect(svg.groups(class: "node", idPrefix: "element-").compactMap { $0.attributes["id"] }
            == ["element-user", "element-dba"])
        #expect(svg.groups(class: "edge", idPrefix: "flow-").isEmpty)
        // The user's HTTPS session goes both ways; the plain HTTP redirect one way.
        #expect(Set(svg.groups(class: "edge", idPrefix: "flows-").compactMap { $0.attributes["id"] }) == [
            "flows-user-and-ns-frontend", "flows-user-to-ns-frontend", "flows-ns-frontend-to-ns-backend",
            "flows-ns-backend-to-ns-database", "flows-dba-to-ns-database",
        ])
        #expect(svg.texts.contains("1 element, 0 internal flows"))
        #expect(svg.texts.contains { $0.contains("⚠ TF101 critical") })
    }

    @Test func anAtlasSVGLinksItsPages() throws {
        let model = try Models.sample("k8s-three-tier-insecure.yaml")
        let pages = try AtlasRenderer.render(model, level: .namespace, options: RenderOptions(today: Self.today))
        #expect(pages.map(\.fileName) == ["index.svg", "matrix.svg", "ns-frontend.svg", "ns-backend.svg", "ns-database.svg"])
        let names = Set(pages.map(\.fileName))
        for page in pages {
            let links = try SVGDocument(page.bytes).elements.filter { $0.name == "a" }.compactMap { $0.attributes["xlink:href"] }
            #expect(!links.isEmpty, "\(page.fileName)")
            #expect(links.allSatisfy(names.contains), "\(page.fileName): \(links)")
            if page.boundary != nil { #expect(links.contains("index.svg"), "\(page.fileName) links back") }
            #expect(page.messages.isEmpty, "\(page.fileName): \(page.messages)")
        }
        let index = try SVGDocument(pages[0].bytes).elements.filter { $0.name == "a" }.compactMap { $0.attributes["xlink:href"] }
        #expect(Set(index) == ["matrix.svg", "ns-frontend.svg", "ns-backend.svg", "ns-database.svg"])
        let matrix = try SVGDocument(pages[1].bytes).elements.filter { $0.name == "a" }.compactMap { $0.attributes["xlink:href"] }
        #expect(Set(matrix) == ["ns-frontend.svg", "ns-backend.svg", "ns-database.svg"], "the matrix's rows link to their pages")
    }

    /// Boxes however many edges join them (`--view boxes`): packed for osage above the threshold.
    @Test func aPackedViewRendersWithOsageWithoutAMessage() throws {
        let model = try ViewTests.everyoneCallsEveryone(14)
        let view = DiagramView.collapse(.namespace)
        #expect(LayoutEngine.auto.resolved(for: model, view: view) == .osage)
        let options = RenderOptions(diagram: DiagramOptions(view: view), overview: .boxes)
        let prepared = DiagramRenderer.prepare(model, options: options)
        #expect(prepared.engine == .osage)
        #expect(prepared.dot.contains("packmode=\"array_u\""))
        let first = try DiagramRenderer.render(model, options: options)
        #expect(first.messages.isEmpty, "\(first.messages)")
        let svg = try SVGDocument(first.bytes)
        #expect(svg.groups(class: "node", idPrefix: "boundary-").count == 14)
        #expect(svg.groups(class: "edge", idPrefix: "flows-").count == 182)
        #expect(try DiagramRenderer.render(model, options: options).bytes == first.bytes)
    }
}
