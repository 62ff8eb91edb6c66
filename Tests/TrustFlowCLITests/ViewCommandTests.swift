import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// End to end: `trustflow render --collapse`, `--focus` and `--atlas` with the built binary.
@Suite("trustflow render views")
struct ViewCommandTests {
    @Test func collapseDrawsEachNamespaceAsABox() throws {
        let output = try Paths.temporaryDirectory().appendingPathComponent("collapsed.svg")
        let result = try TrustFlowProcess.run(["render", "Samples/k8s-three-tier.yaml", "--collapse", "namespace", "-o", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError == "wrote \(output.path)\n")
        let svg = try SVGDocument(Paths.bytes(output))
        #expect(Set(svg.groups(class: "node", idPrefix: "boundary-").compactMap { $0.attributes["id"] })
            == ["boundary-ns-frontend", "boundary-ns-backend", "boundary-ns-database"])
        #expect(svg.groups(class: "cluster", idPrefix: "boundary-ns-").isEmpty)
    }

    @Test func focusDrawsTheNeighbourhoodAndSaysSo() throws {
        let result = try TrustFlowProcess.run(["render", "Samples/k8s-three-tier.yaml", "--focus", "nginx", "--radius", "0",
            "-o", "-", "--format", "dot"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output.contains("focus: nginx, radius 0 · 1 of 4 elements, 0 of 3 flows"))
        #expect(result.output.contains("\"nginx\" [id=\"element-nginx\""))
        #expect(!result.output.contains("element-api"))
        #expect(result.output == DiagramRenderer.dot(for: try Models.sample("k8s-three-tier.yaml"),
            options: RenderOptions(diagram: DiagramOptions(view: .focus(element: "nginx", radius: 0)))))
    }

    @Test func focusWithoutARadiusDrawsOneFlowAround() throws {
        // The README promises a radius of 1 when --radius is left out: nginx and its one
        // neighbour by a flow (api), not the database two flows away.
        #expect(DiagramView.defaultRadius == 1)
        let result = try TrustFlowProcess.run(["render", "Samples/k8s-three-tier.yaml", "--focus", "nginx", "-o", "-",
            "--format", "dot"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output.contains("focus: nginx, radius 1 · "))
        #expect(result.output.contains("element-api") && !result.output.contains("element-mysql"))
        let explicit = try TrustFlowProcess.run(["render", "Samples/k8s-three-tier.yaml", "--focus", "nginx", "--radius", "1",
            "-o", "-", "--format", "dot"])
        #expect(result.output == explicit.output)
    }

    @Test(arguments: [
        (["--collapse", "namspace"], "--collapse: unknown boundary kind 'namspace'; did you mean 'namespace'?"),
        (["--focus", "apii"], "error: --focus: unknown element 'apii'; did you mean 'api'?"),
        (["--focus", "ns-backend"], "'ns-backend' is a boundary, not an element"),
        (["--radius", "2"], "--radius only applies with --focus"),
        (["--focus", "api", "--radius=-1"], "--radius must be 0 or more"),
        (["--focus", "api", "--collapse", "pod"], "--focus and --collapse cannot be combined"),
        (["--atlas", "atlas", "--focus", "api"], "--focus and --atlas cannot be combined"),
        (["--atlas", "atlas", "-o", "x.svg"], "--atlas writes into its directory; leave out -o"),
        (["--atlas", "atlas", "--format", "png"], "--atlas writes SVG pages"),
    ])
    func badViewArgumentsExitTwoAndWriteNothing(arguments: [String], message: String) throws {
        let directory = try Paths.temporaryDirectory()
        try FileManager.default.copyItem(at: Paths.sample("k8s-three-tier.yaml"), to: directory.appendingPathComponent("m.yaml"))
        let result = try TrustFlowProcess.run(["render", "m.yaml"] + arguments, in: directory)
        #expect(result.status == 2)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["m.yaml"])
    }

    @Test func aKindTheModelLacksIsAWarning() throws {
        let result = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "--collapse", "pod", "-o", "-", "--format", "dot"])
        #expect(result.status == 0)
        #expect(result.standardError == "warning: the model has no pod boundary to collapse (it has no boundaries); nothing is collapsed\n")
        #expect(result.output == DiagramRenderer.dot(for: try Models.sample("minimal.yaml")))
        let quiet = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "--collapse", "pod", "-o", "-", "--format", "dot", "-q"])
        #expect(quiet.standardError.isEmpty)
    }

    @Test func theAtlasWritesAnIndexAndAPagePerBoundaryThatLinkEachOther() throws {
        let directory = try Paths.temporaryDirectory().appendingPathComponent("atlas/nested")
        let result = try TrustFlowProcess.run(["render", "Samples/k8s-three-tier-insecure.yaml", "--atlas", directory.path,
            "--today", "2026-01-01"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError == "wrote 4 of 4 pages in \(directory.path)\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(files == ["index.svg", "ns-backend.svg", "ns-database.svg", "ns-frontend.svg"])
        for file in files {
            let svg = try SVGDocument(Paths.bytes(directory.appendingPathComponent(file)))
            let links = svg.elements.filter { $0.name == "a" }.compactMap { $0.attributes["xlink:href"] }
            #expect(!links.isEmpty && links.allSatisfy(files.contains), "\(file): \(links)")
        }
        // Same bytes as the library, and nothing temporary left behind.
        let pages = try AtlasRenderer.render(try Models.sample("k8s-three-tier-insecure.yaml"), level: .namespace,
            options: RenderOptions(today: CalendarDate("2026-01-01")!))
        for page in pages { #expect(try Paths.bytes(directory.appendingPathComponent(page.fileName)) == page.bytes) }
    }

    @Test func anUnchangedAtlasIsNotRewritten() throws {
        let directory = try Paths.temporaryDirectory()
        let arguments = ["render", "Samples/k8s-three-tier.yaml", "--atlas", directory.path, "--collapse", "pod"]
        #expect(try TrustFlowProcess.run(arguments).status == 0)
        let past = Date(timeIntervalSince1970: 1_000_000)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(files == ["index.svg", "pod-api.svg", "pod-mysql.svg", "pod-nginx.svg"])
        for file in files {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: directory.appendingPathComponent(file).path)
        }
        let again = try TrustFlowProcess.run(arguments)
        #expect(again.status == 0)
        #expect(again.standardError == "\(directory.path) is up to date (4 pages)\n")
        for file in files {
            let modified = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(file).path)[.modificationDate]
            #expect(modified as? Date == past, "\(file)")
        }
    }

    @Test func theAtlasInDOTLinksTheSVGPages() throws {
        let directory = try Paths.temporaryDirectory()
        let result = try TrustFlowProcess.run(["render", "Samples/environments.yaml", "--atlas", directory.path, "--collapse", "cluster",
            "--format", "dot", "-q"])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            == ["dev.dot", "index.dot", "prod.dot", "staging.dot"])
        let index = try String(contentsOf: directory.appendingPathComponent("index.dot"), encoding: .utf8)
        #expect(index.contains("URL=\"prod.svg\""))
    }

    @Test func anAtlasDirectoryThatCannotBeMadeExitsThree() throws {
        let occupied = try Paths.temporaryDirectory().appendingPathComponent("file")
        try Data("keep".utf8).write(to: occupied)
        let result = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "--atlas", occupied.path])
        #expect(result.status == 3)
        #expect(result.standardError.contains("cannot create the atlas directory"), "\(result.standardError)")
        #expect(try String(contentsOf: occupied, encoding: .utf8) == "keep")
    }

    @Test func helpListsTheViews() throws {
        let help = try TrustFlowProcess.run(["render", "--help"])
        #expect(help.status == 0)
        for option in ["--collapse <kind>", "--focus <id>", "--radius <n>", "--atlas <dir>"] {
            #expect(help.output.contains(option), "\(option)")
        }
    }
}
