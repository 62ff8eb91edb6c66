/// The flows of a collapsed view pair by pair: what the boundary matrix draws.
///
/// Its rows and columns are the view's boxes, and the elements outside every box that a flow
/// starts or ends at, in the order the view draws them (file order, depth first). A pair's
/// flows are those its merged edge (or its flow between two elements) carries; a flow both
/// ways counts for both directions; a box's flows inside it are its own pair, on the diagonal.
struct BoundaryMatrix {
    let ends: [ViewProjection.Endpoint]
    /// Positions in ``Model/flows`` for each pair that has flows, in file order.
    let flows: [MatrixTable.Position: [Int]]

    init(_ projection: ViewProjection) {
        let model = projection.index.model
        var pairs: [(from: ViewProjection.Endpoint, to: ViewProjection.Endpoint, flow: Int, bothWays: Bool)] = []
        for edge in projection.edges {
            switch edge {
            case .flow(let position):
                let flow = model.flows[position]
                guard let from = projection.endpoints[flow.from], let to = projection.endpoints[flow.to] else { continue }
                pairs.append((from, to, position, flow.bidirectional))
            case .merged(let merged):
                pairs += merged.flows.map { (merged.from, merged.to, $0, merged.bidirectional) }
            }
        }
        let connected = Set(pairs.flatMap { [$0.from, $0.to] })
        ends = projection.endpointsInDrawingOrder.filter { $0.isBox || connected.contains($0) }
        var place: [ViewProjection.Endpoint: Int] = [:]
        for (position, end) in ends.enumerated() { place[end] = position }

        var flows: [MatrixTable.Position: [Int]] = [:]
        func add(_ from: ViewProjection.Endpoint, _ to: ViewProjection.Endpoint, _ flow: Int) {
            guard let row = place[from], let column = place[to] else { return }
            flows[MatrixTable.Position(row: row, column: column), default: []].append(flow)
        }
        for pair in pairs {
            add(pair.from, pair.to, pair.flow)
            if pair.bothWays, pair.from != pair.to { add(pair.to, pair.from, pair.flow) }
        }
        for end in ends where end.isBox {
            for flow in projection.boxes[end.id]?.internalFlows ?? [] { add(end, end, flow) }
        }
        self.flows = flows.mapValues { $0.sorted() }
    }

    /// The pairs with flows, row by row.
    var pairs: [MatrixTable.Position] {
        flows.keys.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
    }
}
