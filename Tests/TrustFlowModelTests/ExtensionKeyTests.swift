import Testing
import TrustFlowModel
import TrustFlowTestSupport

@Suite("Extension keys")
struct ExtensionKeyTests {
    static let withExtensions = """
        trustflow: 1
        title: x
        x-defaults: &process {kind: process, technology: go}
        elements:
          - {id: web, <<: *process}
        x-tool: {"odd: key": [1, 2.5, null, true, 0x10, 123456789012345678901234567890, "text: x"], nested: {a: [{b: c}]}}
        """

    @Test func extensionKeysAreAcceptedAndKeptInOrder() throws {
        let loaded = try load(Self.withExtensions)
        #expect(loaded.model.elements == [Element(id: "web", kind: .process, technology: "go")])
        #expect(loaded.model.extensions.map(\.key) == ["x-defaults", "x-tool"])
        let tool = loaded.model.extensions[1].value
        #expect(tool["odd: key"] == .list([
            .integer(1), .number("2.5"), .null, .boolean(true), .integer(16), .number("123456789012345678901234567890"),
            .string("text: x"),
        ]))
        #expect(tool["nested"]?["a"] == .list([.mapping([ExtensionValue.Member(key: "b", value: .string("c"))])]))
    }

    @Test func onlyTheTopLevelTakesExtensionKeys() {
        let source = MarkedSource("""
            trustflow: 1
            title: x
            elements:
              - {id: web, kind: process, 1️⃣x-note: hi}
            2️⃣y-note: no
            """)
        let found = diagnostics(of: source)
        expectDiagnostic(found, .error, containing: "unknown key 'x-note' in an element", at: source["1️⃣"])
        expectDiagnostic(found, .error, containing: "unknown key 'y-note' in a TrustFlow model (expected one of: trustflow, title, description, controls, boundaries, elements, flows, threatActors, acceptedRisks)", at: source["2️⃣"])
    }

    @Test(arguments: ModelFormat.allCases)
    func extensionsSurviveConversionBothWays(format: ModelFormat) throws {
        let loaded = try load(Self.withExtensions)
        let written = ModelEncoder().encode(loaded.model, as: format)
        let again = try ModelLoader().load(written, file: "m", format: format)
        #expect(again.model == loaded.model)
        let other: ModelFormat = format == .yaml ? .json : .yaml
        let converted = try ModelLoader().load(ModelEncoder().encode(again.model, as: other), file: "m", format: other)
        #expect(converted.model == loaded.model)
        #expect(ModelEncoder().encode(converted.model, as: format) == written)
    }

    @Test func extensionsComeLastAndOddKeysAreQuoted() throws {
        let text = String(decoding: ModelEncoder().encode(try load(Self.withExtensions).model, as: .yaml), as: UTF8.self)
        #expect(text.hasSuffix("""

            x-defaults: {kind: process, technology: go}

            x-tool:
              "odd: key": [1, 2.5, null, true, 16, 123456789012345678901234567890, "text: x"]
              nested:
                a:
                  - b: c

            """))
    }

    @Test func nonFiniteNumbersAreTextInJSON() throws {
        let model = Model(title: "x", elements: [Element(id: "a", kind: .actor)],
            extensions: [ExtensionValue.Member(key: "x-n", value: .list([.number(".inf"), .number("-.inf"), .number(".nan")]))])
        let json = String(decoding: ModelEncoder().encode(model, as: .json), as: UTF8.self)
        #expect(json.contains("\".inf\",\n    \"-.inf\",\n    \".nan\""))
        let yaml = String(decoding: ModelEncoder().encode(model, as: .yaml), as: UTF8.self)
        #expect(yaml.contains("x-n: [.inf, -.inf, .nan]"))
        #expect(try load(yaml).model == model)
    }
}
