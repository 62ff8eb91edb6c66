import FoundationEssentials
import TrustFlowAnalysis
import TrustFlowKubernetes
import TrustFlowModel

/// Findings as SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run, every
/// rule with its help text (the model's and the drift check's), each result located on the
/// model file's line and column — and, for the drift check, on the manifest lines that show
/// the cause — and accepted findings as results with an in-source suppression.
public struct SARIFReport: Encodable, Sendable {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    let schema = SARIFReport.schemaURI
    let version = "2.1.0"
    let runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    /// Builds the report of analysed models (with the drift check's findings, when `check`
    /// was given manifests: their manifest lines are further locations of each result).
    public init(models: [AnalyzedModel], toolVersion: String) {
        self.init(groups: models.map { ($0.file, $0.result.findings) }, otherFiles: [], toolVersion: toolVersion)
    }

    /// Builds the report of a drift check: its findings, located in the model file (when one
    /// was given) and in the manifests; every manifest file read is an artifact.
    public init(driftFindings findings: [Finding], modelFile: String?, manifestFiles: [String], toolVersion: String) {
        self.init(groups: [(modelFile, findings)], otherFiles: manifestFiles, toolVersion: toolVersion)
    }

    /// Results grouped by the file their findings are about when a finding's location does
    /// not say (`nil`: none); artifacts are those files, then every other file a result
    /// points into, then `otherFiles`, each once.
    private init(groups: [(file: String?, findings: [Finding])], otherFiles: [String], toolVersion: String) {
        let rules = RuleCatalog.all
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        var artifactIndex: [String: Int] = [:]
        var artifacts: [Artifact] = []
        func artifact(_ file: String) -> Int {
            if let known = artifactIndex[file] { return known }
            artifacts.append(Artifact(location: ArtifactLocation(file: file)))
            artifactIndex[file] = artifacts.count - 1
            return artifacts.count - 1
        }
        for file in groups.compactMap(\.file) { _ = artifact(file) }
        var results: [Result] = []
        for group in groups {
            for finding in group.findings {
                results.append(Result(finding, file: group.file, ruleIndex: ruleIndex[finding.ruleID], artifact: artifact))
            }
        }
        for file in otherFiles { _ = artifact(file) }
        runs = [Run(
            tool: Tool(driver: Driver(name: "TrustFlow", semanticVersion: toolVersion, rules: rules.map(ReportingDescriptor.init))),
            artifacts: artifacts, results: results)]
    }

    /// The report as JSON with a final newline.
    public func encoded() -> [UInt8] { ReportJSON.encode(self) }

    /// The SARIF level of a severity.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low: "note"
        }
    }

    /// GitHub's `security-severity` score (0–10) of a severity.
    public static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        }
    }

    struct Run: Encodable {
        let tool: Tool
        let artifacts: [Artifact]
        let results: [Result]
        let columnKind = "unicodeCodePoints"
        let originalUriBaseIds = ["SRCROOT": OriginalURIBase(description: Message(text: "The directory trustflow was run in."))]
    }

    struct OriginalURIBase: Encodable {
        let description: Message
    }

    struct Tool: Encodable { let driver: Driver }

    struct Driver: Encodable {
        let name: String
        let semanticVersion: String
        let rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let help: MultiformatMessage
        let defaultConfiguration: Configuration
        let properties: Properties

        init(_ rule: any DocumentedRule) {
            id = rule.id
            name = rule.name
            shortDescription = Message(text: rule.title)
            fullDescription = Message(text: rule.rationale)
            help = MultiformatMessage(
                text: "\(rule.rationale)\n\nRemediation: \(rule.remediation)",
                markdown: "**\(rule.title)** (\(rule.defaultSeverity.rawValue))\n\n\(rule.rationale)\n\n**Remediation:** \(rule.remediation)")
            defaultConfiguration = Configuration(level: SARIFReport.level(rule.defaultSeverity))
            properties = Properties(tags: ["security", "threat-model", "kubernetes"],
                securitySeverity: SARIFReport.securitySeverity(rule.defaultSeverity), severity: rule.defaultSeverity.rawValue)
        }
    }

    struct Configuration: Encodable { let level: String }

    struct Properties: Encodable {
        let tags: [String]
        let securitySeverity: String
        let severity: String

        enum CodingKeys: String, CodingKey {
            case tags
            case securitySeverity = "security-severity"
            case severity = "trustflow-severity"
        }
    }

    struct Message: Encodable { let text: String }

    struct MultiformatMessage: Encodable {
        let text: String
        let markdown: String
    }

    struct Artifact: Encodable { let location: ArtifactLocation }

    struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId: String?
        var index: Int?

        /// A relative path becomes a URI reference under `%SRCROOT%`; an absolute one a `file:` URI.
        init(file: String, index: Int? = nil) {
            let encoded = file.split(separator: "/", omittingEmptySubsequences: false).map {
                Self.percentEncoded($0)
            }.joined(separator: "/")
            if file.hasPrefix("/") {
                uri = "file://" + encoded
                uriBaseId = nil
            } else {
                uri = encoded.hasPrefix("./") ? String(encoded.dropFirst(2)) : encoded
                uriBaseId = "SRCROOT"
            }
            self.index = index
        }

        /// A path segment with every byte outside RFC 3986's unreserved characters, sub-delimiters
        /// (but `;`), `:` and `@` percent-encoded, as Foundation's `urlPathAllowed` less `/` and `;`.
        static func percentEncoded(_ segment: Substring) -> String {
            var encoded = ""
            for byte in segment.utf8 {
                let character = Character(Unicode.Scalar(byte))
                if byte < 0x80, character.isLetter || character.isNumber || "-._~!$&'()*+,=:@".contains(character) {
                    encoded.append(character)
                } else {
                    encoded += "%" + EscapedCharacters.hex(UInt32(byte), width: 2)
                }
            }
            return encoded
        }
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int?
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]
        let properties: ResultProperties
        let suppressions: [Suppression]?

        /// The result of a finding: its location first (in `file` unless the location names
        /// another, with the model path as logical location for a model item), then each
        /// place of its evidence (the manifest lines).
        init(_ finding: Finding, file: String?, ruleIndex: Int?, artifact: (String) -> Int) {
            ruleId = finding.ruleID
            self.ruleIndex = ruleIndex
            level = SARIFReport.level(finding.severity)
            message = Message(text: finding.message)
            func physical(_ file: String, _ location: SourceLocation?) -> PhysicalLocation {
                var place = ArtifactLocation(file: file)
                place.index = artifact(file)
                let region = location.flatMap { $0.line > 0 ? Region(startLine: $0.line, startColumn: $0.column) : nil }
                return PhysicalLocation(artifactLocation: place, region: region)
            }
            var locations: [Location] = []
            if let primary = finding.location?.file ?? file {
                let logical = finding.target.kind == .kubernetesObject ? [] : [LogicalLocation(name: finding.target.id,
                    fullyQualifiedName: finding.path.description)]
                locations.append(Location(physicalLocation: physical(primary, finding.location), logicalLocations: logical))
            }
            locations += finding.evidence.map { Location(physicalLocation: physical($0.file, $0), logicalLocations: []) }
            self.locations = locations
            partialFingerprints = ["trustflowFinding/v1": "\(finding.ruleID):\(finding.target.kind.rawValue):\(finding.target.id)"]
            properties = ResultProperties(severity: finding.severity.rawValue,
                securitySeverity: SARIFReport.securitySeverity(finding.severity))
            suppressions = finding.acceptance.map {
                [Suppression(kind: "inSource", status: "accepted", justification: $0.reason)]
            }
        }
    }

    struct ResultProperties: Encodable {
        let severity: String
        let securitySeverity: String

        enum CodingKeys: String, CodingKey {
            case severity = "trustflow-severity"
            case securitySeverity = "security-severity"
        }
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
        let logicalLocations: [LogicalLocation]

        enum CodingKeys: String, CodingKey { case physicalLocation, logicalLocations }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(physicalLocation, forKey: .physicalLocation)
            if !logicalLocations.isEmpty { try container.encode(logicalLocations, forKey: .logicalLocations) }
        }
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region?
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
    }

    struct LogicalLocation: Encodable {
        let name: String
        let fullyQualifiedName: String
    }

    struct Suppression: Encodable {
        let kind: String
        let status: String
        let justification: String
    }
}
