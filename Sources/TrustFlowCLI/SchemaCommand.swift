import ArgumentParser
import TrustFlow

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the model format, for editors.",
        discussion: "The same schema is in the repository as Templates/trustflow.schema.json."
    )

    @Option(name: [.short, .customLong("output")], help: "Write the schema to this file instead of standard output.")
    var output: String?

    @OptionGroup var reporting: ReportingOptions

    func run() throws {
        try reporting.steps.write(Array(ModelSchema.json().utf8), to: output ?? "-")
    }
}
