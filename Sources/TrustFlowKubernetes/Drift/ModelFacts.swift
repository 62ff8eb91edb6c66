import TrustFlowAnalysis
import TrustFlowModel

/// A model as the drift check sees it: its items bound to the manifests' objects, its flows
/// as connections between workloads and the outside, and where each item is in its file.
struct ModelFacts: Sendable {
    let model: Model
    let index: ModelIndex
    let sourceMap: SourceMap
    let binding: ModelBinding
    /// Per workload position: the model items bound to it, elements first, in model order.
    let itemsOfWorkload: [Int: [DriftItem]]
    /// Per namespace: the namespace boundaries bound to it, in model order.
    let boundariesOfNamespace: [String: [String]]

    init(model: Model, sourceMap: SourceMap, inventory: Inventory, evaluator: NetworkPolicyEvaluator) {
        self.model = model
        index = ModelIndex(model)
        self.sourceMap = sourceMap
        binding = ModelBinding(model: model, inventory: inventory, evaluator: evaluator)
        var items: [Int: [DriftItem]] = [:]
        for element in model.elements {
            if case .workload(let position, let container) = binding.elements[element.id]?.object {
                items[position, default: []].append(DriftItem(kind: .element, id: element.id, container: container))
            }
        }
        var namespaces: [String: [String]] = [:]
        for boundary in model.boundaries {
            switch binding.boundaries[boundary.id]?.object {
            case .workload(let position, let container):
                items[position, default: []].append(DriftItem(kind: .boundary, id: boundary.id, container: container))
            case .namespace(let name):
                namespaces[name, default: []].append(boundary.id)
            default: break
            }
        }
        itemsOfWorkload = items
        boundariesOfNamespace = namespaces
    }

    // MARK: Targets

    func target(_ item: DriftItem) -> DriftTarget {
        let path = switch item.kind {
        case .element: ModelPath("elements").appending(index.elementPosition(item.id) ?? 0)
        case .boundary: ModelPath("boundaries").appending(index.boundaryPosition(item.id) ?? 0)
        case .flow: ModelPath("flows").appending(index.flowPosition(item.id) ?? 0)
        }
        let kind: FindingTarget.Kind = switch item.kind {
        case .element: .element
        case .boundary: .boundary
        case .flow: .flow
        }
        return DriftTarget(target: FindingTarget(kind: kind, id: item.id, path: path), location: sourceMap.location(of: path))
    }

    /// The item that stands for a workload in findings and on the diagram: an element of its
    /// first running container, else its first element, else its pod boundary.
    func representative(of position: Int, in inventory: Inventory) -> DriftItem? {
        let items = itemsOfWorkload[position] ?? []
        let main = inventory.workloads[position].template.containers.first { $0.role != .initialization }?.name
        return items.first { $0.kind == .element && $0.container == main }
            ?? items.first { $0.kind == .element }
            ?? items.first { $0.kind == .boundary && $0.container == nil }
            ?? items.first
    }

    /// The namespace boundary that stands for `namespace`, if the model has one.
    func namespaceItem(_ namespace: String) -> DriftItem? {
        boundariesOfNamespace[namespace]?.first.map { DriftItem(kind: .boundary, id: $0, container: nil) }
    }

    /// The first element that stands for the outside (an Internet client), if any.
    var outsideItem: DriftItem? {
        model.elements.first { binding.elements[$0.id]?.object == .outside }.map { DriftItem(kind: .element, id: $0.id, container: nil) }
    }

    /// `process 'cart'`, `pod 'cart pod'`, for messages.
    func describe(_ item: DriftItem) -> String {
        switch item.kind {
        case .element: index.element(item.id).map { "\($0.kind.rawValue) '\($0.label)'" } ?? item.id
        case .boundary: index.boundary(item.id).map { "\($0.kind.rawValue) '\($0.label)'" } ?? item.id
        case .flow: "flow '\(item.id)'"
        }
    }

    /// `flow 3 (cart → redis, "Service redis:6379")`.
    func describe(flow id: String) -> String {
        guard let flow = index.flow(id) else { return "flow '\(id)'" }
        let number = (index.flowPosition(id) ?? 0) + 1
        let from = index.element(flow.from)?.label ?? flow.from
        let to = index.element(flow.to)?.label ?? flow.to
        return "flow \(number) (\(from) → \(to)\(flow.label.map { ", \"\($0)\"" } ?? ""))"
    }

    /// The kinds of the controls an item and every boundary around it claim.
    func claimedKinds(_ item: DriftItem) -> Set<ControlKind> {
        var controls: [String] = []
        var start: String?
        switch item.kind {
        case .element:
            let element = index.element(item.id)
            controls += element?.controls ?? []
            start = element?.boundary
        case .boundary:
            start = item.id
        case .flow:
            return []
        }
        for boundary in index.boundaryChain(from: start) { controls += boundary.controls }
        return Set(controls.compactMap { index.control($0)?.kind })
    }
}

/// A model item the drift check talks about, and the container it stands for, if one.
struct DriftItem: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case element, boundary, flow }
    var kind: Kind
    var id: String
    var container: String?
}
