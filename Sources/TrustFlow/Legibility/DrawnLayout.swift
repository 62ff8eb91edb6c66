/// A diagram as Graphviz laid it out, read from its xdot JSON (``GraphvizFormat/xdotJSON``):
/// the box of every cluster and node, where each line of their labels was written, and the
/// path and label of every edge — what ``LegibilityMeasures`` are measured on.
public struct DrawnLayout: Sendable {
    /// A boundary drawn as a Graphviz cluster.
    public struct Cluster: Sendable {
        /// The Graphviz subgraph name.
        public var name: String
        public var box: LayoutBox
        /// Each line of text of the header (kind, name, controls, badges).
        public var header: [LayoutBox]
        /// The enclosing cluster, by position in ``DrawnLayout/clusters``.
        public var parent: Int?
        /// The nodes inside it, at any depth, by position in ``DrawnLayout/nodes``.
        public var nodes: Set<Int>
    }

    /// A node: an element, a box, a label drawn as a node, the legend.
    public struct Node: Sendable {
        /// The Graphviz node name.
        public var name: String
        public var box: LayoutBox
        /// Each line of text of its label.
        public var text: [LayoutBox]
    }

    /// An edge: its path, flattened to line segments, and its label's text.
    public struct Edge: Sendable {
        /// The SVG id (`flow-…`), or the node names when it has none.
        public var id: String
        /// Positions in ``DrawnLayout/nodes``.
        public var tail: Int
        public var head: Int
        public var path: [LayoutPoint]
        /// Each line of text of its label and outside label.
        public var label: [LayoutBox]
    }

    /// Why the bytes are not a layout.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { "cannot read Graphviz's layout: \(message)" }
    }

    /// The whole drawing.
    public var box: LayoutBox
    public var clusters: [Cluster] = []
    public var nodes: [Node] = []
    public var edges: [Edge] = []

    /// Reads Graphviz's `json` output (with drawing operations).
    /// - Throws: ``ReadError`` when the bytes are not such JSON.
    public init(xdotJSON bytes: [UInt8]) throws(ReadError) {
        let root: SourceNode
        do {
            // A big diagram's layout is megabytes: the limits are for models, not for this.
            var limits = ModelLimits.standard
            limits.maxFileBytes = Int.max
            limits.maxDocumentNodes = Int.max
            root = try JSONSourceParser(limits: limits).parse(bytes)
        } catch {
            throw ReadError(message: "\(error.message) at \(error.position.line):\(error.position.column)")
        }
        let graph = JSONFields(root)
        guard let corners = graph.numbers("bb"), corners.count == 4 else { throw ReadError(message: "the graph has no bounding box") }
        box = LayoutBox(minX: corners[0], minY: corners[1], maxX: corners[2], maxY: corners[3])

        // Objects are subgraphs, then nodes; `_gvid` is the position in the list.
        var clusterOfObject: [Int: Int] = [:]
        var nodeOfObject: [Int: Int] = [:]
        let objects = graph.list("objects").map(JSONFields.init)
        for (position, object) in objects.enumerated() {
            if let corners = object.numbers("bb"), corners.count == 4 {
                clusterOfObject[position] = clusters.count
                clusters.append(Cluster(name: object.text("name") ?? "", box: LayoutBox(minX: corners[0], minY: corners[1],
                    maxX: corners[2], maxY: corners[3]), header: Self.textLines(object.list("_ldraw_")), parent: nil, nodes: []))
            } else if let center = object.numbers("pos"), center.count == 2,
                let width = object.text("width").flatMap(Double.init), let height = object.text("height").flatMap(Double.init)
            {
                // Sizes are in inches, at 72 points each.
                nodeOfObject[position] = nodes.count
                nodes.append(Node(name: object.text("name") ?? "", box: LayoutBox(minX: center[0] - width * 36,
                    minY: center[1] - height * 36, maxX: center[0] + width * 36, maxY: center[1] + height * 36),
                    text: Self.textLines(object.list("_ldraw_"))))
            }
        }
        for (position, object) in objects.enumerated() {
            guard let cluster = clusterOfObject[position] else { continue }
            for child in object.list("subgraphs").compactMap(JSONFields.integer) {
                if let inner = clusterOfObject[child] { clusters[inner].parent = cluster }
            }
            clusters[cluster].nodes = Set(object.list("nodes").compactMap(JSONFields.integer).compactMap { nodeOfObject[$0] })
        }
        for edge in graph.list("edges").map(JSONFields.init) {
            guard let tail = edge.integer("tail").flatMap({ nodeOfObject[$0] }), let head = edge.integer("head").flatMap({ nodeOfObject[$0] })
            else { throw ReadError(message: "an edge has no ends") }
            let label = ["_ldraw_", "_xldraw_", "_hldraw_", "_tldraw_"].flatMap { Self.textLines(edge.list($0)) }
            edges.append(Edge(id: edge.text("id") ?? "\(nodes[tail].name) -> \(nodes[head].name)", tail: tail, head: head,
                path: Self.path(edge.text("pos") ?? ""), label: label))
        }
    }

    /// The box of every line of text an xdot operation list writes: `F` sets the font size,
    /// `T` writes a line at a baseline point, aligned left, centred or right, of a width.
    static func textLines(_ operations: [SourceNode]) -> [LayoutBox] {
        var size = 14.0
        var lines: [LayoutBox] = []
        for operation in operations.map(JSONFields.init) {
            switch operation.text("op") {
            case "F":
                size = operation.text("size").flatMap(Double.init) ?? size
            case "T":
                let point = operation.list("pt").compactMap(JSONFields.number)
                guard point.count == 2, let width = operation.text("width").flatMap(Double.init),
                    operation.text("text")?.contains(where: { !$0.isWhitespace }) == true
                else { continue }
                let left = switch operation.text("align") {
                case "l": point[0]
                case "r": point[0] - width
                default: point[0] - width / 2
                }
                // About a fifth of a font's size is below the baseline, the rest above it.
                lines.append(LayoutBox(minX: left, minY: point[1] - size * 0.2, maxX: left + width, maxY: point[1] + size * 0.8))
            default:
                continue
            }
        }
        return lines
    }

    /// An edge's spline (`e,x,y s,x,y x,y x,y …`, several separated by `;`) as line
    /// segments: each cubic Bézier piece at eight points.
    static func path(_ spline: String) -> [LayoutPoint] {
        var points: [LayoutPoint] = []
        for part in spline.split(separator: ";") {
            let controls = part.split(separator: " ").filter { !$0.hasPrefix("s,") && !$0.hasPrefix("e,") }.compactMap { pair in
                let values = pair.split(separator: ",").compactMap { Double($0) }
                return values.count == 2 ? LayoutPoint(x: values[0], y: values[1]) : nil
            }
            guard controls.count >= 4 else { continue }
            for start in stride(from: 0, to: controls.count - 3, by: 3) {
                let (p0, p1, p2, p3) = (controls[start], controls[start + 1], controls[start + 2], controls[start + 3])
                for step in (start == 0 ? 0 : 1)...8 {
                    let t = Double(step) / 8
                    let u = 1 - t
                    let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
                    points.append(LayoutPoint(x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y))
                }
            }
        }
        return points
    }
}

/// The fields of a JSON object, read as Graphviz writes them (numbers as text or as numbers).
private struct JSONFields {
    let entries: [(key: SourceNode.Key, value: SourceNode)]

    init(_ node: SourceNode) {
        if case .mapping(let entries) = node.value { self.entries = entries } else { entries = [] }
    }

    func node(_ key: String) -> SourceNode? { entries.first { $0.key.text == key }?.value }

    func text(_ key: String) -> String? {
        guard let node = node(key), case .scalar(let scalar) = node.value else { return nil }
        return scalar.text
    }

    func integer(_ key: String) -> Int? { text(key).flatMap { Int($0) } }

    func list(_ key: String) -> [SourceNode] {
        guard let node = node(key), case .sequence(let items) = node.value else { return [] }
        return items
    }

    /// `"1.5,2,3"` → `[1.5, 2, 3]`; `nil` when any part is not a number.
    func numbers(_ key: String) -> [Double]? {
        guard let text = text(key) else { return nil }
        let values = text.split(separator: ",").map { Double($0) }
        return values.allSatisfy({ $0 != nil }) ? values.compactMap { $0 } : nil
    }

    static func number(_ node: SourceNode) -> Double? {
        guard case .scalar(let scalar) = node.value else { return nil }
        return Double(scalar.text)
    }

    static func integer(_ node: SourceNode) -> Int? {
        guard case .scalar(let scalar) = node.value else { return nil }
        return Int(scalar.text)
    }
}
