import ArgumentParser
import TrustFlow

struct DriftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Check whether the cluster enforces the model: NetworkPolicy reachability, declared against allowed.",
        discussion: """
            Reads Kubernetes manifests — files, directories or - for standard input, as `import \
            k8s` reads them — and evaluates their NetworkPolicies (networking.k8s.io/v1) for every \
            pair of workloads and for the outside of the cluster: each connection allowed, \
            denied, or unknown with the reason (a namespace without a Namespace object under a \
            namespace selector, an ipBlock against pods, a port name no container declares, a \
            policy of a kind not evaluated — Cilium, Calico, Antrea, AdminNetworkPolicy).

            With --model, compares the model with them (TF201–TF212): declared flows the \
            policies block (which side, which policy, or a port mismatch), connections allowed \
            but not declared (per pair of workloads, with the widest cause; high when they \
            reach a data store or cross a namespace or the cluster's edge), flows whose verdict \
            is unknown, controls claimed but absent and present but unclaimed, model items \
            without objects and workloads without items, references to missing Services, stale \
            policies (selectors that match no pod, the pre-v1 DefaultDeny annotation), capabilities \
            dropped as 'all'. Items are matched by their k8s references, else by name. Without \
            --model the manifests alone are checked, with TF213 for every workload no policy \
            isolates. Each finding names its place in the model and the manifest lines behind it.

            --connections prints the allowed connections in np-guard's list format instead of \
            the report, one per line, sorted (`default/frontend[Deployment] => \
            default/cartservice[Deployment] : TCP 7070`), so the result compares line for line \
            with np-guard's output; --format json carries the same list with each verdict and \
            its reasons, every declared flow's verdict, and the reachability matrix by workload \
            and by namespace.

            Exit 0 when no unaccepted finding reaches --fail-on (default high), 1 when one \
            does, 2 for unreadable or invalid manifests (located errors naming the manifest), an \
            invalid model or arguments, 3 when the output cannot be written.
            """
    )

    @Argument(help: ArgumentHelp("Manifest files or directories, or - for standard input.", valueName: "path"))
    var paths: [String]

    @Option(help: ArgumentHelp("The model to compare with the manifests.", valueName: "model"))
    var model: String?

    @Option(help: "Report format: text, json, sarif or markdown.")
    var format: DriftFormat = .text

    @Option(name: [.short, .customLong("output")], help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Fail (exit 1) on an unaccepted finding of this severity or worse: low, medium, high, critical or never.")
    var failOn: FailOnOption = .init(.severity(.high))

    @Flag(help: "Print the allowed connections in np-guard's list format instead of the report.")
    var connections = false

    @Option(help: "The namespace of objects that name none.")
    var namespace = KubernetesReference.defaultNamespace

    @Option(help: ArgumentHelp("Also draw the reachability matrix into this file (.svg, .png, .pdf or .dot): each cell what "
        + "the policies allow from its row to its column, and with --model whether the model declares it.", valueName: "file"))
    var matrix: String?

    @Option(help: "The matrix's rows and columns: workload, namespace, or auto (workloads up to 40, else namespaces).")
    var matrixLevel: MatrixLevel = .auto

    @OptionGroup var themes: ThemeOptions

    @OptionGroup var dates: DateOptions
    @OptionGroup var reporting: ReportingOptions

    func validate() throws {
        if connections, format != .text { throw ValidationError("--connections prints np-guard's list; --format json carries it with verdicts") }
        if namespace.isEmpty { throw ValidationError("--namespace must not be empty") }
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input can be read only once") }
        if let matrix, matrix == "-" || DiagramFormat(fileName: matrix) == nil {
            throw ValidationError("--matrix needs a file ending in .svg, .png, .pdf or .dot")
        }
    }

    func run() throws {
        let steps = reporting.steps
        let loaded = try model.map { try steps.load($0) }
        let reading = try ManifestInputs.read(paths, namespace: namespace, console: steps.console)
        steps.console.print(reading.warnings)
        let check = DriftCheck(inventory: reading.inventory)
        let result = check.run(model: loaded?.model, sourceMap: loaded?.sourceMap ?? SourceMap())
        var findings = result.findings
        if let loaded {
            // The model's accepted risks apply to drift findings as to any other; the model
            // rules are `check`'s business, so none runs here (and warnings about their
            // acceptances are left out below).
            let analysis = Analyzer(rules: [], today: dates.day).analyze(loaded.model, sourceMap: loaded.sourceMap,
                includeStride: false, driftFindings: result.findings)
            findings = analysis.findings
            steps.console.print(DriftCommand.acceptanceWarnings(analysis.diagnostics, model: loaded.model))
        }
        let report = DriftReport(manifestFiles: ManifestInputs.files(of: reading), modelFile: model, model: loaded?.model,
            check: check, result: result, findings: findings)
        let bytes: [UInt8]
        switch format {
        case _ where connections:
            bytes = Array(check.connectionList.map { $0 + "\n" }.joined().utf8)
        case .text:
            bytes = Array(DriftText.render(report, threshold: failOn.threshold, colored: output == nil && Terminal.standardOutput.usesColor).utf8)
        case .json:
            bytes = DriftJSON(report, threshold: failOn.threshold, today: dates.day, toolVersion: TrustFlowVersion.current).encoded()
        case .sarif:
            bytes = SARIFReport(driftFindings: findings, modelFile: model, manifestFiles: report.manifestFiles,
                toolVersion: TrustFlowVersion.current).encoded()
        case .markdown:
            bytes = Array(DriftMarkdown.render(report, threshold: failOn.threshold).utf8)
        }
        var outputs = [(path: output ?? "-", bytes: bytes)]
        if let matrix {
            outputs.append((matrix, try matrixPicture(check, result, title: loaded?.model.title ?? "Kubernetes manifests", to: matrix, steps: steps)))
        }
        try steps.writeAll(outputs)
        if findings.contains(where: failOn.threshold.fails) { throw CLIExit.findings }
    }

    /// The reachability matrix drawn for `--matrix`.
    private func matrixPicture(_ check: DriftCheck, _ result: DriftResult, title: String, to path: String, steps: CommandSteps) throws -> [UInt8] {
        let level: ReachabilityMatrix.Level = switch matrixLevel {
        case .workload: .workload
        case .namespace: .namespace
        case .auto: check.inventory.workloads.count <= MatrixLevel.workloadLimit ? .workload : .namespace
        }
        let declares = model == nil ? nil : { (source: ReachabilityEndpoint, destination: ReachabilityEndpoint) in
            result.declares(source, destination)
        }
        let data = ReachabilityMatrix(check.reachability, inventory: check.inventory, level: level, declares: declares)
        let options = DiagramOptions(theme: try themes.load(console: steps.console))
        return try steps.rendering(of: path) { () throws(GraphvizError) in
            try ReachabilityMatrixDiagram.render(data, title: title, format: DiagramFormat(fileName: path) ?? .svg, options: options)
        }.bytes
    }

    /// The analysis's warnings about accepted risks of drift rules; those about the model's
    /// own rules belong to `check`.
    static func acceptanceWarnings(_ diagnostics: [Diagnostic], model: Model) -> [Diagnostic] {
        diagnostics.filter { diagnostic in
            guard let components = diagnostic.path?.components, components.count >= 2, components[0] == .key("acceptedRisks"),
                case .index(let position) = components[1], model.acceptedRisks.indices.contains(position)
            else { return false }
            return RuleRegistry.driftRuleIDs.contains(model.acceptedRisks[position].rule)
        }
    }
}

enum DriftFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, sarif, markdown
}

/// `--matrix-level`.
enum MatrixLevel: String, CaseIterable, ExpressibleByArgument {
    case workload, namespace, auto

    /// Up to this many workloads, `auto` gives a row to each; above, to each namespace.
    static let workloadLimit = 40
}
