import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Issue 16, item 4: the SVG names the font the layout was measured with first, so a browser
/// draws text in the width Graphviz made room for (asked for "Helvetica", Graphviz measured
/// with DejaVu Sans while browsers drew Arial, and labels showed gaps).
@Suite("One font, measured and declared")
struct FontTests {
    static let themes = ["default", "colorblind", "mono"]

    func theme(_ name: String) throws -> DiagramTheme {
        try Themes.load(name, locator: ResourceLocator(directories: []))
    }

    /// fontconfig decides which file pango (and so Graphviz) measures a family with: the first
    /// family of every shipped theme must be installed, not replaced by a look-alike.
    @Test(arguments: themes)
    func theFirstFamilyIsInstalled(name: String) throws {
        let family = try theme(name).measuredFontFamily
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["fc-match", "-f", "%{family}", family]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let matched = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(matched.split(separator: ",").first.map(String.init) == family, "fontconfig gives '\(matched)' for '\(family)'")
    }

    /// The same text laid out with the theme's whole list and with its first family alone has
    /// the same size, and another installed family gives another size: the layout is measured
    /// with the first family.
    @Test func theLayoutIsMeasuredWithTheFirstFamily() throws {
        let theme = DiagramTheme.standard
        func width(_ font: String) throws -> Double {
            let dot = "digraph { n [label=\"HTTPS:443 · TLS · auth: session\", fontname=\"\(font)\"] }"
            let output = try Graphviz.render(dot, format: .json)
            let graph = try #require(try JSONSerialization.jsonObject(with: Data(output.bytes)) as? [String: Any])
            let node = try #require((graph["objects"] as? [[String: Any]])?.first)
            return try #require(Double(node["width"] as? String ?? ""))
        }
        let measured = try width(theme.measuredFontFamily)
        #expect(try width(theme.fontName) == measured)
        #expect(try width("DejaVu Sans Mono") != measured, "the comparison tells fonts apart")
    }

    /// Every text of the SVG names the theme's list, the measured family first.
    @Test(arguments: themes)
    func theSVGNamesTheMeasuredFontFirst(name: String) throws {
        let theme = try theme(name)
        let svg = try SVGDocument(DiagramRenderer.render(try Models.sample("k8s-three-tier-insecure.yaml"),
            options: RenderOptions(diagram: DiagramOptions(theme: theme), today: CalendarDate("2026-01-01")!)).bytes)
        let families = Set(svg.elements.filter { $0.name == "text" }.compactMap { $0.attributes["font-family"] })
        #expect(families == [theme.fontName])
        #expect(theme.fontName.hasPrefix("DejaVu Sans,"))
    }
}
