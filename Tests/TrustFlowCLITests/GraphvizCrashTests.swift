import Foundation
import Testing
import TrustFlowTestSupport

/// Issue 13: a crash inside Graphviz is never a bare signal. Rendering in one process, it ends
/// with a message that names the model, the engine, the signal and what to try, exit status
/// 3, and every existing output as it was. The crashes are real: a preloaded `gvLayout`
/// (``PreloadedGraphviz``) crashes in front of libgvc's.
@Suite("Graphviz crashes")
struct GraphvizCrashTests {
    static let crashes: [(statement: String, signal: String)] = [
        ("raise(SIGSEGV);", "SIGSEGV, a bad memory access"),
        ("abort();", "SIGABRT, an internal check failed"),
        ("deeper(0);", "SIGSEGV, a bad memory access"),  // a stack overflow
        ("raise(SIGFPE);", "SIGFPE, an arithmetic error"),
    ]

    @Test(arguments: crashes)
    func aCrashWhileRenderingOneModelIsReportedAndWritesNothing(statement: String, signal: String) throws {
        let directory = try Paths.temporaryDirectory()
        let model = directory.appendingPathComponent("model.yaml")
        try FileManager.default.copyItem(at: Paths.sample("minimal.yaml"), to: model)
        let existing = Array("<svg>the diagram from yesterday</svg>\n".utf8)
        try Data(existing).write(to: directory.appendingPathComponent("model.svg"))
        let library = try PreloadedGraphviz.library(PreloadedGraphviz.layout(running: statement), named: "crash", in: directory)
        let before = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()

        for engine in ["dot", "fdp"] {
            let result = try TrustFlowProcess.run(["render", "model.yaml", "--engine", engine], in: directory,
                environment: PreloadedGraphviz.environment(library))
            #expect(result.status == 3)
            let other = engine == "dot" ? "fdp" : "dot"
            #expect(result.standardError == "model.yaml: error: Graphviz crashed (\(signal)) while laying out the diagram with the "
                + "\(engine) engine; nothing was written. Try --engine \(other); if every engine crashes, please report the model.\n")
            #expect(try Paths.bytes(directory.appendingPathComponent("model.svg")) == existing)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == before, "no temporary file left")
        }
    }

    /// Rendering several models in this one process, the crash names the model it happened on.
    @Test func aCrashInAnInProcessBatchNamesItsModel() throws {
        let directory = try Paths.temporaryDirectory()
        for name in ["a.yaml", "b.yaml"] {
            try FileManager.default.copyItem(at: Paths.sample("minimal.yaml"), to: directory.appendingPathComponent(name))
        }
        let library = try PreloadedGraphviz.library(PreloadedGraphviz.layout(running: "raise(SIGSEGV);"), named: "crash", in: directory)
        let result = try TrustFlowProcess.run(["render", "a.yaml", "b.yaml", "-q"], in: directory,
            environment: PreloadedGraphviz.environment(library))
        #expect(result.status == 3)
        #expect(result.standardError.hasPrefix("a.yaml: error: Graphviz crashed (SIGSEGV, a bad memory access)"), "\(result.standardError)")
    }

    /// The model from the issue: a user in an Internet boundary sending into a namespace of a
    /// cluster crashed fdp every time (a stale pointer in fdp met a reused address; see
    /// CGraphvizSupport's ordered_memory.c). Drawn now, every flow and boundary in it.
    @Test func theUserInAnInternetBoundaryRendersWithFDP() throws {
        let directory = try Paths.temporaryDirectory()
        try Data("""
            trustflow: 1
            title: fdp crash
            boundaries:
              - { id: internet, kind: network }
              - { id: prod, kind: cluster }
              - { id: ns, kind: namespace, parent: prod }
            elements:
              - { id: user, kind: actor, boundary: internet }
              - { id: web, kind: process, boundary: ns }
            flows:
              - { from: user, to: web, protocol: HTTPS, encryption: tls }

            """.utf8).write(to: directory.appendingPathComponent("m.yaml"))
        let result = try TrustFlowProcess.run(["render", "m.yaml", "--engine", "fdp", "-o", "-"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        let svg = try SVGDocument(result.standardOutput)
        #expect(svg.groups(class: "edge", idPrefix: "flow-").map { $0.attributes["id"] } == ["flow-user-to-web"])
        #expect(svg.groups(class: "cluster", idPrefix: "boundary-").compactMap { $0.attributes["id"] }.sorted()
            == ["boundary-internet", "boundary-ns", "boundary-prod"])
    }
}
