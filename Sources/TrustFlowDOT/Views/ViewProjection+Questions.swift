import TrustFlowModel

/// What the builder asks a projection while drawing.
extension ViewProjection {
    func role(of boundary: String) -> BoundaryRole { roles[boundary] ?? .hidden }

    /// How the drawn flows are protected, merged flows by their weakest.
    var flowSecurities: Set<FlowSecurity> {
        Set(edges.map { edge in
            switch edge {
            case .flow(let position): FlowSecurity(index.model.flows[position].encryption)
            case .merged(let merged): FlowSecurity.weakest(merged.flows.map { FlowSecurity(index.model.flows[$0].encryption) })
            }
        })
    }

    /// The items whose findings the view shows: what it draws, what its boxes and merged edges
    /// sum up — not stubs or what it leaves out.
    var itemsShowingFindings: Set<String> {
        var items = Set(shown.compactMap { $0.value == nil ? $0.key : nil })
        items.formUnion(boxOfElement.keys)
        items.formUnion(roles.compactMap { $0.value == .hidden ? nil : $0.key })
        items.formUnion(drawnFlows)
        items.formUnion(shownActors)
        for contents in boxes.values {
            items.formUnion(contents.boundaries)
            items.formUnion(contents.internalFlows.map { index.model.flows[$0].id })
        }
        for case .merged(let merged) in edges { items.formUnion(merged.flows.map { index.model.flows[$0].id }) }
        return items
    }

    /// The kinds of the boundaries drawn, as clusters or boxes.
    var drawnBoundaryKinds: Set<BoundaryKind> {
        Set(roles.compactMap { $0.value == .hidden ? nil : index.boundary($0.key)?.kind })
    }

    /// The kinds of the elements drawn in full.
    var drawnElementKinds: Set<ElementKind> {
        Set(placedElements.values.joined().compactMap { $0.stub == nil ? $0.element.kind : nil })
    }

    /// Whether the diagram is packed in rows in file order, for `osage`.
    func isPacked(_ packing: Packing) -> Bool {
        switch packing {
        case .byView: view.isPacked(edgeCount: edges.count)
        case .always: true
        case .never: false
        }
    }

    /// Whether a box, a merged edge or a stub is drawn — what the legend's view section explains.
    var drawsBoxes: Bool { roles.values.contains(.collapsed) }
    var drawsMergedFlows: Bool { edges.contains { if case .merged = $0 { true } else { false } } }
    var drawsStubs: Bool { shown.values.contains { $0 != nil } }
    /// How the first edge drawn with an arrowhead at each end is protected, if any is drawn.
    var bidirectionalSecurity: FlowSecurity? {
        for edge in edges {
            switch edge {
            case .flow(let position) where index.model.flows[position].bidirectional:
                return FlowSecurity(index.model.flows[position].encryption)
            case .merged(let merged) where merged.bidirectional:
                return FlowSecurity.weakest(merged.flows.map { FlowSecurity(index.model.flows[$0].encryption) })
            default:
                continue
            }
        }
        return nil
    }

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

    /// The innermost cluster around both ends of an edge (`nil`: none is), where a label
    /// drawn as a node belongs: inside every boundary the edge stays in, outside the others.
    func innermostCluster(around edge: Edge) -> String? {
        let ends: (from: Endpoint?, to: Endpoint?) = switch edge {
        case .flow(let position): (endpoints[index.model.flows[position].from], endpoints[index.model.flows[position].to])
        case .merged(let merged): (merged.from, merged.to)
        }
        guard let from = ends.from, let to = ends.to else { return nil }
        let aroundTo = Set(clusters(around: to))
        return clusters(around: from).first(where: aroundTo.contains)
    }

    /// The clusters around an edge's end, innermost first: a box sits in the clusters around
    /// its boundary, an element in those around its own.
    private func clusters(around end: Endpoint) -> [String] {
        let start = end.isBox ? index.boundary(end.id)?.parent : index.element(end.id)?.boundary
        return index.boundaryChain(from: start).compactMap { role(of: $0.id) == .cluster ? $0.id : nil }
    }

    /// The boxes and the elements drawn in full, in the order the diagram draws them: in file
    /// order, depth first — the elements in a cluster, then its boxes and inner clusters.
    var endpointsInDrawingOrder: [Endpoint] {
        var order: [Endpoint] = []
        func walk(_ boundary: String?) {
            order += elements(in: boundary).compactMap { placed in placed.stub == nil ? endpoints[placed.element.id] : nil }
            for child in index.childBoundaries(of: boundary) {
                switch role(of: child.id) {
                case .collapsed: order.append(Endpoint(node: DiagramIDs.boxNodeName(child.id), id: child.id, isBox: true))
                case .cluster: walk(child.id)
                case .hidden: continue
                }
            }
        }
        walk(nil)
        return order
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
                return AttackHead(node: endpoint.node, target: target, label: element.label)
            }
            return AttackHead(node: endpoint.node, target: box.id,
                label: "\(element.label) (inside \(box.kind.rawValue) \(box.label))")
        }
        guard let boundary = index.boundary(target) else { return nil }
        let label = "\(boundary.kind.rawValue) \(boundary.label)"
        switch role(of: boundary.id) {
        case .cluster:
            return AttackHead(node: firstNode(in: boundary.id) ?? DiagramIDs.emptyNodeName(boundary.id), target: target,
                label: label, boundary: boundary.id,
                actorInside: index.boundaryChain(from: actor.boundary).contains { $0.id == boundary.id })
        case .collapsed, .hidden:
            guard let box = box(containing: boundary.id), let drawn = index.boundary(box) else { return nil }
            let inside = box == boundary.id ? "" : " (inside \(drawn.kind.rawValue) \(drawn.label))"
            return AttackHead(node: DiagramIDs.boxNodeName(box), target: box, label: label + inside)
        }
    }
}
