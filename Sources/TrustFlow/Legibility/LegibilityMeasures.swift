/// How readable a laid-out node-link diagram is, counted on where Graphviz put things
/// (``DrawnLayout``): labels over labels, boxes or boundary headers, labels across a border,
/// boxes over boxes, edges through boxes, edge crossings, and the picture's size.
///
/// ``isLegible`` is the bar an overview must clear to be drawn as boxes and edges; above it
/// `auto` draws the boundary matrix (``OverviewPicture``). The limits come from measuring
/// collapsed views of `Benchmarks/generate_model.py` models of 10 to 1000 services (BENCHMARKS.md,
/// "Legible overviews"): up to about 30 merged edges `dot` kept crossings under three per
/// box; beyond that they grew with the square of the edges (52 edges: 10 per box, 206: 90)
/// and the picture outgrew any screen.
public struct LegibilityMeasures: Hashable, Sendable, CustomStringConvertible {
    /// Edge labels (on an edge, or drawn as nodes) over another label, a box, or a line of a
    /// boundary's header; each pair once.
    public var labelOverlaps = 0
    /// Of those, labels over a line of a boundary's header (kind and name, controls, badges).
    public var labelsOnHeaders = 0
    /// Labels that cross a boundary's border, partly inside it.
    public var labelsOnBorders = 0
    /// Boxes over boxes: nodes over nodes, clusters over a sibling, nodes over a cluster they
    /// are not in.
    public var boxOverlaps = 0
    /// Edges that run through a box they neither start nor end at; each pair once.
    public var edgesThroughBoxes = 0
    /// Edges that run through another edge's label.
    public var edgesThroughLabels = 0
    /// Edges that run through a line of a boundary's header.
    public var edgesThroughHeaders = 0
    /// Points where two edges that share no end cross.
    public var edgeCrossings = 0
    /// The boxes a reader reads: elements, threat actors, collapsed boundaries, stubs.
    public var boxes = 0
    /// The picture's size at 96 pixels per inch (100 % zoom in a browser).
    public var width = 0
    public var height = 0

    /// At most this many edge crossings per box.
    public static let crossingsPerBoxLimit = 3.0
    /// At most this many pixels on the longer side.
    public static let sideLimit = 4000

    public init() {}

    /// Crossings per box drawn.
    public var crossingsPerBox: Double { Double(edgeCrossings) / Double(max(1, boxes)) }

    /// No label over anything or across a border, no box over another, no edge through a box,
    /// at most ``crossingsPerBoxLimit`` crossings per box and at most ``sideLimit`` pixels a side.
    public var isLegible: Bool {
        labelOverlaps == 0 && labelsOnBorders == 0 && boxOverlaps == 0 && edgesThroughBoxes == 0
            && crossingsPerBox <= Self.crossingsPerBoxLimit && max(width, height) <= Self.sideLimit
    }

    public var description: String {
        "\(labelOverlaps) label overlaps (\(labelsOnHeaders) on headers), \(labelsOnBorders) labels on borders, "
            + "\(boxOverlaps) box overlaps, \(edgesThroughBoxes) edges through boxes, \(edgesThroughLabels) through labels, "
            + "\(edgesThroughHeaders) through headers, \(edgeCrossings) crossings for \(boxes) boxes, \(width)×\(height) px"
    }

    /// The measures of a layout.
    public init(_ layout: DrawnLayout) {
        let labelNodes = Set(layout.nodes.indices.filter { DiagramIDs.isLabelNode(layout.nodes[$0].name) })
        boxes = layout.nodes.filter { DiagramIDs.isBox(nodeName: $0.name) }.count
        // A label drawn as a node is its text; one on an edge is the text Graphviz wrote there.
        var labels: [(owner: Int?, box: LayoutBox)] = labelNodes.sorted().compactMap { node in
            LayoutBox(around: layout.nodes[node].text).map { (node, $0) }
        }
        labels += layout.edges.compactMap { edge in LayoutBox(around: edge.label).map { (nil, $0) } }
        let obstacles = layout.nodes.indices.filter { !labelNodes.contains($0) }

        for (position, label) in labels.enumerated() {
            labelOverlaps += labels[(position + 1)...].filter { $0.box.overlaps(label.box) }.count
            labelOverlaps += obstacles.filter { layout.nodes[$0].box.overlaps(label.box) }.count
            for cluster in layout.clusters {
                if cluster.header.contains(where: { $0.overlaps(label.box) }) { labelsOnHeaders += 1 }
                if cluster.box.overlaps(label.box), !cluster.box.contains(label.box) { labelsOnBorders += 1 }
            }
        }
        labelOverlaps += labelsOnHeaders

        for (position, node) in obstacles.enumerated() {
            boxOverlaps += obstacles[(position + 1)...].filter { layout.nodes[$0].box.overlaps(layout.nodes[node].box) }.count
            boxOverlaps += layout.clusters.filter { !$0.nodes.contains(node) && $0.box.overlaps(layout.nodes[node].box) }.count
        }
        for (position, cluster) in layout.clusters.enumerated() {
            boxOverlaps += layout.clusters[(position + 1)...].filter { $0.parent == cluster.parent && $0.box.overlaps(cluster.box) }.count
        }

        let pathBoxes = layout.edges.map { LayoutBox(around: $0.path.map { LayoutBox(minX: $0.x, minY: $0.y, maxX: $0.x, maxY: $0.y) }) }
        for (position, edge) in layout.edges.enumerated() {
            guard let reach = pathBoxes[position] else { continue }
            func runsThrough(_ box: LayoutBox) -> Bool {
                box.overlaps(reach) && zip(edge.path, edge.path.dropFirst()).contains { box.isCrossed(from: $0, to: $1) }
            }
            // An edge ends at a box's border; a few points inside it are where it meets it.
            for node in obstacles where node != edge.tail && node != edge.head && runsThrough(layout.nodes[node].box.inset(by: 3)) {
                edgesThroughBoxes += 1
            }
            for label in labels where label.owner != edge.tail && label.owner != edge.head && runsThrough(label.box) {
                edgesThroughLabels += 1
            }
            edgesThroughHeaders += layout.clusters.filter { $0.header.contains(where: runsThrough) }.count
            for (otherPosition, other) in layout.edges.enumerated().dropFirst(position + 1) {
                guard let otherReach = pathBoxes[otherPosition], otherReach.overlaps(reach),
                    Set([edge.tail, edge.head]).isDisjoint(with: [other.tail, other.head])
                else { continue }
                for (start, end) in zip(edge.path, edge.path.dropFirst()) {
                    for (otherStart, otherEnd) in zip(other.path, other.path.dropFirst()) where segmentsCross(start, end, otherStart, otherEnd) {
                        edgeCrossings += 1
                    }
                }
            }
        }
        width = Int((layout.box.maxX - layout.box.minX) * 4 / 3 + 0.5)
        height = Int((layout.box.maxY - layout.box.minY) * 4 / 3 + 0.5)
    }
}
