import ArgumentParser
import TrustFlow

/// Kubernetes manifests given on the command line (`import k8s`, `drift`, `check
/// --manifests`, `render --manifests`): files, directories or `-`, read into an inventory.
enum ManifestInputs {
    /// Reads and types the manifests; on any error prints every diagnostic, located, and
    /// how many there were, and exits 2.
    static func read(_ paths: [String], namespace: String, console: Console) throws -> ManifestReading {
        do {
            let sources = try ManifestFiles.read(paths)
            return try ManifestReader(defaultNamespace: namespace).read(sources)
        } catch {
            console.invalid(error.diagnostics, in: "the manifests")
            throw CLIExit.invalidInput
        }
    }

    /// The manifest files an inventory was read from, as the user named them.
    static func files(of reading: ManifestReading) -> [String] { reading.inventory.files.map(\.path) }
}

/// `--manifests PATH… [--namespace NS]`: the cluster a model is compared with, on `check`,
/// `render` and `report`.
struct ManifestOptions: ParsableArguments {
    @Option(parsing: .upToNextOption,
        help: ArgumentHelp("Kubernetes manifests (files, directories or -) to compare the model with: their NetworkPolicies "
            + "and the drift check.", valueName: "path"))
    var manifests: [String] = []

    @Option(help: "With --manifests: the namespace of manifest objects that name none.")
    var namespace = KubernetesReference.defaultNamespace

    /// The drift check of the manifests (their warnings printed); nil without `--manifests`;
    /// exit 2 for unreadable or invalid manifests.
    func driftCheck(console: Console) throws -> DriftCheck? {
        guard !manifests.isEmpty else { return nil }
        let reading = try ManifestInputs.read(manifests, namespace: namespace, console: console)
        console.print(reading.warnings)
        return DriftCheck(inventory: reading.inventory)
    }
}
