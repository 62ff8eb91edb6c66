import TrustFlowModel

/// What a ``DiagramView`` draws of a model: which boundaries are clusters, boxes (collapsed)
/// or left out; which elements are drawn, in full or as stubs, and in which cluster; which
/// threat actors; and the edges — flows, and flows merged between boxes — in file order of
/// first occurrence.
///
/// The builder asks this value what to draw instead of walking the model itself, so every
/// view goes through the same node, edge and legend code. The full view draws everything
/// where the model puts it, which keeps its output exactly what it was before views existed.
struct ViewProjection {
    /// How a boundary is drawn.
    enum BoundaryRole: Equatable {
        /// A Graphviz cluster around what is drawn inside it.
        case cluster
        /// One box standing for everything inside it.
        case collapsed
        /// Not drawn (inside a box, or outside a focus or an atlas page).
        case hidden
    }

    /// An element drawn by the view.
    struct PlacedElement {
        let element: Element
        /// Set when the element is only a neighbour of an atlas page, drawn small.
        let stub: Stub?
    }

    /// A neighbour outside an atlas page: it links to the page that shows it in full.
    struct Stub: Equatable {
        /// The collapsed boundary around the element, whose page the stub links to; `nil`
        /// when no box contains it and the stub links to the index.
        let box: Boundary?
        /// The page's file name, e.g. `ns-backend.svg`.
        let page: String
    }

    /// One end of an edge: an element's node, or the box of a collapsed boundary.
    struct Endpoint: Hashable {
        /// The Graphviz node name.
        let node: String
        /// The element's or the boundary's model id.
        let id: String
        let isBox: Bool
    }

    /// Flows between two boxes, or a box and an element, merged into one edge.
    struct MergedFlows {
        let from: Endpoint
        let to: Endpoint
        let bidirectional: Bool
        /// Positions in ``Model/flows``, in file order.
        var flows: [Int]
        /// The edge's SVG id, unique in the diagram.
        var id = ""
    }

    /// An edge of the diagram, other than attacks.
    enum Edge {
        /// A flow drawn as itself; its number is position + 1.
        case flow(position: Int)
        case merged(MergedFlows)
    }

    /// What a box hides.
    struct BoxContents {
        /// Elements inside, in file order.
        var elements: [String] = []
        /// Boundaries strictly inside, in file order.
        var boundaries: [String] = []
        /// Positions of the flows between two of its elements, in file order.
        var internalFlows: [Int] = []
    }

    /// Where an attack edge goes.
    struct AttackHead {
        /// The node the edge points at.
        let node: String
        /// The id the edge's SVG id is made of (the target, or the box standing for it).
        let target: String
        /// How the tooltip names the target.
        let label: String
        /// The cluster the edge is clipped at, for a boundary drawn as a cluster.
        let cluster: String?
    }

    let index: ModelIndex
    let view: DiagramView
    /// Role of every boundary, by id.
    private(set) var roles: [String: BoundaryRole] = [:]
    /// Elements and threat actors drawn directly in each cluster (`nil`: outside them all).
    private(set) var placedElements: [String?: [PlacedElement]] = [:]
    private(set) var placedActors: [String?: [ThreatActor]] = [:]
    /// Threat actors drawn, in file order.
    private(set) var actors: [ThreatActor] = []
    /// Where each drawn element's edges attach: its own node or its box.
    private(set) var endpoints: [String: Endpoint] = [:]
    private(set) var edges: [Edge] = []
    /// What each box hides, by boundary id.
    private(set) var boxes: [String: BoxContents] = [:]
    /// The atlas this view is a page of.
    private(set) var atlas: AtlasPlan?
    /// Number of elements drawn in full.
    private(set) var drawnElementCount = 0

    // What the per-view setup decides before ``finish(drawsFlow:)`` places everything.
    private var shown: [String: Stub?] = [:]
    private var boxOfElement: [String: String] = [:]
    private var shownActors: Set<String> = []
    private var drawnFlows: Set<String> = []

    /// What `view` draws; an atlas's pages pass its `atlas` plan rather than each making it.
    init(_ index: ModelIndex, view: DiagramView, atlas: AtlasPlan? = nil) {
        self.index = index
        self.view = view
        switch view {
        case .full:
            showEverything()
        case .collapse(let level):
            collapse(at: level)
        case .atlasIndex(let level):
            self.atlas = atlas?.level == level ? atlas : AtlasPlan(index, level: level)
            collapse(at: level)
        case .focus(let element, let radius):
            focus(on: element, radius: radius)
        case .atlasPage(let boundary, let level):
            let plan = atlas?.level == level ? atlas! : AtlasPlan(index, level: level)
            self.atlas = plan
            page(of: boundary, plan: plan)
        }
    }

    // MARK: Questions the builder asks

    func role(of boundary: String) -> BoundaryRole { roles[boundary] ?? .hidden }

    /// Whether the element is drawn as itself (not hidden in a box, not a stub, not left out).
    func drawsInFull(_ element: String) -> Bool { shown[element].map { $0 == nil } ?? false }

    /// How the drawn flows are protected, merged flows by their worst.
    var flowSecurities: Set<FlowSecurity> {
        Set(edges.map { edge in
            switch edge {
            case .flow(let position): FlowSecurity(index.model.flows[position].encryption)
            case .merged(let merged): FlowSecurity.weakest(merged.flows.map { FlowSecurity(index.model.flows[$0].encryption) })
            }
        })
    }

    /// Whether the view shows the findings on `item` (an id): on what it draws, in a box's
    /// summary or on a merged edge — not on stubs or what it leaves out.
    func showsFindings(on item: String) -> Bool {
        if let element = index.element(item) { return drawsInFull(element.id) || boxOfElement[element.id] != nil }
        if index.boundary(item) != nil { return role(of: item) != .hidden || box(containing: item) != nil }
        if index.threatActor(item) != nil { return shownActors.contains(item) }
        guard let flow = index.flow(item), let from = endpoints[flow.from], let to = endpoints[flow.to] else { return false }
        return from.isBox || to.isBox || drawnFlows.contains(item)
    }

    /// Whether the view draws so many edges that it is packed for `osage`.
    var isPacked: Bool { view.isPacked(edgeCount: edges.count) }

    /// Whether a box, a merged edge or a stub is drawn — what the legend's view section explains.
    var drawsBoxes: Bool { roles.values.contains(.collapsed) }
    var drawsMergedFlows: Bool { edges.contains { if case .merged = $0 { true } else { false } } }
    var drawsStubs: Bool { shown.values.contains { $0 != nil } }

    func elements(in boundary: String?) -> [PlacedElement] { placedElements[boundary] ?? [] }

    func threatActors(in boundary: String?) -> [ThreatActor] { placedActors[boundary] ?? [] }

    /// The first node drawn inside a cluster, depth first in file order — what an edge to the
    /// cluster points at; `nil` when nothing is drawn inside (it then gets a placeholder).
    func firstNode(in boundary: String) -> String? {
        if let first = elements(in: boundary).first { return first.element.id }
        for child in index.childBoundaries(of: boundary) {
            switch role(of: child.id) {
            case .collapsed: return DiagramIDs.boxNodeName(child.id)
            case .cluster: if let node = firstNode(in: child.id) { return node }
            case .hidden: continue
            }
        }
        return nil
    }

    /// The box a hidden boundary is inside, or the boundary itself when it is a box.
    func box(containing boundary: String) -> String? {
        index.boundaryChain(from: boundary).map(\.id).first { role(of: $0) == .collapsed }
    }

    /// Where an attack of `actor` on `target` goes, or `nil` when the target is not drawn.
    func attackHead(_ actor: ThreatActor, on target: String) -> AttackHead? {
        if let element = index.element(target) {
            guard let endpoint = endpoints[target] else { return nil }
            guard endpoint.isBox, let box = index.boundary(endpoint.id) else {
                return AttackHead(node: endpoint.node, target: target, label: element.label, cluster: nil)
            }
            return AttackHead(node: endpoint.node, target: box.id,
                label: "\(element.label) (inside \(box.kind.rawValue) \(box.label))", cluster: nil)
        }
        guard let boundary = index.boundary(target) else { return nil }
        let label = "\(boundary.kind.rawValue) \(boundary.label)"
        switch role(of: boundary.id) {
        case .cluster:
            let actorInside = index.boundaryChain(from: actor.boundary).contains { $0.id == boundary.id }
            return AttackHead(node: firstNode(in: boundary.id) ?? DiagramIDs.emptyNodeName(boundary.id), target: target,
                label: label, cluster: actorInside ? nil : DiagramIDs.clusterName(boundary.id))
        case .collapsed, .hidden:
            guard let box = box(containing: boundary.id), let drawn = index.boundary(box) else { return nil }
            let inside = box == boundary.id ? "" : " (inside \(drawn.kind.rawValue) \(drawn.label))"
            return AttackHead(node: DiagramIDs.boxNodeName(box), target: box, label: label + inside, cluster: nil)
        }
    }

    // MARK: Views

    private mutating func showEverything() {
        for boundary in index.model.boundaries { roles[boundary.id] = .cluster }
        for element in index.model.elements { shown[element.id] = .some(nil) }
        shownActors = Set(index.model.threatActors.map(\.id))
        finish { _ in true }
    }

    private mutating func collapse(at level: BoundaryKind) {
        for boundary in index.model.boundaries {
            switch index.outermostBoundary(of: level, around: boundary.id) {
            case nil: roles[boundary.id] = .cluster
            case boundary.id?: roles[boundary.id] = .collapsed
            case let box?:
                roles[boundary.id] = .hidden
                boxes[box, default: BoxContents()].boundaries.append(boundary.id)
            }
        }
        for element in index.model.elements {
            if let box = index.outermostBoundary(of: level, around: element.boundary) {
                boxOfElement[element.id] = box
                boxes[box, default: BoxContents()].elements.append(element.id)
            } else {
                shown[element.id] = .some(nil)
            }
        }
        for boundary in index.model.boundaries where roles[boundary.id] == .collapsed && boxes[boundary.id] == nil {
            boxes[boundary.id] = BoxContents()
        }
        // Threat actors are few and the point of the picture: all stay, standing beside the box
        // they were in.
        shownActors = Set(index.model.threatActors.map(\.id))
        finish { _ in true }
    }

    private mutating func focus(on center: String, radius: Int) {
        var distance: [String: Int] = [:]
        if index.element(center) != nil {
            var neighbours: [String: [String]] = [:]
            for flow in index.model.flows {
                neighbours[flow.from, default: []].append(flow.to)
                neighbours[flow.to, default: []].append(flow.from)
            }
            distance[center] = 0
            var frontier = [center]
            var step = 0
            while !frontier.isEmpty, step < radius {
                step += 1
                var next: [String] = []
                for element in frontier {
                    for neighbour in neighbours[element] ?? [] where distance[neighbour] == nil {
                        distance[neighbour] = step
                        next.append(neighbour)
                    }
                }
                frontier = next
            }
        }
        for boundary in index.model.boundaries { roles[boundary.id] = .hidden }
        for element in index.model.elements where distance[element.id] != nil {
            shown[element.id] = .some(nil)
            for boundary in index.boundaries(containing: element) { roles[boundary.id] = .cluster }
        }
        for actor in index.model.threatActors where actor.targets.contains(where: isKeptByFocus) {
            shownActors.insert(actor.id)
        }
        finish { _ in true }
    }

    private func isKeptByFocus(_ id: String) -> Bool { shown[id] != nil || roles[id] == .cluster }

    private mutating func page(of pageBoundary: String, plan: AtlasPlan) {
        // Only the page's subtree is walked: an atlas has a page per boundary of its level.
        var inside: Set<String> = []
        var stack = index.boundary(pageBoundary) == nil ? [] : [pageBoundary]
        while let boundary = stack.popLast() {
            guard inside.insert(boundary).inserted else { continue }
            roles[boundary] = .cluster
            stack += index.childBoundaries(of: boundary).map(\.id)
        }
        for boundary in index.boundaryChain(from: pageBoundary) { roles[boundary.id] = .cluster }

        let index = index
        let isInside = { (element: String) in index.element(element)?.boundary.map(inside.contains) ?? false }
        for element in index.model.elements where isInside(element.id) { shown[element.id] = .some(nil) }
        for flow in index.model.flows {
            for (end, other) in [(flow.from, flow.to), (flow.to, flow.from)] where isInside(other) && !isInside(end) {
                guard shown[end] == nil, let element = index.element(end) else { continue }
                let box = index.outermostBoundary(of: plan.level, around: element.boundary).flatMap(index.boundary)
                shown[end] = .some(Stub(box: box, page: plan.fileName(of: box?.id)))
            }
        }
        for actor in index.model.threatActors {
            let standsInside = actor.boundary.map(inside.contains) ?? false
            if standsInside || actor.targets.contains(where: { isInside($0) || inside.contains($0) }) {
                shownActors.insert(actor.id)
            }
        }
        finish { flow in isInside(flow.from) || isInside(flow.to) }
    }

    // MARK: Placing what the view decided

    /// Places the shown elements and actors in the nearest cluster around them, attaches
    /// every element's edges to its node or box, and collects the edges: the flows
    /// `drawsFlow` accepts between two drawn elements, flows merged between boxes, and the
    /// flows inside each box (counted, not drawn).
    private mutating func finish(drawsFlow: (Flow) -> Bool) {
        for element in index.model.elements {
            if let stub = shown[element.id] {
                placedElements[nearestCluster(around: element.boundary), default: []]
                    .append(PlacedElement(element: element, stub: stub))
                endpoints[element.id] = Endpoint(node: element.id, id: element.id, isBox: false)
                if stub == nil { drawnElementCount += 1 }
            } else if let box = boxOfElement[element.id] {
                endpoints[element.id] = Endpoint(node: DiagramIDs.boxNodeName(box), id: box, isBox: true)
            }
        }
        for actor in index.model.threatActors where shownActors.contains(actor.id) {
            placedActors[nearestCluster(around: actor.boundary), default: []].append(actor)
            actors.append(actor)
        }
        var merged: [MergeKey: Int] = [:]
        for (position, flow) in index.model.flows.enumerated() {
            guard let from = endpoints[flow.from], let to = endpoints[flow.to] else { continue }
            if !from.isBox, !to.isBox {
                if drawsFlow(flow) {
                    edges.append(.flow(position: position))
                    drawnFlows.insert(flow.id)
                }
            } else if from == to {
                boxes[from.id, default: BoxContents()].internalFlows.append(position)
            } else {
                let key = MergeKey(from: from, to: to, bidirectional: flow.bidirectional)
                if let edge = merged[key], case .merged(var flows) = edges[edge] {
                    flows.flows.append(position)
                    edges[edge] = .merged(flows)
                } else {
                    merged[key] = edges.count
                    edges.append(.merged(MergedFlows(from: from, to: to, bidirectional: flow.bidirectional, flows: [position])))
                }
            }
        }
        // `a-to-b` may also be `a` to `b…`: ids that come out twice get a number, in file order.
        var used: Set<String> = []
        for position in edges.indices {
            guard case .merged(var flows) = edges[position] else { continue }
            let base = DiagramIDs.mergedFlows(from: flows.from.id, to: flows.to.id, bidirectional: flows.bidirectional)
            var id = base
            var count = 1
            while !used.insert(id).inserted {
                count += 1
                id = "\(base)-\(count)"
            }
            flows.id = id
            edges[position] = .merged(flows)
        }
    }

    private struct MergeKey: Hashable {
        let from: Endpoint
        let to: Endpoint
        let bidirectional: Bool
    }

    /// The innermost boundary around `boundary` (itself included) drawn as a cluster.
    private func nearestCluster(around boundary: String?) -> String? {
        index.boundaryChain(from: boundary).first { roles[$0.id] == .cluster }?.id
    }
}

extension ModelIndex {
    /// The outermost boundary of `kind` among `boundary` and its ancestors — the box that
    /// stands for it when boundaries of that kind are collapsed.
    func outermostBoundary(of kind: BoundaryKind, around boundary: String?) -> String? {
        boundaryChain(from: boundary).last { $0.kind == kind }?.id
    }
}
