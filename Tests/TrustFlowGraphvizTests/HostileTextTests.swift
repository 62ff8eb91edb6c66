import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Model text can never change the structure of the diagram nor produce markup.
@Suite("Hostile text")
struct HostileTextTests {
    let model: Model
    let svg: SVGDocument
    let rawSVG: String

    init() throws {
        model = try Models.fixture("hostile.yaml")
        let bytes = try DiagramRenderer.render(model).bytes
        svg = try SVGDocument(bytes)
        rawSVG = String(decoding: bytes, as: UTF8.self)
    }

    @Test func structureIsExactlyTheModels() {
        #expect(svg.groups(class: "cluster", idPrefix: "").count == model.boundaries.count)
        #expect(svg.groups(class: "node", idPrefix: "element-").count == model.elements.count)
        #expect(svg.groups(class: "edge", idPrefix: "flow-").count == model.flows.count)
        // Each flow's label is a node the flow runs through: its tail half is a second edge.
        #expect(svg.groups(class: "edge", idPrefix: "tail-flow-").count == model.flows.count)
        #expect(svg.groups(class: "edge", idPrefix: "").count == 2 * model.flows.count + 1)
        #expect(svg.groups(class: "node", idPrefix: "label-flow-").count == model.flows.count)
        #expect(svg.elements.filter { $0.name == "g" && $0.attributes["class"] == "node" }.count
            == model.elements.count + model.threatActors.count + 1 + model.flows.count)
    }

    @Test func everyLabelShowsLiterally() {
        let texts = svg.texts
        #expect(texts.contains(model.title))
        for element in model.elements {
            for line in element.label.split(separator: "\n") { #expect(texts.contains(String(line)), "\(line)") }
        }
        for boundary in model.boundaries where !boundary.label.contains("\u{202E}") {
            #expect(texts.contains(boundary.label), "\(boundary.label)")
        }
        #expect(texts.contains("pod[U+202E]evil[U+200B]zero[U+2028]sep"))
        #expect(texts.contains(" \"]; a -> c [color=red"))
        #expect(texts.contains(" line1\\nline2 \\l left"))
        #expect(texts.contains("[\\N\\G\\E]"))
    }

    @Test func tooltipsShowLiterally() {
        let titles = svg.allAttributes.filter { $0.name == "xlink:title" }.map(\.value)
        #expect(titles.contains { $0.hasPrefix("ns \\N \\G \\l \\r \\E \\T \\H \\L end\\ (namespace)") })
        #expect(titles.contains { $0.hasSuffix("<!-- comment --> \\\\ double") })
    }

    @Test func nothingBecomesMarkup() {
        #expect(!rawSVG.contains("<script"))
        #expect(!rawSVG.lowercased().contains("javascript:"))
        #expect(svg.texts.contains("javascript:alert(1)"), "the text still reads the same")
        #expect(svg.elements.allSatisfy { !["script", "img", "foreignObject", "iframe"].contains($0.name) })
        #expect(svg.allAttributes.allSatisfy { !$0.name.lowercased().hasPrefix("on") })
        let links = svg.allAttributes.filter { $0.name == "xlink:href" }.map(\.value)
        #expect(links == ["https://example.com/?a=1&b=%3C2%3E"])
    }
}
