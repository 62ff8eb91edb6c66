import TrustFlowModel

/// What rules look at: the model, its index, each flow's boundary crossing, and the kinds of
/// the controls on each item.
public struct AnalysisContext: Sendable {
    public let model: Model
    public let index: ModelIndex
    /// Crossings by flow id.
    public let crossings: [String: FlowCrossing]

    public init(model: Model) {
        self.model = model
        let index = ModelIndex(model)
        self.index = index
        // Many flows share an end's boundary; each chain is computed once.
        var chains: [String: [Boundary]] = [:]
        func chain(_ element: String) -> [Boundary] {
            guard let boundary = index.element(element)?.boundary else { return [] }
            if let known = chains[boundary] { return known }
            let computed = index.boundaryChain(from: boundary)
            chains[boundary] = computed
            return computed
        }
        var crossings: [String: FlowCrossing] = [:]
        crossings.reserveCapacity(model.flows.count)
        for flow in model.flows {
            crossings[flow.id] = FlowCrossing(flow.id, source: chain(flow.from), destination: chain(flow.to))
        }
        self.crossings = crossings
    }

    /// The kinds of the controls with these ids.
    public func kinds(of controls: [String]) -> Set<ControlKind> { Set(controls.compactMap { index.control($0)?.kind }) }

    /// Whether any of the controls protects: is of a kind other than the recorded weaknesses
    /// (``ControlKind/weaknesses``), which say what a workload is allowed, not how it is defended.
    public func hasProtection(_ controls: [String]) -> Bool {
        controls.contains { id in index.control(id).map { !$0.kind.isWeakness } ?? false }
    }

    /// The controls of one of `kinds`, in the order listed.
    public func controls(_ controls: [String], ofKinds kinds: [ControlKind]) -> [Control] {
        controls.compactMap { index.control($0) }.filter { kinds.contains($0.kind) }
    }

    /// Whether any of the controls is of one of `kinds`.
    public func has(_ controls: [String], anyOf kinds: ControlKind...) -> Bool { !self.kinds(of: controls).isDisjoint(with: kinds) }

    public func crossing(of flow: Flow) -> FlowCrossing { crossings[flow.id] ?? FlowCrossing(flow, index: index) }

    // MARK: Targets and wording

    public func target(_ flow: Flow) -> FindingTarget {
        FindingTarget(kind: .flow, id: flow.id, path: ModelPath("flows").appending(index.flowPosition(flow.id) ?? 0))
    }

    public func target(_ boundary: Boundary) -> FindingTarget {
        FindingTarget(kind: .boundary, id: boundary.id,
            path: ModelPath("boundaries").appending(index.boundaryPosition(boundary.id) ?? 0))
    }

    public func target(_ element: Element) -> FindingTarget {
        FindingTarget(kind: .element, id: element.id,
            path: ModelPath("elements").appending(index.elementPosition(element.id) ?? 0))
    }

    /// `flow 2 (Nginx → API, "REST call")`.
    public func describe(_ flow: Flow) -> String {
        let number = (index.flowPosition(flow.id) ?? 0) + 1
        let from = index.element(flow.from)?.label ?? flow.from
        let to = index.element(flow.to)?.label ?? flow.to
        let label = flow.label.map { ", \"\($0)\"" } ?? ""
        return "flow \(number) (\(from) → \(to)\(label))"
    }

    /// `namespace 'backend'`.
    public func describe(_ boundary: Boundary) -> String { "\(boundary.kind.rawValue) '\(boundary.label)'" }

    /// `process 'REST API'`.
    public func describe(_ element: Element) -> String { "\(element.kind.rawValue) '\(element.label)'" }

    /// `no tls-termination control`, or `neither a tls-termination nor an authentication control`.
    public func missingControls(_ kinds: [ControlKind]) -> String {
        func article(_ kind: ControlKind) -> String { "aeiou".contains(kind.rawValue.prefix(1)) ? "an" : "a" }
        switch kinds.count {
        case 1: return "no \(kinds[0]) control"
        case 2: return "neither \(article(kinds[0])) \(kinds[0]) nor \(article(kinds[1])) \(kinds[1]) control"
        default: return "none of the controls " + kinds.map(\.rawValue).joined(separator: ", ")
        }
    }

    /// `namespace 'backend', pod 'api pod'`.
    public func describe(_ boundaries: [Boundary]) -> String { boundaries.map(describe).joined(separator: ", ") }
}
