import Foundation
import Testing
import TrustFlowTestSupport

/// What the types rule out: each mistake below must be a compile error, at its line, rather
/// than a diagnostic at run time or a wrong picture. The snippets are type-checked with
/// `swiftc` against the module this test run built.
@Suite("DSL compile-time safety")
struct CompileTimeSafetyTests {
    static let declarations = """
        import TrustFlowModel
        func declarations() throws {
            let web = Element.process("web")
            let ns = Boundary.namespace("ns")
            let rbac = Control.declare("rbac", kind: .rbac)
        """

    @Test func aCorrectSnippetCompiles() throws {
        let result = try typecheck(Self.declarations + """

                _ = try Model.build("ok") {
                    rbac
                    ns { web }
                    Flow.from(web, to: web, controls: [rbac])
                    ThreatActor.externalAttacker("t", targets: [web, ns])
                    AcceptedRisk.rule("TF1", on: ns, reason: "r")
                }
            }
            """)
        #expect(result.status == 0, "\(result.standardError)")
    }

    /// Line → what the compiler says there.
    static let mistakes: [(code: String, error: String)] = [
        ("_ = try Model.build(\"x\") { Flow.from(web, to: db) }", "cannot find 'db' in scope"),
        ("_ = try Model.build(\"x\") { Flow.from(web, to: ns) }",
            "cannot convert value of type 'BoundaryRef' to expected argument type 'ElementRef'"),
        ("_ = try Model.build(\"x\") { ns { Flow.from(web, to: web) } }",
            "cannot convert value of type 'FlowRef' to expected argument type 'BoundaryContent'"),
        ("_ = try Model.build(\"x\") { ns { rbac } }",
            "cannot convert value of type 'ControlRef' to expected argument type 'BoundaryContent'"),
        ("_ = try Model.build(\"x\") { \"web\" }",
            "cannot convert value of type 'String' to expected argument type 'ModelContent'"),
        ("_ = ThreatActor.externalAttacker(\"t\", targets: [rbac])",
            "cannot convert value of type 'ControlRef' to expected element type 'any AttackTarget'"),
        ("_ = AcceptedRisk.rule(\"TF1\", on: rbac, reason: \"r\")", "'ControlRef' conform to 'RiskTarget'"),
        ("_ = Element.process(\"api\", controls: [ns])",
            "cannot convert value of type 'BoundaryRef' to expected element type 'ControlRef'"),
        ("_ = Flow.from(web, to: \"db\")", "cannot convert value of type 'String' to expected argument type 'ElementRef'"),
    ]

    @Test func mistakesInReferencesDoNotCompile() throws {
        let firstLine = Self.declarations.split(separator: "\n").count + 1
        let body = Self.mistakes.map { "    " + $0.code }.joined(separator: "\n")
        let result = try typecheck(Self.declarations + "\n" + body + "\n}\n")
        #expect(result.status != 0)
        let errors = result.standardError.split(separator: "\n").filter { $0.hasPrefix("snippet.swift:") && $0.contains(": error: ") }
        for (offset, mistake) in Self.mistakes.enumerated() {
            let onLine = errors.filter { $0.hasPrefix("snippet.swift:\(firstLine + offset):") }
            #expect(onLine.count == 1, "line \(firstLine + offset) (\(mistake.code)): \(onLine)")
            #expect(onLine.first?.contains(mistake.error) == true, "\(onLine)")
        }
        #expect(errors.count == Self.mistakes.count, "\(errors.joined(separator: "\n"))")
    }

    /// The Swift in the DocC catalogue is real code: each document's blocks, joined, must
    /// compile against the library.
    @Test(arguments: [
        "Sources/TrustFlow/TrustFlow.docc/TrustFlow.md", "Sources/TrustFlow/TrustFlow.docc/WritingAModelInSwift.md",
        "Sources/TrustFlow/TrustFlow.docc/UsingTheLibrary.md",
    ])
    func theDocumentationsSwiftCompiles(_ path: String) throws {
        let text = try String(contentsOf: Paths.root.appendingPathComponent(path), encoding: .utf8)
        let blocks = text.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        try #require(!blocks.isEmpty)
        let result = try typecheck(blocks.joined(separator: "\n"), main: true)
        #expect(result.status == 0, "\(result.standardError)")
    }

    private func typecheck(_ source: String, main: Bool = false) throws -> TrustFlowProcess.Result {
        let directory = try Paths.temporaryDirectory()
        // As main.swift, top-level statements are allowed, as in the documentation's examples.
        let file = main ? "main.swift" : "snippet.swift"
        try Data(source.utf8).write(to: directory.appendingPathComponent(file))
        let modules = Paths.products.appendingPathComponent("Modules")
        // TrustFlowModel and TrustFlowGraphviz import C modules (libyaml, libgvc and its
        // support code) with `internal import`, which keeps their types out of the API; but a
        // Swift 6 client of a module built without library evolution still loads them (for type
        // layout), so their module maps must be found too.
        let moduleMaps = ["CLibYAML/module.modulemap", "CGraphviz/module.modulemap", "CGraphvizSupport/include/module.modulemap"]
            .flatMap { ["-Xcc", "-fmodule-map-file=" + Paths.root.appendingPathComponent("Sources/" + $0).path] }
        return try TrustFlowProcess.run(
            ["swiftc", "-typecheck", "-swift-version", "6", "-I", modules.path] + moduleMaps + [file],
            in: directory, executable: URL(fileURLWithPath: "/usr/bin/env"))
    }
}
