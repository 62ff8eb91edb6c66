import TrustFlowModel

/// Where the cells of one Threat Dragon diagram sit relative to its trust boundaries, which
/// record no members: a box's parent is the smallest other box around it, an element's box
/// the smallest box around its centre (noted when the element reaches over that box's edge),
/// and a curve, having no inside, is only crossed.
struct ThreatDragonPlacement {
    /// Boxes times (boxes + elements), plus curves' points times flows' points: far above any
    /// drawing a person makes, and it keeps a hostile file from taking minutes.
    static let maxGeometryChecks = 25_000_000

    private var parents: [String: String] = [:]
    private var boxes: [String: ThreatDragonCell] = [:]
    private var straddling: Set<String> = []
    private let centers: [String: Point]

    /// Places the cells; `nil` (after an error) when the diagram is too big to place.
    init?(cells: [ThreatDragonCell], context: ImportContext, at position: SourcePosition) {
        // Ordered by area, then by file order: a box's parent comes later in this order, so
        // two boxes drawn on the same spot nest one way only and no parent chain loops.
        let framed = cells.enumerated().compactMap { index, cell in
            cell.kind == .box ? cell.frame.map { (index: index, cell: cell, frame: $0) } : nil
        }.sorted { ($0.frame.area, $0.index) < ($1.frame.area, $1.index) }
        let elements = cells.filter(\.isElement)
        func points(_ kind: ThreatDragonCell.Kind) -> Int { cells.filter { $0.kind == kind }.reduce(0) { $0 + $1.vertices.count + 2 } }
        let checks = framed.count * (framed.count + elements.count) + points(.curve) * points(.flow)
        guard checks <= Self.maxGeometryChecks else {
            context.error("""
                the diagram has \(framed.count) trust boundary boxes, \(elements.count) elements and \
                \(cells.filter { $0.kind == .curve }.count) trust boundary curves: placing them takes \(checks) geometry \
                checks, more than the limit of \(Self.maxGeometryChecks)
                """, path: .root, at: position)
            return nil
        }
        for (order, box) in framed.enumerated() {
            if let parent = framed[(order + 1)...].first(where: { $0.frame.contains(box.frame) }) {
                parents[box.cell.id] = parent.cell.id
            }
        }
        for element in elements {
            guard let frame = element.frame, let box = framed.first(where: { $0.frame.contains(frame.center) }) else { continue }
            boxes[element.id] = box.cell
            if !box.frame.contains(frame) { straddling.insert(element.id) }
        }
        centers = Dictionary(cells.compactMap { cell in cell.frame.map { (cell.id, $0.center) } }, uniquingKeysWith: { first, _ in first })
    }

    /// The cell id of the box directly around a box.
    func parent(of box: String) -> String? { parents[box] }

    /// The box directly around an element.
    func box(of element: String) -> ThreatDragonCell? { boxes[element] }

    /// Whether an element reaches over the edge of its box (placed by its centre).
    func straddles(_ element: String) -> Bool { straddling.contains(element) }

    /// Whether a flow's path crosses a curve, both taken as the straight segments between
    /// their ends and bends (Threat Dragon draws them as smooth curves through the same points).
    func crosses(_ curve: ThreatDragonCell, _ flow: ThreatDragonCell) -> Bool {
        guard let curveLine = line(of: curve), let flowLine = line(of: flow) else { return false }
        return curveLine.intersects(flowLine)
    }

    private func line(of cell: ThreatDragonCell) -> Polyline? {
        guard let start = point(of: cell.source), let end = point(of: cell.target) else { return nil }
        return Polyline(points: [start] + cell.vertices + [end])
    }

    private func point(of end: ThreatDragonCell.End?) -> Point? {
        switch end {
        case .point(let point): point
        case .cell(let id, _): centers[id]
        case nil: nil
        }
    }
}
