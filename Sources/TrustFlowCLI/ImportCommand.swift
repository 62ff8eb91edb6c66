import ArgumentParser

/// `trustflow import FORMAT …`: a model from what another tool or system already describes.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Create a threat model from another description of the system: Kubernetes manifests for now, more formats will follow.",
        subcommands: [ImportKubernetesCommand.self]
    )
}
