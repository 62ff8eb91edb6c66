import FoundationEssentials
import TrustFlowAnalysis
import TrustFlowKubernetes
import TrustFlowModel

/// The `check --format json` document. Its schema is documented in <doc:SecurityRules> and
/// versioned by `schemaVersion`; keys are written sorted so the bytes are stable.
public struct FindingsJSON: Codable, Hashable, Sendable {
    public var schemaVersion = 1
    public var tool: Tool
    /// The day acceptances were judged against.
    public var today: String
    public var failOn: String
    /// Whether an unaccepted finding reached `failOn`.
    public var failed: Bool
    public var summary: Summary
    public var models: [ModelReport]

    public struct Tool: Codable, Hashable, Sendable {
        public var name: String
        public var version: String
    }

    public struct Summary: Codable, Hashable, Sendable {
        public var models: Int
        public var findings: SeverityCounts
        public var accepted: Int
    }

    public struct ModelReport: Codable, Hashable, Sendable {
        public var file: String
        public var title: String
        public var summary: SeverityCounts
        /// Unaccepted findings, sorted by location.
        public var findings: [FindingEntry]
        /// Findings an acceptance covers, with it.
        public var accepted: [FindingEntry]
        public var warnings: [WarningEntry]
        public var crossings: [CrossingEntry]
        public var stride: [StrideEntry]
    }

    public struct FindingEntry: Codable, Hashable, Sendable {
        public var rule: String
        public var title: String
        public var severity: Severity
        public var message: String
        public var target: Target
        public var path: String
        /// The file of the location when it is not the model's (a manifest, for a drift
        /// finding about a Kubernetes object).
        public var file: String?
        public var line: Int?
        public var column: Int?
        public var remediation: String
        public var acceptance: AcceptanceEntry?
        /// The drift check's manifest lines that show the cause; absent for model rules.
        public var manifestLocations: [Place]?
    }

    /// A line of a file.
    public struct Place: Codable, Hashable, Sendable {
        public var file: String
        public var line: Int?
        public var column: Int?

        init(_ location: SourceLocation) {
            file = location.file
            line = location.line > 0 ? location.line : nil
            column = location.line > 0 ? location.column : nil
        }
    }

    public struct Target: Codable, Hashable, Sendable {
        public var kind: FindingTarget.Kind
        public var id: String
    }

    public struct AcceptanceEntry: Codable, Hashable, Sendable {
        public var reason: String
        public var until: String?
        public var path: String
    }

    public struct WarningEntry: Codable, Hashable, Sendable {
        public var message: String
        public var path: String?
        public var line: Int?
        public var column: Int?
    }

    public struct CrossingEntry: Codable, Hashable, Sendable {
        public var flow: String
        public var number: Int
        public var exited: [String]
        public var entered: [String]
    }

    public struct StrideEntry: Codable, Hashable, Sendable {
        public var flow: String
        public var number: Int
        public var from: String
        public var to: String
        public var crossedBoundaries: [String]
        public var threats: [Threat]
    }

    public struct Threat: Codable, Hashable, Sendable {
        public var category: StrideCategory
        public var status: MitigationStatus
        public var mitigations: [String]
        public var missing: [String]
    }

    /// Builds the document.
    public init(models: [AnalyzedModel], threshold: FailureThreshold, today: CalendarDate, toolVersion: String) {
        tool = Tool(name: "trustflow", version: toolVersion)
        self.today = today.description
        failOn = threshold.name
        let all = models.flatMap(\.result.findings)
        failed = all.contains(where: threshold.fails)
        summary = Summary(models: models.count, findings: SeverityCounts(all.filter { !$0.isAccepted }),
            accepted: all.filter(\.isAccepted).count)
        self.models = models.map(ModelReport.init)
    }

    /// The document as pretty-printed JSON with sorted keys and a final newline.
    public func encoded() -> [UInt8] { ReportJSON.encode(self) }
}

extension FindingsJSON.ModelReport {
    init(_ analyzed: AnalyzedModel) {
        file = analyzed.file
        title = analyzed.model.title
        summary = SeverityCounts(analyzed.result.active)
        findings = analyzed.result.active.map { FindingsJSON.FindingEntry($0, file: analyzed.file) }
        accepted = analyzed.result.accepted.map { FindingsJSON.FindingEntry($0, file: analyzed.file) }
        warnings = Diagnostic.sorted(analyzed.warnings).map {
            FindingsJSON.WarningEntry(message: $0.message, path: $0.path?.description,
                line: $0.location.flatMap { $0.line > 0 ? $0.line : nil }, column: $0.location.flatMap { $0.line > 0 ? $0.column : nil })
        }
        let numbers = Dictionary(uniqueKeysWithValues: analyzed.model.flows.enumerated().map { ($1.id, $0 + 1) })
        crossings = analyzed.result.crossings.map {
            FindingsJSON.CrossingEntry(flow: $0.flow, number: numbers[$0.flow] ?? 0, exited: $0.exited.map(\.id),
                entered: $0.entered.map(\.id))
        }
        stride = analyzed.result.stride.map { interaction in
            FindingsJSON.StrideEntry(flow: interaction.flow, number: interaction.number, from: interaction.from,
                to: interaction.to, crossedBoundaries: interaction.crossedBoundaries,
                threats: interaction.entries.map {
                    FindingsJSON.Threat(category: $0.category, status: $0.status, mitigations: $0.mitigations, missing: $0.missing)
                })
        }
    }
}

extension FindingsJSON.FindingEntry {
    /// The entry of a finding about the model in `file` (`nil`: the drift check without a model).
    init(_ finding: Finding, file: String?) {
        let rule = RuleCatalog.rule(finding.ruleID)
        self.rule = finding.ruleID
        title = rule?.title ?? ""
        severity = finding.severity
        message = finding.message
        target = FindingsJSON.Target(kind: finding.target.kind, id: finding.target.id)
        path = finding.path.description
        self.file = finding.location.flatMap { $0.file == file ? nil : $0.file }
        // A location that names only a file (line 0) has no line, as in ``FindingsJSON/Place``.
        let place = finding.location.map(FindingsJSON.Place.init)
        line = place?.line
        column = place?.column
        remediation = rule?.remediation ?? ""
        manifestLocations = finding.evidence.isEmpty ? nil : finding.evidence.map(FindingsJSON.Place.init)
        acceptance = finding.acceptance.map {
            FindingsJSON.AcceptanceEntry(reason: $0.reason, until: $0.until?.description, path: $0.path.description)
        }
    }
}

/// JSON encoding shared by the reports: pretty, sorted keys, no escaped slashes, final newline.
package enum ReportJSON {
    package static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain Codable structs of strings and numbers cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Array(data) + [UInt8(ascii: "\n")]
    }
}
