/// An axis-aligned rectangle: a Threat Dragon cell's box, a Graphviz cluster's bounding box.
struct Rectangle: Hashable, Sendable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var area: Double { width * height }
    var center: Point { Point(x: x + width / 2, y: y + height / 2) }

    /// Whether `point` is inside or on the edge.
    func contains(_ point: Point) -> Bool {
        point.x >= x && point.x <= x + width && point.y >= y && point.y <= y + height
    }

    /// Whether `other` lies wholly inside this rectangle (edges may touch).
    func contains(_ other: Rectangle) -> Bool {
        other.x >= x && other.y >= y && other.x + other.width <= x + width && other.y + other.height <= y + height
    }

    /// Whether the two rectangles share any area.
    func overlaps(_ other: Rectangle) -> Bool {
        other.x < x + width && x < other.x + other.width && other.y < y + height && y < other.y + other.height
    }
}
