import Foundation

/// Where Graphviz put things, read from its SVG: every shape's points are in the one
/// coordinate frame of the graph group, so boxes and points compare directly.
public struct SVGGeometry {
    public struct Box: Equatable, CustomStringConvertible {
        public var minX, minY, maxX, maxY: Double

        /// Whether `point` lies inside, or within `margin` of the border.
        public func contains(_ point: (x: Double, y: Double), margin: Double = 0) -> Bool {
            point.x >= minX - margin && point.x <= maxX + margin && point.y >= minY - margin && point.y <= maxY + margin
        }

        public var description: String { "(\(minX), \(minY))–(\(maxX), \(maxY))" }
    }

    let document: SVGDocument

    public init(_ document: SVGDocument) { self.document = document }

    /// The bounding box of every shape drawn inside the group with SVG id `id` (a cluster's
    /// polygon, a node's ellipse or polygon, an edge's path and arrowheads); nil when absent.
    public func box(of id: String) -> Box? {
        let points = document.contents(ofID: id).flatMap(Self.points)
        guard !points.isEmpty else { return nil }
        return Box(minX: points.map(\.x).min()!, minY: points.map(\.y).min()!, maxX: points.map(\.x).max()!,
            maxY: points.map(\.y).max()!)
    }

    /// The centre of the last arrowhead of the edge with SVG id `id`: where the edge ends.
    public func arrowhead(of id: String) -> (x: Double, y: Double)? {
        guard let head = document.contents(ofID: id).last(where: { $0.name == "polygon" }) else { return nil }
        let points = Self.points(head)
        guard !points.isEmpty else { return nil }
        return (points.map(\.x).reduce(0, +) / Double(points.count), points.map(\.y).reduce(0, +) / Double(points.count))
    }

    /// The points of a shape: polygon and polyline points, path coordinates, ellipse extremes.
    static func points(_ element: SVGDocument.Element) -> [(x: Double, y: Double)] {
        func numbers(_ text: String) -> [Double] {
            text.split(whereSeparator: { !("0123456789.-e".contains($0)) }).compactMap { Double($0) }
        }
        func pairs(_ values: [Double]) -> [(x: Double, y: Double)] {
            stride(from: 0, to: values.count - 1, by: 2).map { (values[$0], values[$0 + 1]) }
        }
        switch element.name {
        case "polygon", "polyline": return pairs(numbers(element.attributes["points"] ?? ""))
        case "path": return pairs(numbers(element.attributes["d"] ?? ""))
        case "ellipse":
            let values = ["cx", "cy", "rx", "ry"].map { Double(element.attributes[$0] ?? "") ?? 0 }
            return [(values[0] - values[2], values[1] - values[3]), (values[0] + values[2], values[1] + values[3])]
        default: return []
        }
    }
}
