import TrustFlowDOT
import TrustFlowModel

/// Where Graphviz put a model's boundaries, elements and flows, read from its JSON output
/// (``GraphvizFormat/json``) and turned into Threat Dragon's coordinates: the origin at the
/// top left, y pointing down, one pixel per point.
///
/// Objects are matched to the model by the ids the diagram gives them (``DiagramIDs``), so
/// the layout of TrustFlow's own diagram — the one `trustflow render` draws — is the layout
/// an export uses.
public struct DiagramLayout: Sendable {
    /// Why Graphviz's output could not be read.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        /// What is wrong.
        public var message: String
        public var description: String { "cannot read Graphviz's layout: \(message)" }
    }

    /// Each boundary's box, by model id.
    var boundaries: [String: Rectangle] = [:]
    /// Each element's box, by model id.
    var elements: [String: Rectangle] = [:]
    /// The middle of each flow's drawn curve, by model id: where Threat Dragon bends it.
    var flowMidpoints: [String: Point] = [:]

    /// Reads Graphviz's JSON output for the diagram of `model`.
    /// - Throws: ``ReadError`` when the bytes are not Graphviz JSON with a bounding box.
    public init(graphvizJSON bytes: [UInt8], model: Model) throws(ReadError) {
        let root: SourceNode
        do {
            root = try JSONSourceParser().parse(bytes)
        } catch {
            throw ReadError(message: "\(error.message) at \(error.position.line):\(error.position.column)")
        }
        guard case .mapping(let graph) = root.value, let box = Self.numbers(Self.text(graph, "bb")), box.count == 4 else {
            throw ReadError(message: "the graph has no bounding box")
        }
        let height = box[3]
        func flipped(_ x: Double, _ y: Double) -> Point { Point(x: x, y: height - y) }

        var boundaryIDs: [String: String] = [:]
        for boundary in model.boundaries { boundaryIDs[DiagramIDs.boundary(boundary.id)] = boundary.id }
        var elementIDs: [String: String] = [:]
        for element in model.elements { elementIDs[DiagramIDs.element(element.id)] = element.id }
        var flowIDs: [String: String] = [:]
        var labelIDs: [String: String] = [:]
        for flow in model.flows {
            flowIDs[DiagramIDs.flow(flow.id)] = flow.id
            labelIDs[DiagramIDs.edgeLabel(DiagramIDs.flow(flow.id))] = flow.id
        }

        for object in Self.list(graph, "objects") {
            guard case .mapping(let entries) = object.value, let id = Self.text(entries, "id") else { continue }
            if let boundary = boundaryIDs[id], let corners = Self.numbers(Self.text(entries, "bb")), corners.count == 4 {
                let topLeft = flipped(corners[0], corners[3])
                boundaries[boundary] = Rectangle(x: topLeft.x, y: topLeft.y, width: corners[2] - corners[0],
                    height: corners[3] - corners[1])
            } else if let element = elementIDs[id], let center = Self.numbers(Self.text(entries, "pos")), center.count == 2,
                let width = Self.text(entries, "width").flatMap(Double.init), let height = Self.text(entries, "height").flatMap(Double.init)
            {
                // Graphviz gives node sizes in inches, at 72 points each.
                let size = (width: width * 72, height: height * 72)
                let middle = flipped(center[0], center[1])
                elements[element] = Rectangle(x: middle.x - size.width / 2, y: middle.y - size.height / 2,
                    width: size.width, height: size.height)
            } else if let flow = labelIDs[id], let center = Self.numbers(Self.text(entries, "pos")), center.count == 2 {
                // A flow whose label `dot` laid out as a node bends where its label is.
                flowMidpoints[flow] = flipped(center[0], center[1])
            }
        }
        for edge in Self.list(graph, "edges") {
            guard case .mapping(let entries) = edge.value, let id = Self.text(entries, "id"), let flow = flowIDs[id],
                let spline = Self.text(entries, "pos")
            else { continue }
            // `s,x,y` and `e,x,y` are the arrowheads' tips; the rest are the Bézier points.
            let points = spline.split(separator: " ").filter { !$0.hasPrefix("s,") && !$0.hasPrefix("e,") }
                .compactMap { Self.numbers(String($0)) }.filter { $0.count == 2 }
            if !points.isEmpty, flowMidpoints[flow] == nil {
                let middle = points[points.count / 2]
                flowMidpoints[flow] = flipped(middle[0], middle[1])
            }
        }
        try checkComplete(model)
    }

    /// Every boundary and element must have a place: an export without one would put it
    /// nowhere.
    private func checkComplete(_ model: Model) throws(ReadError) {
        if let missing = model.boundaries.first(where: { boundaries[$0.id] == nil }) {
            throw ReadError(message: "Graphviz gave no box for the boundary '\(missing.id)'")
        }
        if let missing = model.elements.first(where: { elements[$0.id] == nil }) {
            throw ReadError(message: "Graphviz gave no position for the element '\(missing.id)'")
        }
    }

    private static func text(_ entries: [(key: SourceNode.Key, value: SourceNode)], _ key: String) -> String? {
        guard let entry = entries.first(where: { $0.key.text == key }), case .scalar(let scalar) = entry.value.value else { return nil }
        return scalar.text
    }

    private static func list(_ entries: [(key: SourceNode.Key, value: SourceNode)], _ key: String) -> [SourceNode] {
        guard let entry = entries.first(where: { $0.key.text == key }), case .sequence(let items) = entry.value.value else { return [] }
        return items
    }

    /// `"1.5,2,3"` → `[1.5, 2, 3]`; `nil` when any part is not a finite number.
    private static func numbers(_ text: String?) -> [Double]? {
        guard let text else { return nil }
        let values = text.split(separator: ",").map { Double($0) }
        guard values.allSatisfy({ $0?.isFinite == true }) else { return nil }
        return values.compactMap { $0 }
    }
}
