import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

@Suite("Themes")
struct ThemeTests {
    @Test func theDefaultThemeFileIsTheBuiltInTheme() throws {
        #expect(try Themes.load("default", locator: ResourceLocator(directories: [])) == DiagramTheme.standard)
    }

    @Test func everyShippedThemeLoads() throws {
        let names = ResourceLocator(directories: []).names(in: "themes", extension: "json")
        #expect(names == ["colorblind", "default", "mono"])
        for name in names { _ = try Themes.load(name, locator: ResourceLocator(directories: [])) }
    }

    func colors(in dot: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: "#[0-9a-f]{6}")
        let range = NSRange(dot.startIndex..., in: dot)
        return Set(pattern.matches(in: dot, range: range).map { String(dot[Range($0.range, in: dot)!]) })
    }

    @Test func monoIsGreyscale() throws {
        let theme = try Themes.load("mono", locator: ResourceLocator(directories: []))
        let dot = DiagramRenderer.dot(for: try Models.sample("k8s-three-tier-insecure.yaml"),
            options: RenderOptions(diagram: DiagramOptions(theme: theme), today: CalendarDate("2026-01-01")!))
        let used = colors(in: dot)
        #expect(!used.isEmpty)
        for color in used {
            let digits = Array(color.dropFirst())
            #expect(digits[0...1] == digits[2...3] && digits[2...3] == digits[4...5], "\(color) is not grey")
        }
    }

    @Test func colorblindUsesTheOkabeItoPaletteAndKeepsLineStyles() throws {
        let theme = try Themes.load("colorblind", locator: ResourceLocator(directories: []))
        let model = try Models.sample("k8s-three-tier-insecure.yaml")
        let dot = DiagramRenderer.dot(for: model, options: RenderOptions(diagram: DiagramOptions(theme: theme), today: CalendarDate("2026-01-01")!))
        let standard = DiagramRenderer.dot(for: model, options: RenderOptions(today: CalendarDate("2026-01-01")!))
        #expect(colors(in: dot).isSuperset(of: ["#0072b2", "#009e73", "#d55e00", "#e69f00", "#cc79a7"]))
        #expect(!colors(in: dot).contains("#c62828"))
        // Differences stay visible without colour: the same line styles, plus markers and arrowheads.
        for style in ["style=\"dotted\"", "style=\"bold\"", "style=\"dashed\""] {
            #expect(dot.components(separatedBy: style).count == standard.components(separatedBy: style).count, "\(style)")
        }
        #expect(dot.contains("⚠ UNENCRYPTED") && dot.contains("arrowhead=\"odot\""))
    }

    @Test func aPartialThemeOverridesOnlyWhatItSays() throws {
        let theme = try DiagramTheme.decode(Array(##"{"boundaries": {"pod": {"line": "#123456"}}}"##.utf8), file: "t.json")
        #expect(theme.boundaries[.pod]?.lineColor == DOTColor("#123456"))
        var expected = DiagramTheme.standard
        expected.boundaries[.pod]?.lineColor = DOTColor("#123456")!
        #expect(theme == expected)
    }

    @Test func anInvalidThemeGetsLocatedErrors() throws {
        let source = MarkedSource("""
            {
              "font": { "size": 1️⃣200, 2️⃣"famly": "x" },
              "flows": { "tls": { "color": 3️⃣"green", "arrowhead": 4️⃣"vea" } },
              5️⃣"edges": {}
            }
            """)
        do {
            _ = try DiagramTheme.decode(source.bytes, file: "bad.json")
            Issue.record("accepted an invalid theme")
        } catch {
            let found = error.diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.message)" }
            #expect(found == [
                "\(source["1️⃣"].line):\(source["1️⃣"].column) expected a font size from 4 to 72, found an integer (200)",
                "\(source["2️⃣"].line):\(source["2️⃣"].column) unknown key 'famly' in 'font'; did you mean 'family'?",
                "\(source["3️⃣"].line):\(source["3️⃣"].column) expected a colour written #rrggbb or #rgb, found \"green\"",
                "\(source["4️⃣"].line):\(source["4️⃣"].column) 'vea' is not an arrowhead; did you mean 'vee'?",
                "\(source["5️⃣"].line):\(source["5️⃣"].column) unknown key 'edges' in a theme (expected one of: \(DiagramTheme.fileKeys.joined(separator: ", ")))",
            ])
        }
    }

    @Test func theCommandsTakeATheme() throws {
        let directory = try Paths.temporaryDirectory()
        for arguments in [
            ["render", "Samples/minimal.yaml", "--theme", "mono", "-o", directory.appendingPathComponent("m.dot").path],
            ["diff", "Samples/diff/before.yaml", "Samples/diff/after.yaml", "--theme", "mono", "-o", directory.appendingPathComponent("d.dot").path],
            ["report", "Samples/minimal.yaml", "--theme", "mono", "-o", directory.appendingPathComponent("r.html").path],
        ] {
            let result = try TrustFlowProcess.run(arguments + ["-q"])
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }
        // The default theme uses no pure black; mono does, in every command's output.
        for file in ["m.dot", "d.dot", "r.html"] {
            #expect(try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8).contains("#000000"), "\(file)")
        }
        let unknown = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "--theme", "colourblind", "-o", "-"])
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("unknown theme 'colourblind'; did you mean 'colorblind'?"))
        try Data(#"{"colors": {"text": "red"}}"#.utf8).write(to: directory.appendingPathComponent("bad.json"))
        let invalid = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "--theme", directory.appendingPathComponent("bad.json").path, "-o", "-"])
        #expect(invalid.status == 2)
        #expect(invalid.standardError.contains("bad.json:1:21: error: colors.text: expected a colour"))
        #expect(invalid.standardOutput.isEmpty)
    }
}
