import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// End to end: the built `trustflow` binary, its outputs, messages and exit codes.
@Suite("trustflow render")
struct RenderCommandTests {
    @Test func rendersTheSampleNextToAnOutputPath() throws {
        let directory = try Paths.temporaryDirectory()
        let output = directory.appendingPathComponent("three-tier.svg")
        let result = try TrustFlowProcess.run(["render", "Samples/k8s-three-tier.yaml", "-o", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError == "wrote \(output.path)\n")
        let svg = try SVGDocument(Paths.bytes(output))
        #expect(svg.groups(class: "cluster", idPrefix: "boundary-").count == 11)
    }

    @Test func withoutOutputTheDiagramGoesBesideTheModel() throws {
        let directory = try Paths.temporaryDirectory()
        try FileManager.default.copyItem(at: Paths.sample("minimal.yaml"), to: directory.appendingPathComponent("minimal.yaml"))
        let result = try TrustFlowProcess.run(["render", "minimal.yaml", "--format", "png"], in: directory)
        #expect(result.status == 0)
        #expect(result.standardError == "wrote minimal.png\n")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("minimal.png").path))
    }

    @Test(arguments: [("svg", Array("<?xml".utf8)), ("png", [0x89, 0x50, 0x4E, 0x47]), ("pdf", Array("%PDF".utf8)), ("dot", Array("digraph".utf8))])
    func theFormatComesFromTheExtension(fileExtension: String, magic: [UInt8]) throws {
        let output = try Paths.temporaryDirectory().appendingPathComponent("out.\(fileExtension)")
        let result = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "-o", output.path, "--quiet"])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        #expect(Array(try Paths.bytes(output).prefix(magic.count)) == magic)
    }

    /// Rendering is libgvc in this process: with no program reachable on PATH (so no Graphviz
    /// `dot` either) every format and engine still renders, to the same bytes.
    @Test(arguments: [("svg", "dot"), ("png", "dot"), ("pdf", "dot"), ("svg", "fdp"), ("svg", "osage")])
    func renderingNeedsNoGraphvizProgram(format: String, engine: String) throws {
        let arguments = ["render", "Samples/k8s-three-tier.yaml", "-o", "-", "--format", format, "--engine", engine]
        let isolated = try TrustFlowProcess.run(arguments, environment: ["PATH": "/nonexistent"])
        #expect(isolated.status == 0, "\(isolated.standardError)")
        #expect(isolated.standardOutput.count > 1000)
        #expect(isolated.standardOutput == (try TrustFlowProcess.run(arguments)).standardOutput)
    }

    @Test func dashWritesToStandardOutput() throws {
        let result = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "-o", "-", "--format", "dot"])
        #expect(result.status == 0)
        #expect(result.output == DiagramRenderer.dot(for: try Models.sample("minimal.yaml")))
        #expect(result.standardError.isEmpty)
    }

    @Test func theCommittedSampleDiagramsAreCurrent() throws {
        for name in ["k8s-three-tier", "k8s-three-tier-insecure", "environments", "minimal"] {
            let rendered = try DiagramRenderer.render(try Models.sample("\(name).yaml")).bytes
            try Golden.assertMatches(rendered, file: Paths.sample("\(name).svg"))
        }
    }

    /// Issue 16, item 6: pictures a reviewer sees change in a pull request — a PNG of each
    /// sample, and the overview of the generated 200-service model (the issue's shape, whose
    /// model is kept beside it, as the generator writes it).
    @Test func theCommittedSamplePicturesAreCurrent() throws {
        for name in ["k8s-three-tier", "k8s-three-tier-insecure", "environments"] {
            let rendered = try DiagramRenderer.render(try Models.sample("\(name).yaml"), options: RenderOptions(format: .png)).bytes
            try Golden.assertMatches(rendered, file: Paths.sample("\(name).png"))
        }
        let generated = try ServiceModels.yaml(["--shape", "pods", "--services", "200", "--cross-namespace", "0.75"])
        try Golden.assertMatches(generated, file: Paths.sample("services-200.yaml"))
        let overview = try DiagramRenderer.render(try Models.sample("services-200.yaml"),
            options: RenderOptions(format: .png, diagram: DiagramOptions(view: .collapse(.namespace)), today: CalendarDate("2026-01-01")!))
        try Golden.assertMatches(overview.bytes, file: Paths.sample("services-200-overview.png"))
    }

    @Test func theJSONSampleDrawsTheSamePicture() throws {
        let result = try TrustFlowProcess.run(["render", "Samples/k8s-three-tier.json", "-o", "-"])
        #expect(result.status == 0)
        #expect(result.standardOutput == (try Paths.bytes(Paths.sample("k8s-three-tier.svg"))))
    }

    @Test func anUnchangedOutputIsNotRewritten() throws {
        let output = try Paths.temporaryDirectory().appendingPathComponent("m.svg")
        #expect(try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "-o", output.path]).status == 0)
        let past = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: output.path)
        let again = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "-o", output.path])
        #expect(again.status == 0)
        #expect(again.standardError == "\(output.path) is up to date\n")
        let modified = try FileManager.default.attributesOfItem(atPath: output.path)[.modificationDate] as? Date
        #expect(modified == past)
    }

    @Test func anInvalidModelExitsTwoAndLeavesTheOutputAlone() throws {
        let directory = try Paths.temporaryDirectory()
        let model = directory.appendingPathComponent("bad.yaml")
        let source = MarkedSource("trustflow: 1\ntitle: Bad\nelements:\n  - {id: web, kind: 1️⃣proces}\nflows:\n  - {from: web, to: 2️⃣dbb}\n")
        try Data(source.bytes).write(to: model)
        let output = directory.appendingPathComponent("bad.svg")
        try Data("previous".utf8).write(to: output)
        let result = try TrustFlowProcess.run(["render", "bad.yaml", "-o", "bad.svg"], in: directory)
        #expect(result.status == 2)
        #expect(result.standardError == """
            bad.yaml:\(source["1️⃣"].line):\(source["1️⃣"].column): error: elements[0].kind: 'proces' is not a valid kind; did you mean 'process'?
            bad.yaml:\(source["2️⃣"].line):\(source["2️⃣"].column): error: flows[0].to: unknown element 'dbb'
            2 errors in bad.yaml; nothing was written

            """)
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["bad.svg", "bad.yaml"])
    }

    @Test func warningsArePrintedButDoNotFail() throws {
        let directory = try Paths.temporaryDirectory()
        try Data("trustflow: 1\ntitle: W\ncontrols: [{id: c, kind: netpol}]\nelements: [{id: a, kind: actor, controls: [c]}]\n".utf8)
            .write(to: directory.appendingPathComponent("w.yaml"))
        let result = try TrustFlowProcess.run(["render", "w.yaml"], in: directory)
        #expect(result.status == 0)
        #expect(result.standardError.hasPrefix("w.yaml:3:26: warning: controls[0].kind: unknown control kind 'netpol'; did you mean 'network-policy'?"))
    }

    @Test(arguments: [
        (["render", "Samples/missing.yaml"], "Samples/missing.yaml: error: no such file"),
        (["render", "Samples/minimal.yaml", "-o", "out.txt"], "cannot tell the format from 'out.txt'"),
        (["render", "Samples/minimal.yaml", "--format", "gif"], "--format"),
        (["render", "Samples/minimal.yaml", "--direction", "up"], "--direction"),
        (["render"], "Missing expected argument '<models> ...'"),
        (["render", "README.md"], "cannot tell the model format"),
        (["frobnicate"], "Unexpected argument 'frobnicate'"),
    ])
    func badArgumentsExitTwo(arguments: [String], message: String) throws {
        let result = try TrustFlowProcess.run(arguments)
        #expect(result.status == 2)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    /// (A read-only directory, for root too, is in AtomicOutputTests.)
    @Test func aFailedReplaceExitsThreeAndRemovesItsTemporaryFile() throws {
        let directory = try Paths.temporaryDirectory()
        let occupied = directory.appendingPathComponent("occupied.svg")
        try FileManager.default.createDirectory(at: occupied, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: occupied.appendingPathComponent("inside"))
        let result = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "-o", occupied.path])
        #expect(result.status == 3)
        #expect(result.standardError.contains("cannot write the output"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["occupied.svg"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: occupied.path) == ["inside"])
    }

    @Test func aMissingOutputDirectoryExitsThree() throws {
        let result = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "-o", "/nonexistent-dir/x.svg"])
        #expect(result.status == 3)
        #expect(result.standardError.contains("does not exist"))
    }

    @Test func helpAndVersionExitZero() throws {
        let help = try TrustFlowProcess.run(["render", "--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("--direction"))
        let version = try TrustFlowProcess.run(["--version"])
        #expect(version.status == 0)
        // The Graphviz it was built with and which reproducibility guarantees hold with it
        // (all of them with the Graphviz 2.42/2.43 the tests run with).
        #expect(version.output.hasPrefix("0.1.0\nGraphviz 2.4"))
        #expect(version.output.contains("  - fdp layouts are byte-reproducible"), "\(version.output)")
        #expect(!version.output.contains("not byte-reproducible"))
    }
}
