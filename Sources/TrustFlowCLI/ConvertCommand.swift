import ArgumentParser
import TrustFlow

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a model between JSON and YAML, in canonical form.",
        discussion: """
            The model is loaded and checked as for render; an invalid model writes nothing. The \
            output format comes from the extension of -o (.json, .yaml, .yml); -o - writes to \
            standard output and needs --format. Keys are written in the documented order, values \
            that are the default are left out, and converting the output again gives the same \
            bytes. Comments and YAML anchors are not kept.
            """
    )

    @Argument(help: "The model file (.yaml, .yml or .json).")
    var model: String

    @Option(
        name: [.short, .customLong("output")], help: "Output file (.json, .yaml or .yml), or - for standard output.")
    var output: String

    @Option(help: "Output format: json or yaml. Without it, taken from the extension of -o.")
    var format: ModelFormat?

    @OptionGroup var reporting: ReportingOptions

    func validate() throws {
        let named = output == "-" ? nil : ModelFormat(fileName: output)
        switch (format, named) {
        case (nil, nil) where output == "-":
            throw ValidationError("writing to standard output needs --format json|yaml")
        case (nil, nil):
            throw ValidationError("cannot tell the format from '\(output)'; use .json, .yaml or .yml")
        case (.some(let format), .some(let named)) where format != named:
            // A file whose extension disagrees with its content would not load again.
            throw ValidationError("--format \(format.rawValue) does not match the extension of '\(output)'")
        default:
            break
        }
    }

    func run() throws {
        guard let format = format ?? ModelFormat(fileName: output) else { throw CLIExit.invalidInput }
        let steps = reporting.steps
        let loaded = try steps.load(model)
        try steps.write(ModelEncoder().encode(loaded.model, as: format), to: output)
    }
}

extension ModelFormat: ExpressibleByArgument {}
