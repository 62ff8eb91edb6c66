import ArgumentParser
import Glibc
import TrustFlow

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a model's data-flow diagram as SVG, PNG, PDF or DOT.",
        discussion: """
            The format comes from --format, else from the extension of -o, else SVG. Without -o \
            the diagram is written next to the model with the format's extension; -o - writes \
            to standard output. Outputs are replaced atomically and only when their bytes change. \
            Several models, directories of models or glob patterns render in one run, into \
            --output-dir or beside each model.

            --manifests PATH… (one model) draws what the cluster's NetworkPolicies do to it, \
            as `trustflow drift` judges it: declared flows the policies allow as usual, those \
            they block dashed with ✗ blocked, those the manifests do not decide with ? \
            unverified, and each connection allowed but not declared as a bold edge with \
            ⚠ undeclared; the legend explains them, and the drift check's findings are marked \
            with the model's.
            """
    )

    @Argument(help: "Model files (.yaml, .yml, .json), directories of them, or glob patterns.")
    var models: [String]

    @Option(help: ArgumentHelp("Write each diagram into this directory (for several models).", valueName: "dir"))
    var outputDir: String?

    @Option(help: ArgumentHelp("Render in this many worker processes, so a crash loses only its model (default: in this process).",
        valueName: "n"))
    var jobs: Int = 1

    @Option(name: [.short, .customLong("output")], help: "Output file, or - for standard output.")
    var output: String?

    @Option(help: "Output format: svg, png, pdf or dot.")
    var format: DiagramFormat?

    @Option(help: "Direction of the layout: TB (top to bottom) or LR (left to right).")
    var direction: LayoutDirection = .topToBottom

    @Flag(help: "Leave out the legend.")
    var noLegend = false

    @Flag(help: "Do not run the security rules or mark their findings on the diagram.")
    var noFindings = false

    @OptionGroup var cluster: ManifestOptions

    @OptionGroup(title: "Views for big systems") var views: ViewOptions
    @OptionGroup var dates: DateOptions
    @OptionGroup var themes: ThemeOptions
    @OptionGroup var layout: EngineOptions

    @OptionGroup var checking: CheckOutputOptions
    @OptionGroup var watching: WatchOptions
    @OptionGroup var reporting: ReportingOptions

    /// A render worker of `--jobs` runs the batch's own command line with these two added: it
    /// draws only this model, to this output, with every other option exactly as given (so no
    /// new option can be left out of the workers). With `--check` it only says through its exit
    /// status whether its output is up to date; the batch lists and counts.
    @Option(help: .hidden) var workerModel: String?
    @Option(help: .hidden) var workerOutput: String?

    func validate() throws {
        if format == nil, let output, output != "-", DiagramFormat(fileName: output) == nil {
            throw ValidationError("cannot tell the format from '\(output)'; use --format svg|png|pdf|dot")
        }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if checking.check, output == "-" { throw ValidationError("--check compares files; it cannot check standard output") }
        if watching.watch {
            if checking.check { throw ValidationError("--watch and --check cannot be combined") }
            if output == "-" { throw ValidationError("--watch writes files; it cannot draw to standard output") }
            if models.count > 1 || outputDir != nil || models.contains(where: { FileSystem.isDirectory($0) || ModelInputs.isPattern($0) }) {
                throw ValidationError("--watch draws one model")
            }
        }
        if output != nil, models.count > 1 || outputDir != nil {
            throw ValidationError("-o names one output; with several models use --output-dir")
        }
        if views.focus != nil || views.atlas != nil,
            models.count > 1 || outputDir != nil || models.contains(where: { FileSystem.isDirectory($0) || ModelInputs.isPattern($0) })
        {
            throw ValidationError("--focus and --atlas draw one model; --collapse works on several")
        }
        try views.validate(output: output, format: format)
        if !cluster.manifests.isEmpty {
            if models.count > 1 || outputDir != nil || models.contains(where: { FileSystem.isDirectory($0) || ModelInputs.isPattern($0) }) {
                throw ValidationError("--manifests draws one model")
            }
            if views.focus != nil || views.atlas != nil || views.collapse != nil {
                throw ValidationError("--manifests draws the full diagram; leave out --focus, --collapse and --atlas")
            }
        }
    }

    func run() throws {
        if watching.watch { try watching.run(watching: [models[0]] + [themes.file].compactMap { $0 }, console: reporting.console, draw) }
        if checking.check { OutputCheck.start() }
        try draw()
        if checking.check { try OutputCheck.finish(console: reporting.console, listing: workerModel == nil) }
    }

    private func draw() throws {
        let format = format ?? output.flatMap(DiagramFormat.init(fileName:)) ?? .svg
        var options = RenderOptions(format: format,
            diagram: DiagramOptions(direction: direction, theme: try themes.load(console: reporting.console), showLegend: !noLegend),
            engine: layout.engine, showFindings: !noFindings, today: dates.day, overview: views.view ?? .auto)
        let single = workerModel.map { ($0, workerOutput) } ?? (
            models.count == 1 && outputDir == nil && !FileSystem.isDirectory(models[0]) && !ModelInputs.isPattern(models[0])
                ? (models[0], output) : nil)
        let steps = reporting.steps
        if let (model, output) = single {
            let prepared: PreparedDiagram
            do {
                let validated: Model
                do {
                    // The parsed source (kept to locate messages) goes before the DOT is
                    // built, and the model before Graphviz needs the memory for the layout.
                    let loaded = try steps.load(model)
                    validated = loaded.model
                }
                if !cluster.manifests.isEmpty {
                    prepared = try overlay(validated, options: options)
                    let rendered = try steps.render(consume prepared, of: model)
                    try steps.write(rendered.bytes, to: output ?? OutputPath.beside(model, extension: format.fileExtension))
                    return
                }
                options.diagram.view = try views.view(of: validated, console: steps.console)
                if let atlas = views.atlas {
                    return try views.writeAtlas(of: validated, options: options, into: atlas, steps: steps)
                }
                prepared = DiagramRenderer.prepare(validated, options: options)
                for note in steps.renderNotes(prepared, of: validated, options: options) { steps.console.note(note) }
            }
            let rendered = try steps.render(consume prepared, of: model)
            try steps.write(rendered.bytes, to: output ?? OutputPath.beside(model, extension: format.fileExtension))
            return
        }
        if let kind = views.overviewKind { options.diagram.view = .collapse(kind) }
        try renderBatch(format: format, options: options, steps: steps)
    }

    /// The diagram with the reachability of `--manifests` drawn on it. The picture needs no
    /// finding's line, so the model's parsed source is not kept for it.
    private func overlay(_ model: Model, options: RenderOptions) throws -> PreparedDiagram {
        guard let check = try cluster.driftCheck(console: reporting.console) else { return DiagramRenderer.prepare(model, options: options) }
        let drift = check.run(model: model)
        let findings = Analyzer(today: dates.day).analyze(model, includeStride: false, driftFindings: drift.findings).findings
        return ReachabilityRenderer.prepare(model, drift: drift, check: check, findings: findings, options: options)
    }

    /// Where each model's diagram goes: beside it, or under `--output-dir`. Models that would
    /// write the same file (`a.json` and `a.yaml`) keep their extension in the name
    /// (`a.json.svg`, `a.yaml.svg`), with a note; exit 2 if that still collides.
    private func batchJobs(_ inputs: [ModelInputs.Input], format: DiagramFormat) throws -> [BatchRender.Job] {
        func destination(_ input: ModelInputs.Input, keepingExtension: Bool) -> String {
            let source = outputDir == nil ? input.path : input.relativeName
            let name = keepingExtension ? source + "." + format.fileExtension : OutputPath.beside(source, extension: format.fileExtension)
            return outputDir.map { FileSystem.appending(name, to: $0) } ?? name
        }
        let plain = inputs.map { destination($0, keepingExtension: false) }
        let shared = Dictionary(grouping: plain.indices, by: { plain[$0] }).filter { $0.value.count > 1 }
        var jobs: [BatchRender.Job] = []
        for (position, input) in inputs.enumerated() {
            jobs.append(BatchRender.Job(model: input.path, destination: shared[plain[position]] == nil ? plain[position]
                : destination(input, keepingExtension: true)))
        }
        let console = reporting.console
        for (name, positions) in shared.sorted(by: { $0.key < $1.key }) {
            console.note("\(positions.map { inputs[$0].path }.joined(separator: " and ")) would all write \(name); writing "
                + positions.map { jobs[$0].destination }.joined(separator: " and "))
        }
        var seen: [String: String] = [:]
        for job in jobs {
            if let other = seen[job.destination] {
                console.error("\(other) and \(job.model) would both write \(job.destination); render them one at a time with -o")
                throw CLIExit.invalidInput
            }
            seen[job.destination] = job.model
        }
        return jobs
    }

    private func renderBatch(format: DiagramFormat, options: RenderOptions, steps: CommandSteps) throws {
        let inputs = try ModelInputs.expandingOrExiting(models, console: steps.console)
        let jobs = try batchJobs(inputs, format: format)
        if outputDir != nil {
            // Created when missing; models found below a directory keep their subfolders in it.
            for directory in Set(jobs.map { FileSystem.directory(of: $0.destination) }).sorted() {
                if let failure = FileSystem.createDirectory(directory) {
                    steps.console.error("cannot create the output directory: \(failure)", in: directory)
                    throw CLIExit.renderingFailed
                }
            }
        }
        let outcomes = BatchRender(jobs: jobs, options: options, steps: steps).run(processes: self.jobs)
        let failed = outcomes.filter { $0 == .failed }.count
        let invalid = outcomes.filter { $0 == .invalid }.count
        var summary = "\(checking.check ? "checked" : "rendered") \(outcomes.count - failed - invalid) of \(outcomes.count) models"
        if invalid > 0 { summary += ", \(invalid) invalid" }
        if failed > 0 { summary += ", \(failed) failed" }
        if failed + invalid > 0 { steps.console.conclusion(summary) } else { steps.console.status(summary) }
        if failed > 0 { throw CLIExit.renderingFailed }
        if invalid > 0 { throw CLIExit.invalidInput }
    }
}

extension DiagramFormat: ExpressibleByArgument {}

extension LayoutDirection: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
