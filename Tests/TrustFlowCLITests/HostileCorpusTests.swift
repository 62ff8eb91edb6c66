import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Issue 7, item 2: the hostile corpus (``HostileCorpus``) in every text field of a model,
/// through every output TrustFlow produces. Text never adds, removes or restyles a diagram
/// item, never becomes markup, never starts a line in a report.
@Suite("Hostile corpus in every output")
struct HostileCorpusTests {
    let directory: URL
    let model: Model

    init() throws {
        directory = try Paths.temporaryDirectory()
        try Data(HostileCorpus.modelJSON()).write(to: directory.appendingPathComponent("hostile.json"))
        try Data(HostileCorpus.modelJSON(title: "Plain", strings: HostileCorpus.plainStrings))
            .write(to: directory.appendingPathComponent("plain.json"))
        try Data("{\"trustflow\": 1, \"title\": \"Empty\", \"elements\": [{\"id\": \"e0\", \"kind\": \"actor\"}]}".utf8)
            .write(to: directory.appendingPathComponent("empty.json"))
        model = try Models.load(directory.appendingPathComponent("hostile.json"))
    }

    func run(_ arguments: [String]) throws -> TrustFlowProcess.Result {
        try TrustFlowProcess.run(arguments + ["--today", "2026-01-01"], in: directory)
    }

    /// Elements and boundaries of the SVG are exactly the model's, nothing is script, no
    /// handler, no foreign element, no link but the model's https URLs.
    func expectSafeSVG(_ bytes: [UInt8], clusters: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let raw = String(decoding: bytes, as: UTF8.self)
        let svg = try SVGDocument(bytes)
        #expect(!raw.lowercased().contains("<script"), sourceLocation: sourceLocation)
        #expect(!raw.lowercased().contains("javascript:"), sourceLocation: sourceLocation)
        #expect(!raw.lowercased().contains("vbscript:"), sourceLocation: sourceLocation)
        let allowed: Set = ["svg", "g", "title", "text", "path", "polygon", "polyline", "ellipse", "a", "defs"]
        #expect(Set(svg.elements.map(\.name)).subtracting(allowed).isEmpty, "\(Set(svg.elements.map(\.name)))",
            sourceLocation: sourceLocation)
        #expect(svg.allAttributes.allSatisfy { !$0.name.lowercased().hasPrefix("on") }, sourceLocation: sourceLocation)
        let links = svg.allAttributes.filter { $0.name == "xlink:href" || $0.name == "href" }.map(\.value)
        #expect(links.allSatisfy { $0.hasPrefix("https://example.com/docs?") }, "\(links)", sourceLocation: sourceLocation)
        #expect(svg.groups(class: "cluster", idPrefix: "").count == clusters, sourceLocation: sourceLocation)
        #expect(svg.groups(class: "node", idPrefix: "element-").count == model.elements.count, sourceLocation: sourceLocation)
        #expect(svg.groups(class: "edge", idPrefix: "flow-").count == model.flows.count, sourceLocation: sourceLocation)
    }

    @Test func dotHasExactlyTheModelsItems() throws {
        let result = try run(["render", "hostile.json", "-o", "-", "--format", "dot"])
        #expect(result.status == 0)
        #expect(result.output == DiagramRenderer.dot(for: model, options: RenderOptions(today: CalendarDate("2026-01-01")!)))
        let structure = try Graphviz.structure(of: result.output)
        #expect(structure.warnings.isEmpty, "\(structure.warnings)")
        // Each flow's label is a node the flow runs through, in two edges.
        #expect(structure.nodes == (model.elements.map(\.id) + model.threatActors.map(\.id) + ["_legend"]
            + model.flows.map { "_label_flow-\($0.id)" }).sorted())
        #expect(structure.edgeCount == 2 * model.flows.count + 2, "flows in two halves and the two attack edges")
        #expect(structure.clusters == model.boundaries.map { "cluster_\($0.id)" }.sorted())
    }

    /// The boundary matrix puts model text in table cells, their tooltips and links: it stays text.
    @Test func theMatrixShowsTheTextAndNothingElse() throws {
        let kind = try #require(model.boundaries.first?.kind)
        let result = try run(["render", "hostile.json", "--view", "matrix", "--collapse", kind.rawValue, "-o", "-"])
        #expect(result.status == 0, "\(result.standardError)")
        let raw = String(decoding: result.standardOutput, as: UTF8.self).lowercased()
        #expect(!raw.contains("<script") && !raw.contains("javascript:") && !raw.contains("vbscript:"))
        let svg = try SVGDocument(result.standardOutput)
        let allowed: Set = ["svg", "g", "title", "text", "path", "polygon", "polyline", "ellipse", "a", "defs"]
        #expect(Set(svg.elements.map(\.name)).subtracting(allowed).isEmpty)
        #expect(svg.allAttributes.allSatisfy { !$0.name.lowercased().hasPrefix("on") })
        #expect(svg.allAttributes.filter { $0.name == "xlink:href" || $0.name == "href" }.isEmpty, "a matrix alone links nowhere")
        let dot = try run(["render", "hostile.json", "--view", "matrix", "--collapse", kind.rawValue, "-o", "-", "--format", "dot"])
        let structure = try Graphviz.structure(of: dot.output)
        #expect(structure.warnings.isEmpty, "\(structure.warnings)")
        #expect(structure.nodes == ["_legend", "_matrix"] && structure.edgeCount == 0 && structure.clusters.isEmpty)
        for boundary in model.boundaries where boundary.kind == kind && !boundary.label.unicodeScalars.contains(where: {
            $0.properties.generalCategory == .format || $0.properties.generalCategory == .lineSeparator || $0 == "\n"
        }) {
            #expect(svg.texts.contains(boundary.label), "shown literally: \(boundary.label)")
        }
    }

    @Test func svgShowsTheTextAndNothingElse() throws {
        let result = try run(["render", "hostile.json", "-o", "hostile.svg"])
        #expect(result.status == 0, "\(result.standardError)")
        let bytes = try Paths.bytes(directory.appendingPathComponent("hostile.svg"))
        try expectSafeSVG(bytes, clusters: model.boundaries.count)
        let texts = try SVGDocument(bytes).texts
        for text in HostileCorpus.strings where !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .format
            || $0.properties.generalCategory == .lineSeparator || $0 == "\n" })
        {
            #expect(texts.contains(text), "shown literally: \(text)")
        }
        #expect(texts.contains("right[U+202E]gnp.exe left[U+202D]x[U+2066]iso[U+2069]"))
    }

    @Test(arguments: [("png", [0x89, 0x50, 0x4E, 0x47]), ("pdf", Array("%PDF".utf8))])
    func pngAndPDFRender(format: String, magic: [UInt8]) throws {
        let result = try run(["render", "hostile.json", "-o", "hostile.\(format)", "--verbose"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("graphviz:"), "Graphviz had nothing to say: \(result.standardError)")
        #expect(Array(try Paths.bytes(directory.appendingPathComponent("hostile.\(format)")).prefix(magic.count)) == magic)
    }

    @Test func checkTextHasOneLinePerFindingAndNothingInvisible() throws {
        let json = try run(["check", "hostile.json", "--format", "json", "--fail-on", "never"])
        let report = try JSONDecoder().decode(FindingsJSON.self, from: Data(json.standardOutput))
        let findings = report.models[0].findings.count + report.models[0].accepted.count
        #expect(findings > 5)
        let text = try run(["check", "hostile.json", "--fail-on", "never"])
        #expect(text.status == 0)
        #expect(text.output.split(separator: "\n", omittingEmptySubsequences: false).count == findings + 2, "\(text.output)")
        #expect(text.output.unicodeScalars.allSatisfy { scalar in
            scalar == "\n" || ![.control, .format, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory)
        })
        #expect(text.output.contains("[U+202E]"))
    }

    @Test func checkJSONAndSARIFCarryTheTextAsData() throws {
        let json = try run(["check", "hostile.json", "--format", "json", "--fail-on", "never"])
        #expect(json.status == 0)
        let report = try JSONDecoder().decode(FindingsJSON.self, from: Data(json.standardOutput))
        #expect(report.models[0].title == model.title, "the title round-trips exactly")
    }

    @Test(.enabled(if: SharedData.testsRun, SharedData.absence))
    func checkSARIFOfHostileTextIsValidAgainstTheOfficialSchema() throws {
        let sarif = try run(["check", "hostile.json", "--format", "sarif", "--fail-on", "never"])
        #expect(sarif.status == 0)
        #expect(try JSONSchemaValidator.errors(of: sarif.standardOutput, schema: SharedData.sarifSchema) == [])
    }

    /// Changed (every label), added and removed (everything else) items.
    @Test(arguments: [("plain.json", "hostile.json"), ("empty.json", "hostile.json"), ("hostile.json", "empty.json")])
    func theDiffSummaryIsMarkdownWithoutMarkup(old: String, new: String) throws {
        let result = try run(["diff", old, new, "--summary", "-", "-o", "diff.svg"])
        #expect(result.status == 0, "\(result.standardError)")
        let summary = result.output
        var tagless = summary
        for tag in ["<details>", "</details>", "<summary>", "</summary>"] { tagless = tagless.replacingOccurrences(of: tag, with: "") }
        #expect(!tagless.contains("<"), "no HTML but the summary's own")
        #expect(summary.range(of: #"(?<!\\)\]\("#, options: .regularExpression) == nil, "no Markdown link")
        #expect(summary.contains("@&#8203;everyone"))
        #expect(summary.range(of: "@(?!&#8203;)", options: .regularExpression) == nil, "no GitHub mention")
        #expect(summary.unicodeScalars.allSatisfy { scalar in
            scalar == "\n" || ![.control, .format, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory)
        })
        // Every row of every table has as many cells as its header.
        var columns = 0
        for line in summary.split(separator: "\n") where line.hasPrefix("|") {
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            if line.hasPrefix("| change |") || line.hasPrefix("| field |") || line.hasPrefix("| severity |") { columns = cells }
            #expect(cells == columns, "\(line)")
        }
        #expect(summary.contains("| changed |") || summary.contains("| added |"))
        try expectSafeSVG(try Paths.bytes(directory.appendingPathComponent("diff.svg")), clusters: model.boundaries.count)
    }
}
