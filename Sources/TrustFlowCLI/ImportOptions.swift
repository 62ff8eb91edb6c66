import ArgumentParser
import TrustFlow

/// What the import subcommands share: the other tool's file, where the model goes, and the
/// steps — read, report what was not kept, write the canonical model.
struct ImportOptions: ParsableArguments {
    static let commonDiscussion = """
        Ids that are not valid TrustFlow ids get readable ones derived from the names, the \
        original kept in the description. What TrustFlow has no place for is counted on \
        standard error (--verbose lists each item with its line). The model is written in \
        canonical form, as YAML to standard output without -o; a file that cannot be imported \
        writes nothing and exits 2.
        """

    @Argument(help: "The other tool's file.")
    var file: String

    @Option(name: [.short, .customLong("output")],
        help: "The model file to write (.yaml, .yml or .json), or - for YAML on standard output (the default).")
    var output: String?

    @OptionGroup var reporting: ReportingOptions

    func validate() throws {
        if let output, output != "-", ModelFormat(fileName: output) == nil {
            throw ValidationError("cannot tell the model format from '\(output)'; use .yaml, .yml or .json")
        }
    }

    /// Reads the file with `read`, reports, and writes the model; exit 2 when the file cannot
    /// be imported, 3 when the output cannot be written.
    func run(_ read: ([UInt8], String) throws(ModelError) -> ImportResult) throws {
        let console = reporting.console
        let result: ImportResult
        do {
            result = try read(try ModelFile.read(file, limit: ModelLimits.standard.maxFileBytes), file)
        } catch {
            console.invalid(error.diagnostics, in: file)
            throw CLIExit.invalidInput
        }
        console.print(result.warnings)
        console.print(notes: result.notes)
        let model = result.model
        let counts = [
            counted(model.elements.count, "element"), counted(model.flows.count, "flow"),
            counted(model.boundaries.count, "boundary", "boundaries"), counted(model.controls.count, "control"),
            counted(model.acceptedRisks.count, "accepted risk"),
        ].compactMap { $0 }
        console.status("imported \(counts.joined(separator: ", ")) from \(file)")
        let format = output.flatMap(ModelFormat.init(fileName:)) ?? .yaml
        try reporting.steps.write(ModelEncoder().encode(result.model, as: format), to: output ?? "-")
    }

    private func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String? {
        count == 0 && singular != "element" ? nil : "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
