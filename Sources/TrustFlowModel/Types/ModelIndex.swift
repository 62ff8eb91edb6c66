/// Lookups over a validated model: items by id, the boundary tree, and what each boundary
/// contains. Built once per model; every list is in file order.
public struct ModelIndex: Sendable {
    /// The indexed model.
    public let model: Model
    private let controlPositions: [String: Int]
    private let boundaryPositions: [String: Int]
    private let elementPositions: [String: Int]
    private let flowPositions: [String: Int]
    private let actorPositions: [String: Int]
    private let childBoundaries: [String: [Int]]
    private let rootBoundaries: [Int]
    private let elementsInBoundary: [String: [Int]]
    private let rootElements: [Int]
    private let actorsInBoundary: [String: [Int]]
    private let rootActors: [Int]

    /// Indexes `model`, which should have passed validation (ids unique, no parent cycles).
    public init(_ model: Model) {
        self.model = model
        func positions<Item>(_ items: [Item], _ id: (Item) -> String) -> [String: Int] {
            var result: [String: Int] = [:]
            for (position, item) in items.enumerated() where result[id(item)] == nil { result[id(item)] = position }
            return result
        }
        controlPositions = positions(model.controls, \.id)
        let boundaryPositions = positions(model.boundaries, \.id)
        self.boundaryPositions = boundaryPositions
        elementPositions = positions(model.elements, \.id)
        flowPositions = positions(model.flows, \.id)
        actorPositions = positions(model.threatActors, \.id)

        func group<Item>(_ items: [Item], _ container: (Item) -> String?) -> ([String: [Int]], [Int]) {
            var grouped: [String: [Int]] = [:]
            var roots: [Int] = []
            for (position, item) in items.enumerated() {
                if let container = container(item), boundaryPositions[container] != nil {
                    grouped[container, default: []].append(position)
                } else {
                    roots.append(position)
                }
            }
            return (grouped, roots)
        }
        let boundaryGroups = group(model.boundaries, \.parent)
        let elementGroups = group(model.elements, \.boundary)
        let actorGroups = group(model.threatActors, \.boundary)
        (childBoundaries, rootBoundaries) = boundaryGroups
        (elementsInBoundary, rootElements) = elementGroups
        (actorsInBoundary, rootActors) = actorGroups
    }

    public func control(_ id: String) -> Control? { controlPositions[id].map { model.controls[$0] } }
    public func boundary(_ id: String) -> Boundary? { boundaryPositions[id].map { model.boundaries[$0] } }
    public func element(_ id: String) -> Element? { elementPositions[id].map { model.elements[$0] } }
    public func flow(_ id: String) -> Flow? { flowPositions[id].map { model.flows[$0] } }
    public func threatActor(_ id: String) -> ThreatActor? { actorPositions[id].map { model.threatActors[$0] } }

    /// Position of a boundary in ``Model/boundaries``.
    public func boundaryPosition(_ id: String) -> Int? { boundaryPositions[id] }
    /// Position of an element in ``Model/elements``.
    public func elementPosition(_ id: String) -> Int? { elementPositions[id] }
    /// Position of a flow in ``Model/flows``.
    public func flowPosition(_ id: String) -> Int? { flowPositions[id] }
    /// Position of a threat actor in ``Model/threatActors``.
    public func threatActorPosition(_ id: String) -> Int? { actorPositions[id] }
    /// Position of a control in ``Model/controls``.
    public func controlPosition(_ id: String) -> Int? { controlPositions[id] }

    /// The boundaries directly inside `parent` (top-level ones for `nil`).
    public func childBoundaries(of parent: String?) -> [Boundary] {
        (parent.map { childBoundaries[$0] ?? [] } ?? rootBoundaries).map { model.boundaries[$0] }
    }

    /// The elements directly inside `boundary` (those outside every boundary for `nil`).
    public func elements(in boundary: String?) -> [Element] {
        (boundary.map { elementsInBoundary[$0] ?? [] } ?? rootElements).map { model.elements[$0] }
    }

    /// The threat actors standing directly inside `boundary` (outside every boundary for `nil`).
    public func threatActors(in boundary: String?) -> [ThreatActor] {
        (boundary.map { actorsInBoundary[$0] ?? [] } ?? rootActors).map { model.threatActors[$0] }
    }

    /// The boundary `id` and its ancestors, innermost first.
    public func boundaryChain(from id: String?) -> [Boundary] {
        var chain: [Boundary] = []
        var current = id
        while let next = current, let boundary = boundary(next), chain.count <= model.boundaries.count {
            chain.append(boundary)
            current = boundary.parent
        }
        return chain
    }

    /// The boundaries containing an element, innermost first.
    public func boundaries(containing element: Element) -> [Boundary] { boundaryChain(from: element.boundary) }

    /// Whether `boundary` or any boundary nested in it contains an element or threat actor.
    public func hasContent(_ boundary: String) -> Bool { firstContent(in: boundary) != nil }

    /// The first element or threat actor inside `boundary`, depth first in file order.
    public func firstContent(in boundary: String) -> String? {
        var stack = [boundary]
        var visited: Set<String> = []
        while let current = stack.popLast() {
            guard visited.insert(current).inserted else { continue }
            if let element = elements(in: current).first { return element.id }
            if let actor = threatActors(in: current).first { return actor.id }
            stack.append(contentsOf: childBoundaries(of: current).map(\.id).reversed())
        }
        return nil
    }

    /// The labels of the controls with the given ids, in the given order.
    public func controlLabels(_ ids: [String]) -> [String] { ids.map { control($0)?.label ?? $0 } }
}
