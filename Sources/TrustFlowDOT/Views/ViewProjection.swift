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
    private(set) var shown: [String: Stub?] = [:]
    private(set) var boxOfElement: [String: String] = [:]
    private(set) var shownActors: Set<String> = []
    private(set) var drawnFlows: Set<String> = []

    /// What `view` draws; an atlas's pages pass its `atlas` plan rather than each making it.
    init(_ index: ModelIndex, view: DiagramView, atlas: AtlasPlan? = nil) {
        self.index = index
        self.view = view
        switch view {
        case .full:
            showEverything()
        case .collapse(let level):
            collapse(at: level)
        case .matrix(let level):
            // A matrix that is an atlas's page links its rows to their pages.
            self.atlas = atlas?.level == level ? atlas : nil
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
        // An atlas has a page per boundary of its level, so a page walks only its subtree and
        // the flows at its elements, never the whole model.
        var inside: Set<String> = []
        var elements: [Int] = []
        var stack = index.boundary(pageBoundary) == nil ? [] : [pageBoundary]
        while let boundary = stack.popLast() {
            guard inside.insert(boundary).inserted else { continue }
            roles[boundary] = .cluster
            for element in index.elements(in: boundary) {
                shown[element.id] = .some(nil)
                elements += index.elementPosition(element.id).map { [$0] } ?? []
            }
            stack += index.childBoundaries(of: boundary).map(\.id)
        }
        for boundary in index.boundaryChain(from: pageBoundary) { roles[boundary.id] = .cluster }

        let index = index
        let isInside = { (element: String) in index.element(element)?.boundary.map(inside.contains) ?? false }
        let flows = Set(elements.flatMap { plan.flowsAtElement[index.model.elements[$0].id] ?? [] }).sorted()
        for flow in flows.map({ index.model.flows[$0] }) {
            for end in [flow.from, flow.to] where shown[end] == nil {
                guard let element = index.element(end), let position = index.elementPosition(end) else { continue }
                let box = index.outermostBoundary(of: plan.level, around: element.boundary).flatMap(index.boundary)
                shown[end] = .some(Stub(box: box, page: plan.fileName(of: box?.id)))
                elements.append(position)
            }
        }
        for actor in index.model.threatActors {
            let standsInside = actor.boundary.map(inside.contains) ?? false
            if standsInside || actor.targets.contains(where: { isInside($0) || inside.contains($0) }) {
                shownActors.insert(actor.id)
            }
        }
        finish(elements: elements.sorted(), flows: flows) { _ in true }
    }

    // MARK: Placing what the view decided

    /// Places the shown elements and actors in the nearest cluster around them, attaches
    /// every element's edges to its node or box, and collects the edges: the flows
    /// `drawsFlow` accepts between two drawn elements, flows merged between boxes, and the
    /// flows inside each box (counted, not drawn). `elements` and `flows` (positions in file
    /// order) limit the walk to what the view can draw; `nil` is everything.
    private mutating func finish(elements: [Int]? = nil, flows: [Int]? = nil, drawsFlow: (Flow) -> Bool) {
        let model = index.model
        for element in elements.map({ $0.map { model.elements[$0] } }) ?? model.elements {
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
        for position in flows ?? Array(model.flows.indices) {
            let flow = model.flows[position]
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
