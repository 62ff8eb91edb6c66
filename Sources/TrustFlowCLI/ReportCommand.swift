import ArgumentParser
import Glibc
import TrustFlow

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a threat-model document (Markdown or self-contained HTML) from a template.",
        discussion: """
            The format comes from --format, else from the extension of -o (.md, .html), else \
            Markdown. Without -o the report is written beside the model. A Markdown report links \
            the diagram, rendered beside it as <report>-diagram.svg (so that it never replaces \
            the <model>.svg that render writes) unless --image names another file or --no-image \
            leaves it out; an HTML report inlines it. With --manifests the drift check's findings \
            are in the report, and an HTML report shows the reachability matrix: what the \
            NetworkPolicies allow between workloads (or namespaces) against the flows the model \
            declares.
            """
    )

    @Argument(help: "The model file (.yaml, .yml or .json).")
    var model: String

    @Option(name: [.short, .customLong("output")], help: "Report file, or - for standard output.")
    var output: String?

    @Option(help: "Report format: markdown or html.")
    var format: ReportLanguage?

    @Option(help: ArgumentHelp("Template: markdown, html, another installed name, or a path to a .mustache file.",
        valueName: "name|path"))
    var template: String?

    @Option(help: ArgumentHelp("Also render the diagram to this file (.svg or .png) and link it from a Markdown report.",
        valueName: "path"))
    var image: String?

    @Flag(help: "Markdown: do not render or link the diagram.")
    var noImage = false

    @Option(help: "Direction of the layout: TB or LR.")
    var direction: LayoutDirection = .topToBottom

    @OptionGroup var themes: ThemeOptions
    @OptionGroup var layout: EngineOptions
    @OptionGroup var dates: DateOptions
    @OptionGroup var cluster: ManifestOptions
    @OptionGroup var checking: CheckOutputOptions
    @OptionGroup var watching: WatchOptions
    @OptionGroup var reporting: ReportingOptions

    func validate() throws {
        if format == nil, let output, output != "-", ReportLanguage(fileName: output) == nil {
            throw ValidationError("cannot tell the report format from '\(output)'; use --format markdown|html")
        }
        if checking.check, output == "-" { throw ValidationError("--check compares files; it cannot check standard output") }
        if watching.watch, checking.check { throw ValidationError("--watch and --check cannot be combined") }
        if watching.watch, output == "-" { throw ValidationError("--watch writes files; it cannot write to standard output") }
        if let image, DiagramFormat(fileName: image) != .svg, DiagramFormat(fileName: image) != .png {
            throw ValidationError("--image must name a .svg or .png file")
        }
    }

    func run() throws {
        if watching.watch { try watching.run(watching: [model] + [themes.file, templateFile].compactMap { $0 }, console: reporting.console, writeReport) }
        if checking.check { OutputCheck.start() }
        try writeReport()
        if checking.check { try OutputCheck.finish(console: reporting.console) }
    }

    /// The file the template is read from, when it is one (a path, or a template installed in
    /// a resource directory); nil for the built-in templates.
    private var templateFile: String? {
        guard let template else { return nil }
        if template.contains("/") || template.hasSuffix(".mustache") { return template }
        return ResourceLocator.standard.text(ReportTemplates.builtIn[template] ?? "\(template).mustache").map(\.origin)
            .flatMap { $0.hasPrefix("built-in ") ? nil : $0 }
    }

    private func writeReport() throws {
        let language = format ?? output.flatMap(ReportLanguage.init(fileName:)) ?? .markdown
        let destination = output ?? OutputPath.beside(model, extension: language == .markdown ? "md" : "html")
        let steps = reporting.steps
        let theme = try themes.load(console: steps.console)
        let template = try loadingTemplate(self.template ?? language.rawValue, language: language, console: steps.console)
        let loaded = try steps.load(model)
        // With --manifests the drift check's findings are the report's too, as with `check`.
        let drift = try cluster.driftCheck(console: steps.console)
        let driftResult = drift?.run(model: loaded.model, sourceMap: loaded.sourceMap)
        let result = Analyzer(today: dates.day).analyze(loaded.model, sourceMap: loaded.sourceMap, driftFindings: driftResult?.findings)
        steps.console.print(result.diagnostics)
        steps.noteIgnoredDirection(direction, engine: layout.engine.resolved(for: loaded.model))

        // Everything is produced before anything is written.
        var outputs: [(path: String, bytes: [UInt8])] = []
        var diagram = ReportDiagram()
        let imagePath = noImage ? nil : image ?? (language == .markdown && destination != "-"
            ? OutputPath.beside(destination, extension: "svg", suffix: "-diagram") : nil)
        if language == .html {
            let options = RenderOptions(format: .svg, diagram: DiagramOptions(direction: direction, theme: theme,
                anchorPrefix: ModelReportContext.anchorPrefix), engine: layout.engine, today: dates.day)
            diagram.svg = String(decoding: try steps.render(loaded.model, options: options, of: model).bytes, as: UTF8.self)
            if let level = DiagramView.matrixLevel(for: loaded.model) {
                // Its own id prefix: both pictures are inline in one page.
                let matrix = RenderOptions(format: .svg, diagram: DiagramOptions(theme: theme, anchorPrefix: ModelReportContext.anchorPrefix,
                    idPrefix: "matrix-", view: .matrix(level)), engine: layout.engine, today: dates.day)
                diagram.matrix = String(decoding: try steps.render(loaded.model, options: matrix, of: model).bytes, as: UTF8.self)
                diagram.matrixLevel = level.rawValue
            }
            if let drift, let driftResult {
                let level: ReachabilityMatrix.Level = drift.inventory.workloads.count <= MatrixLevel.workloadLimit ? .workload : .namespace
                let matrix = ReachabilityMatrix(drift.reachability, inventory: drift.inventory, level: level,
                    declares: { driftResult.declares($0, $1) })
                diagram.reachability = String(decoding: try steps.rendering(of: model) { () throws(GraphvizError) in
                    try ReachabilityMatrixDiagram.render(matrix, title: loaded.model.title, format: .svg,
                        options: DiagramOptions(theme: theme, idPrefix: "reachability-"))
                }.bytes, as: UTF8.self)
                diagram.reachabilityLevel = level.rawValue
            }
        }
        if let imagePath {
            let format = DiagramFormat(fileName: imagePath) ?? .svg
            let options = RenderOptions(format: format, diagram: DiagramOptions(direction: direction, theme: theme),
                engine: layout.engine, today: dates.day)
            outputs.append((imagePath, try steps.render(loaded.model, options: options, of: model).bytes))
            diagram.image = OutputPath.relative(imagePath, from: destination)
        }
        let analyzed = AnalyzedModel(file: model, model: loaded.model, result: result, warnings: loaded.warnings + result.diagnostics)
        let context = ModelReportContext.build(analyzed, diagram: diagram, toolVersion: TrustFlowVersion.current)
        outputs.append((destination, Array(try rendering(template, context, console: steps.console).utf8)))
        try steps.writeAll(outputs)
    }
}

/// A report template, or its error and exit 2.
func loadingTemplate(_ nameOrPath: String, language: ReportLanguage, console: Console) throws -> ReportTemplate {
    do {
        return try ReportTemplates.load(nameOrPath, language: language)
    } catch {
        console.print([error.diagnostic])
        throw CLIExit.invalidInput
    }
}

/// A report template rendered, or its error and exit 2 (it is the input that is at fault).
func rendering(_ template: ReportTemplate, _ context: [String: Any], console: Console) throws -> String {
    do {
        return try template.render(context)
    } catch {
        console.print([error.diagnostic])
        throw CLIExit.invalidInput
    }
}

extension ReportLanguage: ExpressibleByArgument {
    /// The language of a report file by its extension.
    init?(fileName: String) {
        let lowered = fileName.lowercased()
        if lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") {
            self = .markdown
        } else if lowered.hasSuffix(".html") || lowered.hasSuffix(".htm") {
            self = .html
        } else {
            return nil
        }
    }
}
