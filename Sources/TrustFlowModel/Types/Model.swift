/// A threat model: the system's elements, the data flows between them, the trust boundaries
/// around them, their security controls, and who attacks them.
///
/// A `Model` is a plain value. The same value comes out of a JSON file, a YAML file or the
/// Swift DSL; equality ignores where it came from (see ``SourceMap`` for that).
public struct Model: Hashable, Sendable {
    /// The only format version this release reads and writes.
    public static let currentVersion = 1

    /// Format version (`trustflow:` in a file).
    public var version: Int
    /// The diagram title.
    public var title: String
    /// Free text shown in reports.
    public var description: String?
    /// Security controls, referred to by id from boundaries, elements and flows.
    public var controls: [Control]
    /// Trust boundaries: a flat list nested through ``Boundary/parent``.
    public var boundaries: [Boundary]
    /// Users, services, data stores and external systems.
    public var elements: [Element]
    /// Directed data flows between elements, in file order (their number is index + 1).
    public var flows: [Flow]
    /// Who attacks the system, from where, and what they target.
    public var threatActors: [ThreatActor]
    /// Findings the owners have accepted, with a reason.
    public var acceptedRisks: [AcceptedRisk]
    /// The top-level `x-` keys in the order written: other tools' data, kept by `convert` and
    /// read by no command.
    public var extensions: [ExtensionValue.Member]

    /// Creates a model; every list defaults to empty.
    public init(
        version: Int = Model.currentVersion,
        title: String,
        description: String? = nil,
        controls: [Control] = [],
        boundaries: [Boundary] = [],
        elements: [Element] = [],
        flows: [Flow] = [],
        threatActors: [ThreatActor] = [],
        acceptedRisks: [AcceptedRisk] = [],
        extensions: [ExtensionValue.Member] = []
    ) {
        self.version = version
        self.title = title
        self.description = description
        self.controls = controls
        self.boundaries = boundaries
        self.elements = elements
        self.flows = flows
        self.threatActors = threatActors
        self.acceptedRisks = acceptedRisks
        self.extensions = extensions
    }
}
