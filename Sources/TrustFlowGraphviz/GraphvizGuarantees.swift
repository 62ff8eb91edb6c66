internal import CGraphvizSupport

/// What TrustFlow can promise about Graphviz's output with the Graphviz it runs with.
///
/// Byte-identical output for the same DOT text rests on parts of libcgraph that are not its
/// public API. They were checked against Graphviz 2.42 and 2.43 (``Graphviz/checkedVersions``)
/// and are used only there; with any other Graphviz the diagrams are still drawn, but these
/// guarantees are not made.
public struct GraphvizGuarantees: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `fdp` lays the same DOT text out the same way in every process, and does not hit
    /// fdp's stale-pointer crash (cgraph's memory comes in creation order, and no address is
    /// reused while a layout runs).
    public static let reproducibleFDP = GraphvizGuarantees(rawValue: TRUSTFLOW_GRAPHVIZ_REPRODUCIBLE_FDP)
    /// Object IDs follow the DOT text, not the heap, so cluster order — and with it every
    /// engine's output — does not depend on what the process did before.
    public static let reproducibleOrder = GraphvizGuarantees(rawValue: TRUSTFLOW_GRAPHVIZ_REPRODUCIBLE_IDS)
    /// Every read starts with a clean DOT scanner, so a syntax error names its real line.
    public static let cleanScanner = GraphvizGuarantees(rawValue: TRUSTFLOW_GRAPHVIZ_CLEAN_SCANNER)

    /// One line per guarantee in ``all``, saying whether it holds when this set is what holds.
    public var description: String {
        GraphvizGuarantees.statements.map { contains($0.guarantee) ? $0.holds : $0.lost }.joined(separator: "\n")
    }

    /// What is not guaranteed when this set is what holds, one sentence per guarantee lost.
    public var lost: [String] { GraphvizGuarantees.statements.filter { !contains($0.guarantee) }.map(\.lost) }

    private static let statements: [(guarantee: GraphvizGuarantees, holds: String, lost: String)] = [
        (.reproducibleOrder, "every engine's output is byte-reproducible",
            "output may differ between runs (object order follows heap addresses)"),
        (.reproducibleFDP, "fdp layouts are byte-reproducible and protected from fdp's stale-pointer crash",
            "fdp layouts are not byte-reproducible and may hit fdp's stale-pointer crash"),
        (.cleanScanner, "DOT syntax errors name their line", "DOT syntax errors may name the wrong line"),
    ]
}

/// What a crash inside Graphviz does to the process: see ``Graphviz/crashHandler``.
public struct GraphvizCrashHandler: Sendable {
    /// The exit status the process ends with.
    public var status: Int32
    /// The line written to standard error for a crash while `engine` lays a diagram out, in
    /// two parts around the signal's name (e.g. "SIGSEGV, a bad memory access").
    public var message: @Sendable (GraphvizEngine) -> (beforeSignal: String, afterSignal: String)

    /// Creates a handler.
    public init(status: Int32, message: @escaping @Sendable (GraphvizEngine) -> (beforeSignal: String, afterSignal: String)) {
        self.status = status
        self.message = message
    }
}
