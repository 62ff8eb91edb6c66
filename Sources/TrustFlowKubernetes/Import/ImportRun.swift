import TrustFlowModel

/// The state of one import: drafts keyed by what they stand for, turned into a model once
/// every id is known.
struct ImportRun {
    let inventory: Inventory
    let options: KubernetesImportOptions
    var boundaries: [BoundaryDraft] = []
    var elements: [ElementDraft] = []
    var controls: [ControlDraft] = []
    var flows: [FlowDraft] = []
    var warnings: [Diagnostic] = []
    var summary = KubernetesImportSummary()
    /// Where drafts are, by key.
    var boundaryPositions: [String: Int] = [:]
    var elementPositions: [String: Int] = [:]
    var controlPositions: [String: Int] = [:]
    var flowPositions: [String: Int] = [:]
    /// Id candidates by key, for the allocator.
    var candidates: [String: String] = [:]
    /// Messages already given, so a reference written in two places is reported at each once.
    var reported: Set<String> = []
    /// Values that name a Service the manifests do not hold (also among ``warnings``).
    var missingServices: Set<MissingServiceReference> = []

    static let clusterKey = "cluster"
    static let internetBoundaryKey = "internet"
    static let internetClientKey = "internet-client"
    static let apiKey = "kubernetes-api"

    init(inventory: Inventory, options: KubernetesImportOptions) {
        self.inventory = inventory
        self.options = options
    }

    // MARK: Adding drafts

    mutating func add(_ boundary: BoundaryDraft, candidate: String) {
        guard boundaryPositions[boundary.key] == nil else { return }
        boundaryPositions[boundary.key] = boundaries.count
        boundaries.append(boundary)
        candidates[boundary.key] = candidate
    }

    mutating func add(_ element: ElementDraft, candidate: String) {
        guard elementPositions[element.key] == nil else { return }
        elementPositions[element.key] = elements.count
        elements.append(element)
        candidates[element.key] = candidate
    }

    /// Adds a control (once) and attaches it to the boundary with key `owner`.
    mutating func attach(_ control: ControlDraft, to owner: String) {
        register(control)
        guard let position = boundaryPositions[owner] else { return }
        if !boundaries[position].controls.contains(control.key) { boundaries[position].controls.append(control.key) }
    }

    /// Adds a control once, without attaching it (a flow refers to it by key).
    mutating func register(_ control: ControlDraft) {
        guard controlPositions[control.key] == nil else { return }
        controlPositions[control.key] = controls.count
        controls.append(control)
        candidates[control.key] = control.candidate
    }

    /// Adds a flow, or merges its reasons into the flow already drawn between the same ends
    /// on the same port.
    mutating func add(_ flow: FlowDraft) {
        if let position = flowPositions[flow.key] {
            for reason in flow.reasons where !flows[position].reasons.contains(reason) { flows[position].reasons.append(reason) }
            flows[position].locations += flow.locations
            for control in flow.controls where !flows[position].controls.contains(control) { flows[position].controls.append(control) }
            return
        }
        flowPositions[flow.key] = flows.count
        flows.append(flow)
        candidates[flow.key] = flow.candidate
    }

    /// A warning at a place in the manifests, given once.
    mutating func warn(_ message: String, at location: SourceLocation) {
        guard reported.insert("\(location) \(message)").inserted else { return }
        warnings.append(Diagnostic(.warning, message, location: location))
        summary.unresolvedReferences += 1
    }

    /// `kubernetes-manifests.yaml:22:1`, with the file named as the model names it.
    func shown(_ location: SourceLocation) -> String {
        let name = inventory.displayName(of: location.file)
        return location.line > 0 ? "\(name):\(location.line):\(location.column)" : name
    }

    /// The file a location is in, as the model names it.
    func fileName(_ location: SourceLocation) -> String { inventory.displayName(of: location.file) }
}
