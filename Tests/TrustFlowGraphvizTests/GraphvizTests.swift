import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

@Suite("Graphviz")
struct GraphvizTests {
    @Test func everyGoldenDOTParsesAndLaysOutWithoutAMessage() throws {
        let files = try Paths.goldenDOTFiles()
        #expect(files.count >= 5)
        for file in files {
            let dot = String(decoding: try Paths.bytes(file), as: UTF8.self)
            #expect(try Graphviz.check(dot).isEmpty, "\(file.lastPathComponent)")
            let output = try Graphviz.render(dot, format: .svg)
            #expect(output.messages.isEmpty, "\(file.lastPathComponent): \(output.messages)")
        }
    }

    @Test func theSVGHasOneClusterPerBoundaryOneNodePerElementOneEdgePerFlow() throws {
        let model = try Models.sample("k8s-three-tier.yaml")
        let svg = try SVGDocument(DiagramRenderer.render(model).bytes)
        // Clusters come out depth first, in the DOT's (file) order.
        #expect(svg.groups(class: "cluster", idPrefix: "boundary-").compactMap { $0.attributes["id"] } == [
            "prod", "worker-1", "ns-frontend", "pod-nginx", "ctr-nginx", "ns-backend", "pod-api", "ctr-api",
            "ns-database", "pod-mysql", "ctr-mysql",
        ].map { "boundary-\($0)" })
        #expect(svg.groups(class: "node", idPrefix: "element-").compactMap { $0.attributes["id"] }
            == model.elements.map { "element-\($0.id)" })
        // Graphviz writes edges in its own order.
        #expect(Set(svg.groups(class: "edge", idPrefix: "flow-").compactMap { $0.attributes["id"] })
            == Set(model.flows.map { "flow-\($0.id)" }))
        #expect(svg.groups(class: "node", idPrefix: "threat-").count == model.threatActors.count)
        #expect(svg.groups(class: "edge", idPrefix: "attack-").count == model.threatActors.map(\.targets.count).reduce(0, +))
        #expect(svg.groups(class: "node", idPrefix: "legend").count == 1)
        // Controls of every boundary appear in its label.
        for control in model.controls where model.boundaries.contains(where: { $0.controls.contains(control.id) }) {
            #expect(svg.texts.contains { $0.contains(control.label) }, "\(control.label)")
        }
    }

    /// Same model, same bytes: across time (PDF timestamps) and across whatever else the
    /// process rendered in between (cgraph's default IDs made cluster order depend on the heap).
    @Test(arguments: [DiagramFormat.svg, .png, .pdf])
    func rendersAreByteIdentical(format: DiagramFormat) throws {
        let model = try Models.sample("k8s-three-tier.yaml")
        let first = try DiagramRenderer.render(model, options: RenderOptions(format: format)).bytes
        for other in ["environments.yaml", "minimal.yaml"] {
            _ = try DiagramRenderer.render(try Models.sample(other), options: RenderOptions(format: format))
        }
        _ = try DiagramRenderer.render(try Models.fixture("hostile.yaml"), options: RenderOptions(format: format))
        Thread.sleep(forTimeInterval: 1.1)
        let second = try DiagramRenderer.render(model, options: RenderOptions(format: format)).bytes
        #expect(first == second)
    }

    /// `fdp` orders parts of its layout by heap address (Graphviz issue 1214); the ordered
    /// memory discipline makes it depend on the DOT text alone: the same bytes after other
    /// work in this process and in separate processes (whose heaps ASLR and expat's random
    /// hash salt lay out differently). Without the discipline the three-tier sample came out
    /// different on almost every run.
    @Test func fdpLayoutsAreTheSameInEveryProcess() throws {
        let options = RenderOptions(engine: .fdp)
        let model = try Models.sample("k8s-three-tier.yaml")
        let first = try DiagramRenderer.render(model, options: options).bytes
        _ = try DiagramRenderer.render(try Models.sample("environments.yaml"), options: options)
        _ = try DiagramRenderer.render(try Models.fixture("hostile.yaml"), options: options)
        let again = try DiagramRenderer.render(model, options: options).bytes == first
        #expect(again, "the second layout in this process differs from the first")
        for run in 1...4 {
            let result = try TrustFlowProcess.run(["render", "Samples/k8s-three-tier.yaml", "--engine", "fdp", "-o", "-"])
            #expect(result.status == 0, "\(result.standardError)")
            let same = result.standardOutput == first
            #expect(same, "process \(run) laid the sample out differently")
        }
    }

    @Test func pngAndPDFAreRealFiles() throws {
        let model = try Models.sample("k8s-three-tier.yaml")
        let png = try DiagramRenderer.render(model, options: RenderOptions(format: .png)).bytes
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(png.count > 50_000)
        let pdf = try DiagramRenderer.render(model, options: RenderOptions(format: .pdf)).bytes
        #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
        #expect(pdf.count > 10_000)
        #expect(String(decoding: pdf, as: UTF8.self).contains("/CreationDate (D:20000101000000"))
    }

    @Test func theSVGCarriesNoGeneratorVersion() throws {
        let svg = String(decoding: try DiagramRenderer.render(try Models.sample("minimal.yaml")).bytes, as: UTF8.self)
        #expect(!svg.contains("Generated by graphviz"))
        #expect(svg.hasPrefix("<?xml"))
    }

    @Test func syntaxErrorsBecomeErrorsWithGraphvizMessage() {
        do {
            _ = try Graphviz.render("digraph { a -> }", format: .svg)
            Issue.record("accepted broken DOT")
        } catch {
            #expect(error.kind == .syntax)
            #expect(error.messages.contains { $0.contains("syntax error") })
        }
        // One bad graph must not poison the next (agreseterrors).
        #expect(throws: Never.self) { try Graphviz.render("digraph { a -> b }", format: .svg) }
    }

    @Test func concurrentRendersAreSerialisedAndIdentical() async throws {
        let dot = DiagramRenderer.dot(for: try Models.sample("k8s-three-tier.yaml"))
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<12 { group.addTask { try Graphviz.render(dot, format: .svg).bytes } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 12)
        #expect(Set(results).count == 1)
    }

    @Test func theVersionIsKnown() {
        #expect(Graphviz.version.split(separator: ".").count >= 2)
    }
}
