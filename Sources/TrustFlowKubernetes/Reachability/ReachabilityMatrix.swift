/// Who may reach whom, as a table: workloads (or namespaces) and the outside of the cluster as
/// rows (sources) and the same as columns (destinations), each cell allowed, unknown or
/// denied, and — with a model — whether the model declares a flow there. A node-link drawing
/// of an all-allowed namespace is unreadable; a matrix is not. This is the data only; the
/// picture is drawn elsewhere.
public struct ReachabilityMatrix: Hashable, Sendable {
    /// What a row and a column stand for.
    public enum Level: String, Hashable, Sendable, CaseIterable, Codable {
        case workload, namespace
    }

    /// One source and destination.
    public struct Cell: Hashable, Sendable {
        /// Allowed when some connection is allowed on some port; unknown when none surely
        /// is but some may be; denied when none may be.
        public var verdict: ConnectionVerdict.Kind
        /// The ports allowed (over every pair of the cell).
        public var allowed: PortSet
        /// The ports that may be allowed besides.
        public var unknown: PortSet
        /// Whether the model declares a flow here; `nil` without a model.
        public var declared: Bool?
        /// How many pairs of workloads (and pieces of the outside) the cell holds, by verdict.
        public var pairs: [ConnectionVerdict.Kind: Int]
    }

    public var level: Level
    /// The rows' and the columns' names, in order: workloads as np-guard names them
    /// (`default/frontend[Deployment]`) or namespaces, then the outside
    /// (`0.0.0.0-255.255.255.255[External]`).
    public var labels: [String]
    /// `cells[source][destination]`; `nil` where nothing is judged: a workload with itself,
    /// the outside with itself.
    public var cells: [[Cell?]]

    /// The matrix of a reachability at `level`; `declares`, when a model is given, tells
    /// whether it declares a flow between two ends (pieces of the outside stand for the outside).
    public init(_ reachability: Reachability, inventory: Inventory, level: Level,
        declares: ((ReachabilityEndpoint, ReachabilityEndpoint) -> Bool)? = nil)
    {
        self.level = level
        let namespaces = Array(Set(inventory.workloads.map(\.namespace))).sorted()
        let namespaceRows = Dictionary(uniqueKeysWithValues: namespaces.enumerated().map { ($1, $0) })
        let workloadCount = inventory.workloads.count
        let rowCount = (level == .workload ? workloadCount : namespaces.count) + 1
        let outsideRow = rowCount - 1
        labels = (level == .workload
            ? inventory.workloads.indices.map { ReachabilityEndpoint.workload($0).name(in: inventory) }
            : namespaces) + [ReachabilityEndpoint.addresses(.all).name(in: inventory)]
        func row(_ endpoint: Int) -> Int {
            guard endpoint < workloadCount else { return outsideRow }
            return level == .workload ? endpoint : namespaceRows[inventory.workloads[endpoint].namespace]!
        }
        var allowed = Array(repeating: Array(repeating: PortSet.empty, count: rowCount), count: rowCount)
        var unknown = allowed
        var counts = Array(repeating: Array(repeating: [ConnectionVerdict.Kind: Int](), count: rowCount), count: rowCount)
        var declared = Array(repeating: Array(repeating: false, count: rowCount), count: rowCount)
        let endpoints = reachability.endpoints
        for source in endpoints.indices {
            for destination in endpoints.indices where source != destination {
                if source >= workloadCount, destination >= workloadCount { continue }
                let (r, c) = (row(source), row(destination))
                let verdict = reachability.verdict(from: source, to: destination)
                allowed[r][c] = allowed[r][c].union(verdict.allowed)
                unknown[r][c] = unknown[r][c].union(verdict.unknown)
                counts[r][c][verdict.kind, default: 0] += 1
                if let declares, !declared[r][c], declares(endpoints[source], endpoints[destination]) { declared[r][c] = true }
            }
        }
        cells = (0..<rowCount).map { r in
            (0..<rowCount).map { c -> Cell? in
                guard !counts[r][c].isEmpty else { return nil }
                let verdict = ConnectionVerdict(allowed: allowed[r][c], unknown: unknown[r][c])
                return Cell(verdict: verdict.kind, allowed: verdict.allowed, unknown: verdict.unknown,
                    declared: declares == nil ? nil : declared[r][c], pairs: counts[r][c])
            }
        }
    }
}
