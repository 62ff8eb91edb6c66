import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// One call from Swift to a diagram or a model file, through the same stages as the CLI.
@Suite("Rendering from Swift")
struct ModelRenderingTests {
    @Test func renderGivesTheCommittedSVGAndTheGoldenDOT() throws {
        let model = try Models.sample("k8s-three-tier.yaml")
        #expect(try model.render(.svg) == (try Paths.bytes(Paths.sample("k8s-three-tier.svg"))))
        #expect(try model.render() == (try model.render(.svg)))
        #expect(try model.render(.dot) == Array(DiagramRenderer.dot(for: model).utf8))
        let options = DiagramOptions(direction: .leftToRight, showLegend: false)
        #expect(try model.render(.dot, options: options)
            == (try Paths.bytes(Paths.goldenDOT.appendingPathComponent("k8s-three-tier-LR-no-legend.dot"))))
    }

    @Test(arguments: [
        ("svg", Array("<?xml".utf8)), ("png", [0x89, 0x50, 0x4E, 0x47]), ("pdf", Array("%PDF".utf8)),
        ("dot", Array("digraph".utf8)), ("gv", Array("digraph".utf8)),
    ])
    func writeChoosesTheDiagramFormatFromTheExtension(fileExtension: String, magic: [UInt8]) throws {
        let url = try Paths.temporaryDirectory().appendingPathComponent("out.\(fileExtension)")
        let model = try Models.sample("minimal.yaml")
        #expect(try model.write(to: url) == .written)
        #expect(Array(try Paths.bytes(url).prefix(magic.count)) == magic)
        #expect(try model.write(to: url) == .unchanged)
    }

    @Test(arguments: ["json", "yaml", "yml"])
    func writeExportsTheModelItselfAsCanonicalFiles(fileExtension: String) throws {
        let url = try Paths.temporaryDirectory().appendingPathComponent("model.\(fileExtension)")
        let model = try Models.sample("environments.yaml")
        try model.write(to: url)
        let format = try #require(ModelFormat(fileName: url.lastPathComponent))
        #expect(try Paths.bytes(url) == ModelEncoder().encode(model, as: format))
        #expect(try ModelFile.load(url.path).model == model)
    }

    @Test func anUnknownExtensionWritesNothing() throws {
        let directory = try Paths.temporaryDirectory()
        let url = directory.appendingPathComponent("diagram.txt")
        #expect(throws: OutputError.self) { try Models.sample("minimal.yaml").write(to: url) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    /// A hand-made `Model` value is checked too: a flow to a missing element would otherwise be
    /// drawn as if the element existed.
    @Test func anInvalidModelValueIsRefusedAndLeavesTheOutputAlone() throws {
        let model = Model(title: "Dangling", elements: [Element(id: "web", kind: .process)],
            flows: [Flow(id: "f", from: "web", to: "db")])
        let url = try Paths.temporaryDirectory().appendingPathComponent("dangling.svg")
        try Data("previous".utf8).write(to: url)
        let error = try #require(throws: ModelError.self) { try model.write(to: url) }
        #expect(error.errors.map(\.description) == ["error: flows[0].to: unknown element 'db'"])
        #expect(throws: ModelError.self) { try model.render(.dot) }
        #expect(try String(contentsOf: url, encoding: .utf8) == "previous")
    }
}
