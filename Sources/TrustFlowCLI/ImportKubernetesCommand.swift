import ArgumentParser
import TrustFlow

struct ImportKubernetesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "k8s",
        abstract: "Create a threat model from Kubernetes manifests.",
        discussion: """
            Reads manifests — files, directories (their .yaml, .yml and .json files at any depth, \
            in name order) or - for standard input — as multi-document YAML, JSON, kind: List, \
            the output of helm template and kustomize build, or kubectl get -o yaml (status and \
            managedFields are ignored) — and writes a model in canonical form: YAML, or JSON when \
            -o ends in .json; without -o (or with -o -) YAML on standard output.

            What comes from what: a cluster boundary (--cluster); a namespace boundary per \
            namespace that runs a workload (objects that name none are in --namespace); a pod \
            boundary per Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, \
            Job, CronJob or bare Pod; a container boundary and an element per container, init \
            and sidecar containers too (a datastore when its image or a port names a known \
            store: mysql, postgres, redis, mongo, …; its technology is the image's name and \
            tag). Controls are what the manifests say: seccomp and AppArmor profiles, non-root, \
            read-only root, least privilege (no privilege escalation and drop ALL), Secrets in \
            use, Pod Security enforced by namespace labels, NetworkPolicies selecting the pod or \
            every pod of the namespace, the pod's own ServiceAccount, RoleBindings — and the \
            settings that weaken isolation, which rules TF114–TF121 flag: privileged, \
            hostNetwork/hostPID/hostIPC, hostPath, a mounted service-account token, an image \
            without digest or with latest, no resource limits, a secret in a plain \
            environment value (its value is never copied).

            Flows only where the manifests prove them: an environment value or a ConfigMap \
            entry (taken as variables or mounted) that names a Service — host:port, a URL, \
            name.namespace, name.namespace.svc.cluster.local — resolved through the Service's \
            selector to the pods and their target port (named ports too); a RoleBinding that \
            grants a pod's ServiceAccount a role (a flow to the Kubernetes API); and from an \
            Internet client through LoadBalancer and NodePort Services and Ingress rules, with \
            TLS termination where an Ingress lists the host under tls. A reference that \
            resolves to nothing is a warning, never a guessed flow. Secret values are never \
            read.

            Every boundary and element carries its k8s reference; where each item was written \
            (file:line:col) is in the x-trustflow-import block, which diff does not read, so \
            re-importing after a change and running trustflow diff shows exactly that change. \
            The output depends only on the manifests, not on their order.

            --merge FILE keeps what was added to an earlier import by hand: items that did not \
            come from manifests (threat actors, accepted risks, controls, flows, boundaries, \
            elements) and, on imported items, labels, element kinds, urls, flow encryption, \
            authentication, data and classification, and controls added to them; everything \
            else is taken from the manifests again, and items whose objects are gone are removed.

            Unknown kinds and custom resources are skipped and counted (-v lists them). Exit 0 \
            on success, 2 for unreadable or invalid manifests or options (located errors; \
            nothing is written), 3 when the output cannot be written.
            """
    )

    @Argument(help: ArgumentHelp("Manifest files or directories, or - for standard input.", valueName: "path"))
    var paths: [String]

    @Option(name: [.short, .customLong("output")], help: "Write the model here (.yaml, .yml or .json); - for standard output.")
    var output: String?

    @Option(help: "The cluster's name: the outermost boundary.")
    var cluster = "cluster"

    @Option(help: "The namespace of objects that name none.")
    var namespace = KubernetesReference.defaultNamespace

    @Option(help: "The model's title (default: the existing model's with --merge, else \"\(KubernetesImportOptions.defaultTitle)\").")
    var title: String?

    @Option(help: ArgumentHelp("An earlier import to update: what was added to it by hand is kept.", valueName: "file"))
    var merge: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also list every object that was skipped, with where it is.")
    var verbose = false

    func validate() throws {
        if cluster.isEmpty { throw ValidationError("--cluster must not be empty") }
        if namespace.isEmpty { throw ValidationError("--namespace must not be empty") }
        if let output, output != "-", ModelFormat(fileName: output) == nil {
            throw ValidationError("cannot tell the format from '\(output)'; use .yaml, .yml or .json")
        }
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input can be read only once") }
    }

    func run() throws {
        let console = Console(quiet: quiet, verbose: verbose)
        let steps = CommandSteps(console: console)
        let existing = try merge.map { try steps.load($0) }
        let reading = try ManifestInputs.read(paths, namespace: namespace, console: console)
        if reading.inventory.workloads.isEmpty {
            let kinds = WorkloadKind.allCases.map(\.rawValue)
            let place = SourceLocation(file: reading.inventory.files.first?.path ?? "<stdin>")
            console.invalid([Diagnostic(.error,
                "no workload (\(kinds.dropLast().joined(separator: ", ")) or \(kinds.last!)) in the manifests: there is nothing to model",
                location: place)], in: "the manifests")
            throw CLIExit.invalidInput
        }
        let imported = KubernetesImporter(options: KubernetesImportOptions(clusterName: cluster, title: title))
            .importModel(from: reading.inventory)
        var model = imported.model
        var notes: [Diagnostic] = []
        if let existing {
            let merged = ModelMerger(existing: existing.model, title: title).merge(into: imported.model)
            model = merged.model
            notes = merged.notes
        }
        let problems = ModelValidator().validate(model, sourceMap: SourceMap(fallback: SourceLocation(file: output ?? "<stdout>")))
        console.print(reading.warnings + imported.warnings + notes + problems.filter { $0.severity != .error })
        if problems.contains(where: { $0.severity == .error }) {
            console.invalid(problems.filter { $0.severity == .error }, in: "the imported model")
            throw CLIExit.invalidInput
        }
        report(imported.summary, skipped: reading.inventory.skipped, console: console)
        let format = output.flatMap { $0 == "-" ? nil : ModelFormat(fileName: $0) } ?? .yaml
        try steps.write(ModelEncoder().encode(model, as: format), to: output ?? "-")
    }

    /// `imported …; skipped 3 objects (2 HorizontalPodAutoscaler, 1 CustomResourceDefinition)`,
    /// and with -v every skipped object with its place.
    private func report(_ summary: KubernetesImportSummary, skipped: [SkippedObject], console: Console) {
        var line = "imported \(summary.description)"
        if !skipped.isEmpty {
            var counts: [String: Int] = [:]
            for object in skipped { counts[object.kind, default: 0] += 1 }
            let kinds = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.value) \($0.key)" }
            line += "; skipped \(skipped.count) object\(skipped.count == 1 ? "" : "s") (\(kinds.joined(separator: ", ")))"
            if !verbose { line += "; -v lists them" }
        }
        console.status(line)
        for object in skipped {
            let name = [object.namespace, object.name].compactMap { $0 }.joined(separator: "/")
            console.detail("skipped \(object.kind)\(name.isEmpty ? "" : " " + name)\(object.apiVersion.map { " (\($0))" } ?? ""): "
                + object.reason.rawValue, at: object.location)
        }
    }
}
