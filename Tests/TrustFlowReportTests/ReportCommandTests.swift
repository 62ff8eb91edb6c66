import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// `trustflow report` and `diff --html` end to end, against golden files.
@Suite("trustflow report")
struct ReportCommandTests {
    static let golden = Paths.root.appendingPathComponent("Tests/TrustFlowReportTests/Golden")

    /// The page with every inlined `<svg>…</svg>` replaced by a marker: the diagrams have their
    /// own golden and structure tests, and this keeps the report's goldens about the report.
    static func normalizingSVG(_ html: String) -> String {
        var result = ""
        var rest = Substring(html)
        while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            result += rest[..<start.lowerBound] + "<svg><!-- diagram --></svg>"
            rest = rest[end.upperBound...]
        }
        return result + rest
    }

    func report(_ model: String, _ name: String, extra: [String] = []) throws -> (result: TrustFlowProcess.Result, directory: URL) {
        let directory = try Paths.temporaryDirectory()
        let result = try TrustFlowProcess.run(["report", model, "-o", directory.appendingPathComponent(name).path, "--today", "2026-01-01", "-q"] + extra)
        return (result, directory)
    }

    /// Items without a description of their own show none: Mustache looked `description` up
    /// in the enclosing context and printed the model's on 12 boundaries, elements and actors.
    @Test(arguments: ["report.md", "report.html"])
    func theModelsDescriptionIsShownOnce(name: String) throws {
        let (result, directory) = try report("Samples/k8s-three-tier.yaml", name)
        #expect(result.status == 0, "\(result.standardError)")
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        #expect(text.components(separatedBy: "Users reach an Nginx front end").count - 1 == 1)
    }

    /// `report` without -o never replaces the diagram `render` wrote beside the model.
    @Test func theReportsDiagramHasItsOwnName() throws {
        let directory = try Paths.temporaryDirectory()
        try FileManager.default.copyItem(at: Paths.sample("minimal.yaml"), to: directory.appendingPathComponent("model.yaml"))
        let rendered = try TrustFlowProcess.run(["render", "model.yaml", "--theme", "mono", "-q"], in: directory)
        #expect(rendered.status == 0)
        let diagram = try Paths.bytes(directory.appendingPathComponent("model.svg"))
        let reported = try TrustFlowProcess.run(["report", "model.yaml", "-q"], in: directory)
        #expect(reported.status == 0, "\(reported.standardError)")
        #expect(try Paths.bytes(directory.appendingPathComponent("model.svg")) == diagram)
        #expect(try String(contentsOf: directory.appendingPathComponent("model.md"), encoding: .utf8).contains("](model-diagram.svg)"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("model-diagram.svg").path))
    }

    @Test(arguments: ["k8s-three-tier", "k8s-three-tier-insecure"])
    func markdownReportsMatchTheirGoldenFiles(sample: String) throws {
        let (result, directory) = try report("Samples/\(sample).yaml", "report.md")
        #expect(result.status == 0, "\(result.standardError)")
        try Golden.assertMatches(Paths.bytes(directory.appendingPathComponent("report.md")), file: Self.golden.appendingPathComponent("\(sample).md"))
        // The diagram is rendered beside the report and linked relatively.
        let image = try SVGDocument(Paths.bytes(directory.appendingPathComponent("report-diagram.svg")))
        #expect(image.groups(class: "cluster", idPrefix: "boundary-").count == 11)
        #expect(try String(contentsOf: directory.appendingPathComponent("report.md"), encoding: .utf8).contains("](report-diagram.svg)"))
    }

    @Test(arguments: ["k8s-three-tier", "k8s-three-tier-insecure"])
    func htmlReportsMatchTheirGoldenFiles(sample: String) throws {
        let (result, directory) = try report("Samples/\(sample).yaml", "report.html")
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOf: directory.appendingPathComponent("report.html"), encoding: .utf8)
        try Golden.assertMatches(Self.normalizingSVG(html), file: Self.golden.appendingPathComponent("\(sample).html"))
        // The inlined diagram is TrustFlow's SVG with every item linked to its row.
        let svg = String(html[html.range(of: "<svg")!.lowerBound..<html.range(of: "</svg>")!.upperBound])
        let document = try SVGDocument(Array(svg.utf8))
        let links = Set(document.allAttributes.filter { $0.name == "xlink:href" }.map(\.value))
        let model = try Models.sample("\(sample).yaml")
        for element in model.elements {
            #expect(links.contains("#row-element-\(element.id)"))
            #expect(html.contains("<tr id=\"row-element-\(element.id)\">"))
        }
        for flow in model.flows {
            #expect(links.contains("#row-flow-\(flow.id)"))
            #expect(html.contains("<tr id=\"row-flow-\(flow.id)\">"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("report-diagram.svg").path))
    }

    @Test func theDiffPageMatchesItsGoldenFile() throws {
        let directory = try Paths.temporaryDirectory()
        let page = directory.appendingPathComponent("diff.html")
        let result = try TrustFlowProcess.run(["diff", "Samples/diff/before.yaml", "Samples/diff/after.yaml", "--html", page.path, "-q", "--today", "2026-01-01"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        let html = try String(contentsOf: page, encoding: .utf8)
        try Golden.assertMatches(Self.normalizingSVG(html), file: Self.golden.appendingPathComponent("diff.html"))
        #expect(html.components(separatedBy: "<svg").count == 4)
        for prefix in ["diff", "before", "after"] { #expect(html.contains("id=\"\(prefix)&#45;element&#45;api\"")) }
    }

    @Test func hostileTextStaysInert() throws {
        for name in ["report.html", "report.md"] {
            let (result, directory) = try report("Tests/TrustFlowDOTTests/Fixtures/hostile.yaml", name)
            #expect(result.status == 0, "\(result.standardError)")
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains("<script"), "\(name)")
            #expect(!text.contains("<img"), "\(name)")
            #expect(!text.contains("<!-- -->") && !text.contains("<![CDATA["), "\(name)")
            #expect(text.range(of: #"<[^>]*\son[a-z]+\s*="#, options: .regularExpression) == nil, "\(name)")
            #expect(text.contains("[U+202E]"), "\(name)")
            if name.hasSuffix(".html") {
                #expect(text.contains("Hostile &quot;title&quot; &lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!text.lowercased().contains("href=\"javascript:"))
            } else {
                #expect(text.hasPrefix("# Hostile \"title\" &lt;script&gt;alert(1)&lt;/script&gt; \\\\N \\\\G\n"))
                // Every table row keeps its cell count: no pipe from the model splits a cell.
                for table in text.components(separatedBy: "\n\n") where table.hasPrefix("| id |") {
                    let rows = table.split(separator: "\n")
                    let cells = rows.map { $0.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
                    #expect(Set(cells).count == 1, "\(table)")
                }
            }
        }
    }

    @Test func aCustomTemplateIsUsedWithTheSameEscaping() throws {
        let directory = try Paths.temporaryDirectory()
        let template = directory.appendingPathComponent("mine.mustache")
        try Data("Title: {{title}}\n{{#elements}}- {{label}} ({{kind}})\n{{/elements}}".utf8).write(to: template)
        let result = try TrustFlowProcess.run(["report", "Tests/TrustFlowDOTTests/Fixtures/hostile.yaml", "--template", template.path, "-o", "-", "--format", "markdown", "-q"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.output.hasPrefix("Title: Hostile \"title\" &lt;script&gt;alert(1)&lt;/script&gt; \\\\N \\\\G\n- Quote \" back\\\\slash new line &lt;b&gt;bold&lt;/b&gt; &amp; ampersand (actor)\n"))
    }

    @Test func aBrokenTemplateIsALocatedErrorAndWritesNothing() throws {
        let directory = try Paths.temporaryDirectory()
        let template = directory.appendingPathComponent("broken.mustache")
        try Data("line one\n{{#elements}}\n{{label}}\n".utf8).write(to: template)
        let output = directory.appendingPathComponent("out.md")
        let result = try TrustFlowProcess.run(["report", "Samples/minimal.yaml", "--template", template.path, "-o", output.path])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix(
            "\(template.path):2:1: error: invalid template: the section 'elements' is not closed\n"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let unknown = try TrustFlowProcess.run(["report", "Samples/minimal.yaml", "--template", "fancy", "-o", "-"])
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("unknown template 'fancy'"))
    }

    @Test func theFormatComesFromTheExtensionAndImagesCanBePNG() throws {
        let directory = try Paths.temporaryDirectory()
        let image = directory.appendingPathComponent("images/diagram.png")
        try FileManager.default.createDirectory(at: image.deletingLastPathComponent(), withIntermediateDirectories: true)
        let result = try TrustFlowProcess.run(["report", "Samples/minimal.yaml", "-o", directory.appendingPathComponent("docs/report.markdown").path,
            "--image", image.path, "-q"])
        #expect(result.status == 3, "the docs directory does not exist yet")
        #expect(!FileManager.default.fileExists(atPath: image.path), "nothing is written when one output cannot be")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("docs"), withIntermediateDirectories: true)
        let again = try TrustFlowProcess.run(["report", "Samples/minimal.yaml", "-o", directory.appendingPathComponent("docs/report.markdown").path,
            "--image", image.path, "-q"])
        #expect(again.status == 0, "\(again.standardError)")
        #expect(try String(contentsOf: directory.appendingPathComponent("docs/report.markdown"), encoding: .utf8).contains("](../images/diagram.png)"))
        #expect(Array(try Paths.bytes(image).prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        let noImage = try TrustFlowProcess.run(["report", "Samples/minimal.yaml", "-o", "-", "--no-image"])
        #expect(noImage.status == 0)
        #expect(!noImage.output.contains("!["))
        let bad = try TrustFlowProcess.run(["report", "Samples/minimal.yaml", "-o", "x.txt"])
        #expect(bad.status == 2)
    }
}
