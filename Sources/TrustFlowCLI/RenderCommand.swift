import ArgumentParser
import TrustFlow

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a model's data-flow diagram as SVG, PNG, PDF or DOT.",
        discussion: """
            The format comes from --format, else from the extension of -o, else SVG. Without -o \
            the diagram is written next to the model with the format's extension; -o - writes \
            to standard output. Outputs are replaced atomically and only when their bytes change.
            """
    )

    @Argument(help: "The model file (.yaml, .yml or .json).")
    var model: String

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

    @OptionGroup(title: "Views for big systems") var views: ViewOptions
    @OptionGroup var dates: DateOptions
    @OptionGroup var themes: ThemeOptions

    @OptionGroup var reporting: ReportingOptions

    func validate() throws {
        if format == nil, let output, output != "-", DiagramFormat(fileName: output) == nil {
            throw ValidationError("cannot tell the format from '\(output)'; use --format svg|png|pdf|dot")
        }
        try views.validate(output: output, format: format)
    }

    func run() throws {
        let format = format ?? output.flatMap(DiagramFormat.init(fileName:)) ?? .svg
        let destination = output ?? OutputPath.beside(model, extension: format.fileExtension)
        let loaded = try reporting.load(model)
        let view = try views.view(of: loaded.model, reporting: reporting)
        let options = RenderOptions(format: format,
            diagram: DiagramOptions(direction: direction, theme: try themes.load(), showLegend: !noLegend, view: view),
            engine: view.suggestedEngine(for: loaded.model), showFindings: !noFindings, today: dates.day)
        if let atlas = views.atlas { return try views.writeAtlas(of: loaded.model, options: options, into: atlas, reporting: reporting) }
        let rendered = try reporting.render(loaded.model, options: options)
        try reporting.write(rendered.bytes, to: destination)
    }
}

extension DiagramFormat: ExpressibleByArgument {}

extension LayoutDirection: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
