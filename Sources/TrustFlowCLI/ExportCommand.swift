import ArgumentParser

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a TrustFlow model in another tool's format.",
        subcommands: [ExportOTMCommand.self, ExportThreatDragonCommand.self]
    )
}
