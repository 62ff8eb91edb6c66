import ArgumentParser

/// `trustflow import FORMAT …`: a model from what another tool or system already describes.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read another tool's threat model, or the Kubernetes manifests that run the system, into a TrustFlow model.",
        subcommands: [ImportKubernetesCommand.self, ImportThreagileCommand.self, ImportThreatDragonCommand.self, ImportOTMCommand.self]
    )
}
