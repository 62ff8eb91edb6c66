import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

@Suite("Built-in resources")
struct BuiltInResourcesTests {
    /// The embedded copies of `Templates/` are current (re-record with `make samples`).
    @Test func theEmbeddedTemplatesAreCurrent() throws {
        try Golden.assertMatches(try BuiltInResourcesSource.generate(), file: BuiltInResourcesSource.path)
    }

    @Test func everyTemplateFileIsBuiltIn() throws {
        let names = ResourceLocator.builtInNames
        #expect(names.contains("report.md.mustache"))
        #expect(names.contains("report.html.mustache"))
        #expect(names.contains("themes/colorblind.json"))
        for name in names {
            let file = try String(contentsOf: Paths.root.appendingPathComponent("Templates/\(name)"), encoding: .utf8)
            #expect(ResourceLocator(directories: []).text(name)?.text == file, "\(name)")
        }
    }

    @Test func directoriesComeBeforeTheBuiltInCopies() throws {
        let directory = try Paths.temporaryDirectory()
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: directory.appendingPathComponent("themes/mono.json"))
        try Data("{}".utf8).write(to: directory.appendingPathComponent("themes/mine.json"))
        let locator = ResourceLocator(directories: [directory.path])
        #expect(locator.text("themes/mono.json")?.text == "{}")
        #expect(locator.text("themes/default.json")?.origin == "built-in themes/default.json")
        #expect(locator.names(in: "themes", extension: "json") == ["colorblind", "default", "mine", "mono"])
    }
}
