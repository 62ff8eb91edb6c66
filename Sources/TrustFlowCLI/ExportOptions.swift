import ArgumentParser
import TrustFlow

/// What the export subcommands share: the model, where the file goes, and the steps — load
/// and check the model, write it, report what the format cannot hold.
struct ExportOptions: ParsableArguments {
    static let commonDiscussion = """
        The model is loaded and checked as for render; an invalid model writes nothing (exit \
        2). Each item the format cannot hold is counted on standard error (--verbose lists each \
        with its line in the model). Without -o the file goes to standard output.
        """

    @Argument(help: "The model file (.yaml, .yml or .json).")
    var model: String

    @Option(name: [.short, .customLong("output")], help: "The file to write, or - for standard output (the default).")
    var output: String?

    @OptionGroup var reporting: ReportingOptions

    /// Loads the model, writes it with `write`, reports; exit 2 for an invalid model, 3 when
    /// the export or the output fails.
    func run(_ write: (LoadedModel) throws -> ExportResult) throws {
        let steps = reporting.steps
        let loaded = try steps.load(model)
        let result: ExportResult
        do {
            result = try write(loaded)
        } catch {
            steps.console.error(String(describing: error), in: model)
            throw CLIExit.renderingFailed
        }
        steps.console.print(notes: result.notes)
        try steps.write(result.bytes, to: output ?? "-")
    }
}
