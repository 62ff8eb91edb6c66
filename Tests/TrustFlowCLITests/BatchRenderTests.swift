import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// `trustflow render` with several models, directories and patterns, in process and in
/// worker processes; and the layout engines.
@Suite("Batch rendering and engines")
struct BatchRenderTests {
    /// A directory of models: copies of the samples, one in a subfolder, and one invalid.
    func corpus() throws -> URL {
        let root = try Paths.temporaryDirectory()
        let models = root.appendingPathComponent("models")
        try FileManager.default.createDirectory(at: models.appendingPathComponent("team"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Paths.sample("k8s-three-tier.yaml"), to: models.appendingPathComponent("three-tier.yaml"))
        try FileManager.default.copyItem(at: Paths.sample("environments.yaml"), to: models.appendingPathComponent("team/environments.yaml"))
        try FileManager.default.copyItem(at: Paths.sample("k8s-three-tier.json"), to: models.appendingPathComponent("three-tier-json.json"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("out"), withIntermediateDirectories: true)
        return root
    }

    @Test func aDirectoryRendersIntoTheOutputDirectoryIdenticallyToSingleRenders() throws {
        let root = try corpus()
        let result = try TrustFlowProcess.run(["render", "models", "--output-dir", "out"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("\r"), "no progress line when standard error is not a terminal")
        #expect(result.standardError.hasSuffix("rendered 3 of 3 models\n"))
        for (output, sample) in [("out/three-tier.svg", "k8s-three-tier.svg"), ("out/three-tier-json.svg", "k8s-three-tier.svg"),
            ("out/team/environments.svg", "environments.svg")]
        {
            #expect(try Paths.bytes(root.appendingPathComponent(output)) == Paths.bytes(Paths.sample(sample)), "\(output)")
        }
    }

    /// Workers run the batch's own command line, so every option reaches them: with a mix of
    /// options the outputs of `--jobs 2` are those of the in-process run.
    @Test func workersGetEveryOption() throws {
        let root = try corpus()
        let options = ["--theme", "mono", "--direction", "LR", "--no-legend", "--no-findings", "--engine", "osage", "--today",
            "2026-01-01", "--format", "dot", "--collapse", "namespace", "-q"]
        var outputs: [[UInt8]] = []
        for jobs in ["1", "2"] {
            let result = try TrustFlowProcess.run(["render", "models", "--output-dir", "out\(jobs)", "--jobs", jobs] + options, in: root)
            #expect(result.status == 0, "\(result.standardError)")
            outputs.append(try Paths.bytes(root.appendingPathComponent("out\(jobs)/team/environments.dot")))
        }
        #expect(outputs[0] == outputs[1])
        #expect(String(decoding: outputs[0], as: UTF8.self).contains("rankdir=\"LR\""))
    }

    @Test func workerProcessesGiveTheSameBytes() throws {
        let root = try corpus()
        let result = try TrustFlowProcess.run(["render", "models", "--output-dir", "out", "--jobs", "2", "-q"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try Paths.bytes(root.appendingPathComponent("out/team/environments.svg")) == Paths.bytes(Paths.sample("environments.svg")))
    }

    /// Run by name from PATH, as an installed command is, argv[0] is only `trustflow`; the
    /// workers are still this executable.
    @Test func workersStartWhenTheCommandIsRunByName() throws {
        let root = try corpus()
        let binDirectory = Paths.trustflowExecutable.deletingLastPathComponent().path
        let result = try TrustFlowProcess.run(["-c", "trustflow render models --output-dir out --jobs 2 -q"], in: root,
            environment: ["PATH": binDirectory + ":/usr/bin:/bin"], executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try Paths.bytes(root.appendingPathComponent("out/team/environments.svg")) == Paths.bytes(Paths.sample("environments.svg")))
    }

    /// Neither a render nor its workers start any program but `trustflow` itself: with a `dot`
    /// and a `trustflow` on PATH that would leave a mark, and argv[0] set to `dot`, both
    /// render with libgvc inside and nothing else runs.
    @Test func noOtherProgramRunsEvenWhenPathAndArgv0NameOne() throws {
        let root = try corpus()
        let trap = root.appendingPathComponent("trap")
        try FileManager.default.createDirectory(at: trap, withIntermediateDirectories: true)
        for name in ["dot", "trustflow"] {
            let script = trap.appendingPathComponent(name)
            try Data("#!/bin/sh\ntouch \(root.path)/ran-\(name)\nexit 0\n".utf8).write(to: script)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        }
        let binary = Paths.trustflowExecutable.path
        let commands = [
            "exec -a dot '\(binary)' render models/three-tier.yaml -o single.svg -q",
            "exec -a dot '\(binary)' render models --output-dir out --jobs 2 -q",
        ]
        for command in commands {
            let result = try TrustFlowProcess.run(["-c", command], in: root,
                environment: ["PATH": trap.path + ":/usr/bin:/bin"], executable: URL(fileURLWithPath: "/bin/bash"))
            #expect(result.status == 0, "\(command): \(result.standardError)")
        }
        #expect(try Paths.bytes(root.appendingPathComponent("single.svg")) == Paths.bytes(Paths.sample("k8s-three-tier.svg")))
        #expect(try Paths.bytes(root.appendingPathComponent("out/team/environments.svg")) == Paths.bytes(Paths.sample("environments.svg")))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("ran-dot").path))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("ran-trustflow").path))
    }

    /// Worker processes report what rendering in process reports: warnings, the files
    /// written, an invalid model's errors and its count, the summary; `-v` and `-q` reach them.
    @Test(arguments: [[String](), ["-v"], ["-q"]])
    func workersReportAsTheInProcessRenderDoes(flags: [String]) throws {
        var errors: [String] = []
        for jobs in ["1", "2"] {
            let root = try corpus()
            try Data("trustflow: 1\ntitle: broken\n".utf8).write(to: root.appendingPathComponent("models/broken.yaml"))
            try Data("""
                trustflow: 1
                title: warned
                controls:
                  - { id: np, kind: network-polcy }
                elements:
                  - { id: web, kind: process }
                """.utf8).write(to: root.appendingPathComponent("models/warned.yaml"))
            let result = try TrustFlowProcess.run(["render", "models", "--output-dir", "out", "--jobs", jobs] + flags, in: root)
            #expect(result.status == 2)
            errors.append(result.standardError)
        }
        #expect(errors[0] == errors[1])
        #expect(errors[0].contains("1 error in models/broken.yaml; nothing was written"))
        #expect(errors[0].contains("warning: controls[0].kind: unknown control kind 'network-polcy'") == !flags.contains("-q"))
        #expect(errors[0].contains("wrote out/warned.svg") == !flags.contains("-q"))
    }

    @Test func anInvalidModelIsReportedAndTheOthersStillRender() throws {
        let root = try corpus()
        try Data("trustflow: 1\ntitle: broken\n".utf8).write(to: root.appendingPathComponent("models/broken.yaml"))
        for jobs in ["1", "2"] {
            let result = try TrustFlowProcess.run(["render", "models", "--output-dir", "out", "--jobs", jobs, "-q"], in: root)
            #expect(result.status == 2)
            #expect(result.standardError.contains("models/broken.yaml:1:1: error: elements: missing required key 'elements'"))
            #expect(result.standardError.contains("rendered 3 of 4 models, 1 invalid"))
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/three-tier.svg").path))
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out/broken.svg").path))
        }
    }

    /// A crash inside Graphviz on one model: the batch reports it, exits 3, and the other
    /// models are rendered. The crash is real: a preloaded library puts a `gvLayout` in front
    /// of libgvc's that raises SIGSEGV in the process rendering `environments.yaml` (the worker)
    /// and hands every other call on to libgvc. The worker names its model and the engine.
    @Test func aCrashInGraphvizLosesOnlyItsModel() throws {
        let root = try corpus()
        let library = try PreloadedGraphviz.library(
            PreloadedGraphviz.layout(running: "raise(SIGSEGV);", whenCommandLineContains: "environments.yaml"), named: "crash", in: root)
        let result = try TrustFlowProcess.run(["render", "models", "--output-dir", "out", "--jobs", "2", "-q"], in: root,
            environment: PreloadedGraphviz.environment(library))
        #expect(result.status == 3)
        #expect(result.standardError.contains(
            "models/team/environments.yaml: error: Graphviz crashed (SIGSEGV, a bad memory access) while laying out the diagram with the dot engine"),
            "\(result.standardError)")
        #expect(result.standardError.contains("rendered 2 of 3 models, 1 failed"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/three-tier.svg").path))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out/team/environments.svg").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("out/team").path).isEmpty)

        // A worker killed by a signal it cannot report (SIGKILL, as the kernel's OOM killer
        // sends) is named by the batch.
        let killing = try PreloadedGraphviz.library(
            PreloadedGraphviz.layout(running: "raise(SIGKILL);", whenCommandLineContains: "environments.yaml"), named: "kill", in: root)
        let killed = try TrustFlowProcess.run(["render", "models", "--output-dir", "out", "--jobs", "2", "-q"], in: root,
            environment: PreloadedGraphviz.environment(killing))
        #expect(killed.status == 3)
        #expect(killed.standardError.contains("models/team/environments.yaml: error: the renderer crashed (signal 9)"), "\(killed.standardError)")

        // A worker that ends with a status `render` never gives, saying nothing, is named too.
        let exitLibrary = try PreloadedGraphviz.library(PreloadedGraphviz.layout(running: "exit(70);"), named: "exit", in: root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("out2"), withIntermediateDirectories: true)
        let exited = try TrustFlowProcess.run(["render", "models/three-tier.yaml", "--output-dir", "out2", "--jobs", "2", "-q"],
            in: root, environment: ["LD_PRELOAD": exitLibrary])
        #expect(exited.status == 3)
        #expect(exited.standardError.contains("models/three-tier.yaml: error: the renderer failed (exit status 70)"), "\(exited.standardError)")
    }

    /// `--collapse` applies to every model of a batch, in process and in workers alike, and
    /// gives what rendering each model alone gives.
    @Test func aBatchCanBeCollapsed() throws {
        let root = try corpus()
        for jobs in ["1", "2"] {
            let result = try TrustFlowProcess.run(
                ["render", "models", "--output-dir", "out", "--collapse", "namespace", "--format", "dot", "--jobs", jobs, "-q"], in: root)
            #expect(result.status == 0, "\(result.standardError)")
            let alone = try TrustFlowProcess.run(["render", "models/three-tier.yaml", "--collapse", "namespace", "--format", "dot", "-o", "-"],
                in: root)
            let batch = try Paths.bytes(root.appendingPathComponent("out/three-tier.dot"))
            #expect(batch == alone.standardOutput)
            #expect(String(decoding: batch, as: UTF8.self).contains("_box_"), "namespaces are drawn as boxes")
        }
    }

    @Test func patternsAndExplicitFilesWork() throws {
        let root = try corpus()
        let result = try TrustFlowProcess.run(["render", "models/*.yaml", "models/team/environments.yaml", "--output-dir", "out", "--format", "dot", "-q"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("out").path).sorted()
            == ["environments.dot", "three-tier.dot"])
        let beside = try TrustFlowProcess.run(["render", "models/three-tier.yaml", "models/team/environments.yaml", "-q"], in: root)
        #expect(beside.status == 0)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("models/team/environments.svg").path))
    }

    @Test(arguments: [
        (["render", "a.yaml", "b.yaml", "-o", "x.svg"], "with several models use --output-dir"),
        (["render", "models", "models/three-tier.yaml", "--output-dir", "out"], "would both write"),
        (["render", "nothing-*.yaml", "--output-dir", "out"], "no file matches"),
        (["render", "models", "--jobs", "0"], "--jobs must be at least 1"),
        (["render", "models", "--output-dir", "out", "--focus", "api"], "--focus and --atlas draw one model"),
        (["render", "models/three-tier.yaml", "--output-dir", "out", "--atlas", "atlas"], "--focus and --atlas draw one model"),
    ])
    func badBatchesExitTwo(arguments: [String], message: String) throws {
        let result = try TrustFlowProcess.run(arguments, in: try corpus())
        #expect(result.status == 2)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    /// A missing `--output-dir` is created, as other generators do; one that cannot be is exit 3.
    @Test func aMissingOutputDirectoryIsCreated() throws {
        let root = try corpus()
        let result = try TrustFlowProcess.run(["render", "models", "--output-dir", "site/diagrams", "-q"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/diagrams/team/environments.svg").path))
        try Data().write(to: root.appendingPathComponent("file"))
        let blocked = try TrustFlowProcess.run(["render", "models", "--output-dir", "file/diagrams", "-q"], in: root)
        #expect(blocked.status == 3)
        #expect(blocked.standardError.contains("file/diagrams: error: cannot create the output directory"), "\(blocked.standardError)")
    }

    /// `render Samples/` holds the three-tier model as JSON and as YAML: each gets its own
    /// diagram, named with its extension, and a note says so.
    @Test func modelsThatWouldShareAnOutputKeepTheirExtension() throws {
        let root = try corpus()
        try FileManager.default.copyItem(at: Paths.sample("k8s-three-tier.json"), to: root.appendingPathComponent("models/three-tier.json"))
        let twins = try TrustFlowProcess.run(["render", "models", "--output-dir", "out", "--format", "dot"], in: root)
        #expect(twins.status == 0, "\(twins.standardError)")
        #expect(twins.standardError.contains(
            "note: models/three-tier.json and models/three-tier.yaml would all write out/three-tier.dot; writing "
                + "out/three-tier.json.dot and out/three-tier.yaml.dot"), "\(twins.standardError)")
        for name in ["three-tier.json.dot", "three-tier.yaml.dot", "three-tier-json.dot"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/\(name)").path), "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out/three-tier.dot").path))
    }

    // MARK: Engines

    /// A model of `services` processes in one namespace with `flows` flows between them, each
    /// service in its own pod when `podded` (every flow then crosses two pods).
    func serviceModel(services: Int, flows: Int, podded: Bool = false) -> Model {
        var model = Model(title: "Services", boundaries: [Boundary(id: "ns", kind: .namespace)])
        for index in 0..<services {
            if podded { model.boundaries.append(Boundary(id: "pod\(index)", kind: .pod, parent: "ns")) }
            model.elements.append(Element(id: "svc\(index)", kind: .process, boundary: podded ? "pod\(index)" : "ns"))
        }
        for index in 0..<flows {
            model.flows.append(Flow(id: "f\(index)", from: "svc\(index % services)", to: "svc\((index * 7 + 1) % services)",
                encryption: .tls))
        }
        return model
    }

    /// `auto` weighs elements and flows and the boundaries the flows cross (``LayoutCost``):
    /// the limits themselves are still dot, one more is fdp.
    @Test func autoChoosesDotWhileTheLayoutCostSuitsIt() {
        #expect(LayoutEngine.auto.resolved(for: Model(title: "s", elements: [Element(id: "a", kind: .actor)])) == .dot)
        #expect(LayoutCost.elementsAndFlowsLimit == 700 && LayoutCost.crossingsLimit == 800)
        let atSize = serviceModel(services: 300, flows: 400)
        #expect(LayoutCost(atSize) == LayoutCost(elementsAndFlows: 700, crossings: 0))
        #expect(LayoutEngine.auto.resolved(for: atSize) == .dot)
        #expect(LayoutEngine.auto.resolved(for: serviceModel(services: 300, flows: 401)) == .fdp)
        // Each flow between two pods crosses two boundaries: 400 flows are 800 crossings.
        let atCrossings = serviceModel(services: 100, flows: 400, podded: true)
        #expect(LayoutCost(atCrossings) == LayoutCost(elementsAndFlows: 500, crossings: 800))
        #expect(LayoutEngine.auto.resolved(for: atCrossings) == .dot)
        #expect(LayoutEngine.auto.resolved(for: serviceModel(services: 100, flows: 401, podded: true)) == .fdp)
        #expect(LayoutEngine.dot.resolved(for: serviceModel(services: 100, flows: 401, podded: true)) == .dot)
    }

    /// `--direction LR` applies to dot only; the other engines say that they ignore it.
    @Test func aDirectionTheEngineIgnoresIsNoted() throws {
        for command in [["render", "Samples/minimal.yaml", "-o", "-"], ["report", "Samples/minimal.yaml", "-o", "-", "--no-image"],
            ["diff", "Samples/diff/before.yaml", "Samples/diff/after.yaml", "-o", "-", "--format", "dot"]]
        {
            let fdp = try TrustFlowProcess.run(command + ["--direction", "LR", "--engine", "fdp"])
            #expect(fdp.status == 0, "\(fdp.standardError)")
            #expect(fdp.standardError.contains("note: --direction LR has no effect with the fdp engine"), "\(command): \(fdp.standardError)")
            let dot = try TrustFlowProcess.run(command + ["--direction", "LR", "--engine", "dot"])
            #expect(!dot.standardError.contains("--direction"), "\(command)")
        }
    }

    /// `-v` says which engine laid the diagram out, and why `auto` chose it.
    @Test func verboseRenderingNamesTheEngineAndTheCost() throws {
        let auto = try TrustFlowProcess.run(["render", "Samples/k8s-three-tier.yaml", "-o", "-", "-v"])
        #expect(auto.standardError.contains(
            "note: laid out with dot (auto: 7 elements and flows, flows cross 17 boundaries; dot up to 700 and 800)\n"),
            "\(auto.standardError)")
        let named = try TrustFlowProcess.run(["render", "Samples/k8s-three-tier.yaml", "-o", "-", "-v", "--engine", "osage"])
        #expect(named.standardError.contains("note: laid out with osage\n"))
    }

    @Test func fdpFlowsCarryTheirNumberAndTheRestIsInTheTooltip() throws {
        let model = try Models.sample("k8s-three-tier.yaml")
        let fdp = DiagramRenderer.dot(for: model, options: RenderOptions(engine: .fdp))
        #expect(!fdp.contains("label=<<B>1.</B>"))
        #expect(fdp.contains("xlabel=<<B>1</B>>"))
        #expect(fdp.contains("HTTPS:443 · encryption: tls · authentication: session"))
        let dot = DiagramRenderer.dot(for: model, options: RenderOptions(engine: .dot))
        #expect(dot.contains("label=<<B>1.</B>") && !dot.contains("xlabel"))
        let svg = try SVGDocument(DiagramRenderer.render(model, options: RenderOptions(engine: .fdp)).bytes)
        #expect(svg.groups(class: "edge", idPrefix: "flow-").count == model.flows.count)
        #expect(svg.groups(class: "cluster", idPrefix: "boundary-").count == model.boundaries.count)
    }

    @Test func theEngineIsAnOptionOfEveryDrawingCommand() throws {
        for arguments in [["render", "Samples/minimal.yaml", "-o", "-"], ["diff", "Samples/diff/before.yaml", "Samples/diff/after.yaml", "-o", "-", "--format", "svg"],
            ["report", "Samples/minimal.yaml", "-o", "-", "--format", "html"]]
        {
            let result = try TrustFlowProcess.run(arguments + ["--engine", "fdp", "-q"])
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
            #expect(result.output.contains("<svg"))
        }
        #expect(try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "--engine", "neato"]).status == 2)
        // The diff diagram is shaped for the engine too: fdp labels flows with their number.
        let diff = ["diff", "Samples/diff/before.yaml", "Samples/diff/after.yaml", "-o", "-", "--format", "dot"]
        #expect(try TrustFlowProcess.run(diff + ["--engine", "fdp"]).output.contains("xlabel="))
        #expect(try !TrustFlowProcess.run(diff).output.contains("xlabel="))
    }
}
