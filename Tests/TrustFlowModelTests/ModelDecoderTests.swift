import Testing
import TrustFlowModel
import TrustFlowTestSupport

@Suite("Decoding")
struct ModelDecoderTests {
    @Test func theSmallestModelGetsItsDefaults() throws {
        let loaded = try load("""
            trustflow: 1
            title: Hello
            elements:
              - { id: user, kind: actor }
              - { id: web, kind: process }
            flows:
              - { from: user, to: web, protocol: HTTPS, encryption: tls }
              - { from: user, to: web }
              - { from: user, to: web }
            """)
        let model = loaded.model
        #expect(model.elements[0].label == "user")
        #expect(model.flows.map(\.id) == ["user-to-web", "user-to-web-2", "user-to-web-3"])
        #expect(model.flows[1].encryption == nil)
        #expect(model.flows[0].bidirectional == false)
        #expect(model.flows[0].data.isEmpty)
        #expect(loaded.warnings.isEmpty)
    }

    /// Another version's file is not judged by this version's rules: the version is the
    /// only error (it also said "the title must not be empty" and "needs at least one element",
    /// and would have called its new keys unknown).
    @Test func anUnsupportedVersionIsTheOnlyError() {
        let found = diagnostics(of: MarkedSource("trustflow: 1️⃣2\nsomething: else\n"))
        #expect(found.map(\.message) == ["unsupported format version 2 (supported: 1)"])
        #expect(found.first?.location?.line == 1 && found.first?.location?.column == 12)
    }

    @Test func jsonAndYAMLSamplesDecodeToTheSameModel() throws {
        let yaml = try ModelLoader().load(Paths.bytes(Paths.sample("k8s-three-tier.yaml")), file: "a.yaml", format: .yaml)
        let json = try ModelLoader().load(Paths.bytes(Paths.sample("k8s-three-tier.json")), file: "a.json", format: .json)
        #expect(yaml.model == json.model)
        #expect(yaml.model.boundaries.count == 11)
        #expect(yaml.warnings.isEmpty)
    }

    @Test func everyErrorOfAFileIsReportedAtOnce() {
        let source = MarkedSource("""
            trustflow: 1
            title: Many errors
            elements:
              - { id: web, kind: 1️⃣proces, 2️⃣technlogy: nginx }
              - { id: db, kind: datastore }
            flows:
              - { from: web, to: 3️⃣dbb, port: 4️⃣99999, encryption: 5️⃣TLS }
              - { from: web, to: db, port: 6️⃣"443", bidirectional: 7️⃣yes }
            """)
        let found = diagnostics(of: source)
        #expect(found.filter { $0.severity == .error }.count == 7)
        expectDiagnostic(found, .error, containing: "'proces' is not a valid kind; did you mean 'process'?", at: source["1️⃣"], path: "elements[0].kind")
        expectDiagnostic(found, .error, containing: "unknown key 'technlogy' in an element; did you mean 'technology'?", at: source["2️⃣"])
        expectDiagnostic(found, .error, containing: "unknown element 'dbb'; did you mean 'db'?", at: source["3️⃣"], path: "flows[0].to")
        expectDiagnostic(found, .error, containing: "expected a port number from 1 to 65535, found 99999", at: source["4️⃣"])
        expectDiagnostic(found, .error, containing: "'TLS' is not a valid encryption; did you mean 'tls'?", at: source["5️⃣"])
        expectDiagnostic(found, .error, containing: "expected a port number from 1 to 65535, found a string (\"443\")", at: source["6️⃣"])
        expectDiagnostic(found, .error, containing: "expected true or false, found a string (\"yes\")", at: source["7️⃣"])
    }

    @Test func jsonErrorsCarryLinesToo() {
        let source = MarkedSource("""
            {
              "trustflow": 1,
              "title": "JSON",
              "elements": [
                {"id": "web", "kind": "process", 1️⃣"contrls": []}
              ],
              "flows": [{"from": "web", "to": 2️⃣"nowhere"}]
            }
            """)
        let found = diagnostics(of: source, format: .json, file: "model.json")
        expectDiagnostic(found, .error, containing: "did you mean 'controls'?", at: source["1️⃣"], path: "elements[0].contrls")
        expectDiagnostic(found, .error, containing: "unknown element 'nowhere'", at: source["2️⃣"], path: "flows[0].to")
        #expect(found.allSatisfy { $0.location?.file == "model.json" })
    }

    @Test func duplicateKeysAreErrorsAtTheSecondKey() {
        let source = MarkedSource("trustflow: 1\ntitle: A\n1️⃣title: B\nelements: [{id: a, kind: actor}]\n")
        expectDiagnostic(diagnostics(of: source), .error, containing: "duplicate key 'title' (first written at 2:1)", at: source["1️⃣"])
        let json = MarkedSource(#"{"trustflow": 1, "title": "A", "elements": [{"id": "a", "kind": "actor", 1️⃣"id": "b"}]}"#)
        expectDiagnostic(diagnostics(of: json, format: .json), .error, containing: "duplicate key 'id'", at: json["1️⃣"])
    }

    @Test(arguments: [
        ("trustflow: 1️⃣2\ntitle: x\nelements: [{id: a, kind: actor}]\n", "unsupported format version 2 (supported: 1)"),
        ("1️⃣title: x\nelements: [{id: a, kind: actor}]\n", "missing required key 'trustflow'"),
        ("1️⃣trustflow: 1\nelements: [{id: a, kind: actor}]\n", "missing required key 'title'"),
        ("1️⃣trustflow: 1\ntitle: x\n", "missing required key 'elements'"),
        ("trustflow: 1\ntitle: x\nelements: 1️⃣[]\n", "at least one element"),
        ("1️⃣[1, 2]\n", "expected a TrustFlow model (a mapping), found a list"),
        ("trustflow: 1\ntitle: 1️⃣42\nelements: [{id: a, kind: actor}]\n", "expected a string, found an integer (42) (put it in quotes"),
        ("trustflow: 1\ntitle: x\nelements: 1️⃣{id: a}\n", "expected a list, found a mapping"),
        ("trustflow: 1\ntitle: x\nelements: [1️⃣{id: a}]\n", "missing required key 'kind' (one of: actor, process, datastore, external)"),
        ("trustflow: 1\ntitle: x\nelements: [{id: a, kind: actor, controls: 1️⃣rbac}]\n", "expected a list, found a string"),
        ("trustflow: 1\ntitle: 1️⃣\"a\\0b\"\nelements: [{id: a, kind: actor}]\n", "control character U+0000"),
        ("trustflow: 1\ntitle: x\n1️⃣colour: red\nelements: [{id: a, kind: actor}]\n", "unknown key 'colour' in a TrustFlow model (expected one of:"),
    ])
    func structuralErrors(marked: String, message: String) {
        let source = MarkedSource(marked)
        expectDiagnostic(diagnostics(of: source), .error, containing: message, at: source["1️⃣"])
    }

    @Test func diagnosticsPrintLikeACompiler() {
        let source = MarkedSource("trustflow: 1\ntitle: x\nelements: [{id: a, kind: actor, 1️⃣lable: A}]\n")
        let diagnostic = diagnostics(of: source, file: "Samples/m.yaml").first
        #expect(diagnostic?.description == "Samples/m.yaml:3:33: error: elements[0].lable: unknown key 'lable' in an element; did you mean 'label'?")
    }
}
