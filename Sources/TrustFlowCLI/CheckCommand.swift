import ArgumentParser
import TrustFlow

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the security rules on models: a CI gate with text, JSON or SARIF output.",
        discussion: """
            Exits 0 when no unaccepted finding reaches --fail-on (default high), 1 when one \
            does, 2 when a model is invalid (then no report is written).

            With --manifests (after the models) the drift check runs too: each model is \
            compared with the Kubernetes manifests and their NetworkPolicies (rules TF201–TF212, \
            see `trustflow drift --help`), its findings beside the model rules', located in the \
            model and in the manifests, its accepted risks applied to both.
            """
    )

    @Argument(help: "Model files (.yaml, .yml, .json), directories of them, or glob patterns.")
    var models: [String]

    @Option(help: "Report format: text, json or sarif.")
    var format: CheckFormat = .text

    @Option(name: [.short, .customLong("output")], help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Fail (exit 1) on an unaccepted finding of this severity or worse: low, medium, high, critical or never.")
    var failOn: FailOnOption = .init(.severity(.high))

    @OptionGroup var cluster: ManifestOptions

    @OptionGroup var dates: DateOptions
    @OptionGroup var reporting: ReportingOptions

    func run() throws {
        var analyzed: [AnalyzedModel] = []
        var invalid = false
        let steps = reporting.steps
        let drift = try cluster.driftCheck(console: steps.console)
        for path in try ModelInputs.expandingOrExiting(models, console: steps.console).map(\.path) {
            guard let loaded = try? steps.load(path) else {
                invalid = true
                continue
            }
            let driftFindings = drift?.run(model: loaded.model, sourceMap: loaded.sourceMap).findings
            let result = Analyzer(today: dates.day).analyze(loaded.model, sourceMap: loaded.sourceMap, driftFindings: driftFindings)
            steps.console.print(result.diagnostics)
            analyzed.append(AnalyzedModel(file: path, model: loaded.model, result: result,
                warnings: loaded.warnings + result.diagnostics))
        }
        if invalid { throw CLIExit.invalidInput }

        let report: [UInt8]
        switch format {
        case .text:
            let colored = output == nil && Terminal.standardOutput.usesColor
            report = Array(FindingsText.render(analyzed, threshold: failOn.threshold, colored: colored).utf8)
        case .json:
            report = FindingsJSON(models: analyzed, threshold: failOn.threshold, today: dates.day,
                toolVersion: TrustFlowVersion.current).encoded()
        case .sarif:
            report = SARIFReport(models: analyzed, toolVersion: TrustFlowVersion.current).encoded()
        }
        try steps.write(report, to: output ?? "-")
        if analyzed.flatMap(\.result.findings).contains(where: failOn.threshold.fails) { throw CLIExit.findings }
    }
}

enum CheckFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, sarif
}

/// `--fail-on low|medium|high|critical|never`.
struct FailOnOption: ExpressibleByArgument {
    let threshold: FailureThreshold

    init(_ threshold: FailureThreshold) { self.threshold = threshold }

    init?(argument: String) {
        if argument == "never" {
            threshold = .never
        } else if let severity = Severity(rawValue: argument) {
            threshold = .severity(severity)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { Severity.allCases.map(\.rawValue) + ["never"] }
    var defaultValueDescription: String { threshold.name }
}

/// `--today YYYY-MM-DD`, for reproducible runs: accepted risks are judged against this day.
struct DateOptions: ParsableArguments {
    @Option(name: .customLong("today"),
        help: ArgumentHelp("Judge accepted risks' expiry against this day (YYYY-MM-DD) instead of today (UTC).",
        valueName: "date"))
    var rawToday: String?

    /// The day `--today` names, when given and valid (``validate()`` rejects the rest).
    var today: CalendarDate? { rawToday.flatMap(CalendarDate.init) }

    var day: CalendarDate { today ?? .today }
}

extension DateOptions {
    func validate() throws {
        // ArgumentParser would only say the value is invalid; say why.
        if let text = rawToday, let problem = CalendarDate.problem(with: text) {
            throw ValidationError("--today: \(problem), found '\(text)'")
        }
    }
}
