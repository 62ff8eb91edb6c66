import ArgumentParser

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read another tool's threat model into a TrustFlow model.",
        subcommands: [ImportThreagileCommand.self, ImportThreatDragonCommand.self, ImportOTMCommand.self]
    )
}
