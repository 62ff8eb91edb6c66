import TrustFlowAnalysis
import TrustFlowKubernetes
import TrustFlowModel

/// The `drift --format json` document: the findings as `check` gives them, every connection
/// that is not denied with its verdict and reasons (the same list `--connections` prints, plus
/// the unknown ones), each declared flow's verdict, the reachability matrix at both levels,
/// and the policies not evaluated. Versioned by `schemaVersion`; keys sorted, bytes stable.
public struct DriftJSON: Encodable, Sendable {
    public var schemaVersion = 1
    public var tool: FindingsJSON.Tool
    public var today: String
    public var failOn: String
    public var failed: Bool
    public var manifests: [String]
    public var model: String?
    public var summary: Summary
    public var findings: [FindingsJSON.FindingEntry]
    public var accepted: [FindingsJSON.FindingEntry]
    /// Every pair of ends that is not denied, sorted as the connection list is.
    public var connections: [ConnectionEntry]
    /// The verdict of every declared flow whose ends stand for workloads or the outside.
    public var declaredFlows: [DeclaredFlowEntry]
    public var matrix: Matrices
    public var notEvaluated: [PolicyEntry]

    public struct Summary: Encodable, Sendable {
        public var findings: SeverityCounts
        public var accepted: Int
        public var workloads: Int
        public var allowedConnections: Int
        public var unknownConnections: Int
    }

    public struct ConnectionEntry: Encodable, Sendable {
        public var source: String
        public var destination: String
        public var verdict: ConnectionVerdict.Kind
        /// The ports allowed, as np-guard writes them (`TCP 7070`); absent when none.
        public var allowed: String?
        /// The ports that may be allowed besides; absent when none.
        public var unknown: String?
        public var reasons: [String]
    }

    public struct DeclaredFlowEntry: Encodable, Sendable {
        public var flow: String
        public var source: String
        public var destination: String
        /// `TCP 8080` (the pod's port), or absent when the flow names none.
        public var port: String?
        public var verdict: ConnectionVerdict.Kind
        public var reasons: [String]
    }

    public struct Matrices: Encodable, Sendable {
        public var workload: MatrixEntry
        public var namespace: MatrixEntry
    }

    public struct MatrixEntry: Encodable, Sendable {
        public var labels: [String]
        /// `cells[source][destination]`, `null` where nothing is judged.
        public var cells: [[CellEntry?]]

        init(_ matrix: ReachabilityMatrix) {
            labels = matrix.labels
            cells = matrix.cells.map { row in row.map { $0.map(CellEntry.init) } }
        }
    }

    public struct CellEntry: Encodable, Sendable {
        public var verdict: ConnectionVerdict.Kind
        public var allowed: String?
        public var unknown: String?
        /// Whether the model declares a flow here; absent without a model.
        public var declared: Bool?
        /// Pairs of workloads (and pieces of the outside) in the cell, by verdict.
        public var pairs: [String: Int]

        init(_ cell: ReachabilityMatrix.Cell) {
            verdict = cell.verdict
            allowed = cell.allowed.isEmpty ? nil : cell.allowed.description
            unknown = cell.unknown.isEmpty ? nil : cell.unknown.description
            declared = cell.declared
            var pairs: [String: Int] = [:]
            for (kind, count) in cell.pairs { pairs[kind.rawValue] = count }
            self.pairs = pairs
        }
    }

    public struct PolicyEntry: Encodable, Sendable {
        public var kind: String
        public var apiVersion: String?
        public var name: String?
        public var namespace: String?
        public var file: String
        public var line: Int
    }

    /// Builds the document.
    public init(_ report: DriftReport, threshold: FailureThreshold, today: CalendarDate, toolVersion: String) {
        let check = report.check
        let inventory = check.inventory
        let evaluator = check.evaluator
        tool = FindingsJSON.Tool(name: "trustflow", version: toolVersion)
        self.today = today.description
        failOn = threshold.name
        failed = report.findings.contains(where: threshold.fails)
        manifests = report.manifestFiles
        model = report.modelFile
        let counts = report.connectionCounts
        summary = Summary(findings: SeverityCounts(report.active), accepted: report.findings.count - report.active.count,
            workloads: inventory.workloads.count, allowedConnections: counts.allowed, unknownConnections: counts.unknown)
        findings = report.active.map { FindingsJSON.FindingEntry($0, file: report.modelFile) }
        accepted = report.findings.filter(\.isAccepted).map { FindingsJSON.FindingEntry($0, file: report.modelFile) }
        let reachability = check.reachability
        let names = reachability.endpoints.map { $0.name(in: inventory) }
        connections = reachability.connections.map { connection in
            let verdict = connection.verdict
            return ConnectionEntry(source: names[connection.source], destination: names[connection.destination], verdict: verdict.kind,
                allowed: verdict.allowed.isEmpty ? nil : verdict.allowed.description,
                unknown: verdict.unknown.isEmpty ? nil : verdict.unknown.description,
                reasons: evaluator.explain(from: reachability.endpoints[connection.source],
                    to: reachability.endpoints[connection.destination]).reasons(evaluator))
        }.sorted { lhs, rhs in
            lhs.source != rhs.source
                ? lhs.source.utf8.lexicographicallyPrecedes(rhs.source.utf8) : lhs.destination.utf8.lexicographicallyPrecedes(rhs.destination.utf8)
        }
        declaredFlows = report.result.declaredFlows.map { verdict in
            DeclaredFlowEntry(flow: verdict.flow, source: verdict.source.name(in: inventory), destination: verdict.destination.name(in: inventory),
                port: verdict.port.map { "\($0.protocol.rawValue) \($0.number)" }, verdict: verdict.kind,
                reasons: verdict.explanation.reasons(evaluator))
        }
        let result = report.result
        var declares: ((ReachabilityEndpoint, ReachabilityEndpoint) -> Bool)?
        if report.model != nil { declares = { result.declares($0, $1) } }
        matrix = Matrices(
            workload: MatrixEntry(ReachabilityMatrix(reachability, inventory: inventory, level: .workload, declares: declares)),
            namespace: MatrixEntry(ReachabilityMatrix(reachability, inventory: inventory, level: .namespace, declares: declares)))
        notEvaluated = evaluator.unevaluatedPolicies.map {
            PolicyEntry(kind: $0.kind, apiVersion: $0.apiVersion, name: $0.name, namespace: $0.namespace, file: $0.location.file,
                line: $0.location.line)
        }
    }

    /// The document as pretty-printed JSON with sorted keys and a final newline.
    public func encoded() -> [UInt8] { ReportJSON.encode(self) }
}
