import ArgumentParser
import TrustFlow

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a model: a diagram of what changed, a Markdown summary, the findings delta.",
        discussion: """
            trustflow diff OLD NEW, or trustflow diff --base REV MODEL to compare with the \
            model as it was at a git revision (a file that did not exist then is compared with \
            an empty model). Without -o or --summary the summary is printed. With \
            --fail-on-new SEVERITY it exits 1 when the change introduces an unaccepted finding \
            of that severity or worse.
            """
    )

    @Argument(help: "OLD and NEW model files, or only the model with --base.")
    var models: [String]

    @Option(help: ArgumentHelp("Compare MODEL with its version at this git revision.", valueName: "rev"))
    var base: String?

    @Option(name: [.short, .customLong("output")], help: "Write the diff diagram here (svg, png, pdf or dot by extension).")
    var output: String?

    @Option(help: "Format of the diagram when -o has no telling extension: svg, png, pdf or dot.")
    var format: DiagramFormat?

    @Option(help: ArgumentHelp("Write the Markdown summary here; - for standard output.", valueName: "file"))
    var summary: String?

    @Option(help: ArgumentHelp("Write a self-contained HTML page with the before, after and diff diagrams and the summary.",
        valueName: "file"))
    var html: String?

    @Option(help: ArgumentHelp("Exit 1 when a new unaccepted finding is this severe or worse: low, medium, high or critical.",
        valueName: "severity"))
    var failOnNew: Severity?

    @Option(help: "Direction of the layout: TB or LR.")
    var direction: LayoutDirection = .topToBottom

    @OptionGroup var dates: DateOptions
    @OptionGroup var themes: ThemeOptions
    @OptionGroup var layout: EngineOptions
    @OptionGroup var reporting: ReportingOptions

    func validate() throws {
        if base == nil, models.count != 2 { throw ValidationError("give OLD and NEW models, or --base REV and one model") }
        if base != nil, models.count != 1 { throw ValidationError("with --base give exactly one model") }
        if format == nil, let output, output != "-", DiagramFormat(fileName: output) == nil {
            throw ValidationError("cannot tell the format from '\(output)'; use --format svg|png|pdf|dot")
        }
    }

    func run() throws {
        let theme = try themes.load(console: reporting.console)
        let (old, oldName, new, newName) = try loadVersions()
        GraphvizCrash.drawing("\(oldName) → \(newName)")
        let result = DiffResult(old: old.model, oldSourceMap: old.sourceMap, new: new.model, newSourceMap: new.sourceMap,
            today: dates.day)
        let steps = reporting.steps
        steps.console.print(result.newAnalysis.diagnostics)
        steps.noteIgnoredDirection(direction, engine: layout.engine.resolved(for: result.diff.union))

        // Produce everything before writing anything, so a failure leaves no output half-done.
        var outputs: [(path: String, bytes: [UInt8])] = []
        if let output {
            let format = format ?? DiagramFormat(fileName: output) ?? .svg
            let rendered = try steps.rendering(of: newName) { () throws(GraphvizError) in
                try DiffRenderer.render(result, format: format,
                    options: DiagramOptions(direction: direction, theme: theme), engine: layout.engine)
            }
            outputs.append((output, rendered.bytes))
        }
        if let html {
            outputs.append((html, try htmlPage(result, oldName: oldName, newName: newName, theme: theme)))
        }
        if summary != nil || (output == nil && html == nil) {
            outputs.append((summary ?? "-", Array(DiffSummary.markdown(result, oldName: oldName, newName: newName).utf8)))
        }
        try steps.writeAll(outputs)
        if let failOnNew, result.introducesFinding(atLeast: failOnNew) {
            let count = result.findings.newActive.filter { $0.severity >= failOnNew }.count
            steps.console.conclusion("\(count) new finding\(count == 1 ? "" : "s") at or above \(failOnNew.rawValue)")
            throw CLIExit.findings
        }
    }

    /// The HTML diff page: the three diagrams (unchanged items in the diff linked nowhere) and
    /// the tables of the summary.
    private func htmlPage(_ result: DiffResult, oldName: String, newName: String, theme: DiagramTheme) throws -> [UInt8] {
        let steps = reporting.steps
        let template = try loadingTemplate("diff-html", language: .html, console: steps.console)
        let options = DiagramOptions(direction: direction, theme: theme, idPrefix: "diff-")
        func svg(_ render: () throws(GraphvizError) -> RenderedDiagram) throws -> String {
            String(decoding: try steps.rendering(of: newName, render).bytes, as: UTF8.self)
        }
        func version(_ prefix: String) -> RenderOptions {
            RenderOptions(format: .svg, diagram: DiagramOptions(direction: direction, theme: theme, idPrefix: prefix),
                engine: layout.engine, today: dates.day)
        }
        let diagrams = DiffReportContext.Diagrams(
            diff: try svg { () throws(GraphvizError) in
                try DiffRenderer.render(result, format: .svg, options: options, engine: layout.engine)
            },
            before: try svg { () throws(GraphvizError) in try DiagramRenderer.render(result.diff.old, options: version("before-")) },
            after: try svg { () throws(GraphvizError) in try DiagramRenderer.render(result.diff.new, options: version("after-")) })
        let context = DiffReportContext.build(result, oldName: oldName, newName: newName, diagrams: diagrams,
            toolVersion: TrustFlowVersion.current)
        return Array(try rendering(template, context, console: steps.console).utf8)
    }

    /// The two versions: two files, or a file and its version at `--base`.
    private func loadVersions() throws -> (LoadedModel, String, LoadedModel, String) {
        let steps = reporting.steps
        guard let base else {
            return (try steps.load(models[0]), models[0], try steps.load(models[1]), models[1])
        }
        let path = models[0]
        let new = try steps.load(path)
        let name = "\(base):\(path)"
        let bytes: [UInt8]?
        do {
            bytes = try GitRevision.read(path, at: base, limit: ModelLimits.standard.maxFileBytes)
        } catch .notARepository(let message) {
            steps.console.error("--base needs a git repository: \(message)")
            throw CLIExit.invalidInput
        } catch .unknownRevision(let revision) {
            steps.console.error("unknown git revision '\(revision)'")
            throw CLIExit.invalidInput
        } catch .tooLarge(let size) {
            steps.console.invalid([Diagnostic(.error, "the file is \(size) bytes, more than the limit of \(ModelLimits.standard.maxFileBytes)",
                location: SourceLocation(file: name))], in: name)
            throw CLIExit.invalidInput
        }
        guard let bytes else {
            steps.console.note("\(path) did not exist at \(base); comparing with an empty model")
            return (LoadedModel(model: .empty(title: new.model.title), sourceMap: SourceMap()), name, new, path)
        }
        let old = try steps.load(bytes: bytes, named: name, format: ModelFormat(fileName: path) ?? .yaml)
        return (old, name, new, path)
    }
}

extension Severity: ExpressibleByArgument {}
