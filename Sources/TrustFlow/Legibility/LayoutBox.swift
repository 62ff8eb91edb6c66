/// A rectangle of a laid-out diagram, in Graphviz's points (y grows upwards).
public struct LayoutBox: Hashable, Sendable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The box around `boxes`; `nil` for none.
    init?(around boxes: [LayoutBox]) {
        guard let first = boxes.first else { return nil }
        self = boxes.dropFirst().reduce(first) { box, other in
            LayoutBox(minX: min(box.minX, other.minX), minY: min(box.minY, other.minY),
                maxX: max(box.maxX, other.maxX), maxY: max(box.maxY, other.maxY))
        }
    }

    /// Whether the two boxes share more than a border: rectangles that touch, or overlap by
    /// less than Graphviz's rounding (half a point), do not.
    public func overlaps(_ other: LayoutBox) -> Bool {
        let tolerance = 0.5
        return minX < other.maxX - tolerance && other.minX < maxX - tolerance
            && minY < other.maxY - tolerance && other.minY < maxY - tolerance
    }

    /// Whether `other` lies inside this box, up to the same rounding.
    public func contains(_ other: LayoutBox) -> Bool {
        let tolerance = 0.5
        return other.minX >= minX - tolerance && other.maxX <= maxX + tolerance
            && other.minY >= minY - tolerance && other.maxY <= maxY + tolerance
    }

    /// This box shrunk by `distance` on every side.
    func inset(by distance: Double) -> LayoutBox {
        LayoutBox(minX: minX + distance, minY: minY + distance, maxX: maxX - distance, maxY: maxY - distance)
    }

    /// Whether the segment from `start` to `end` runs through the box (Liang–Barsky clipping).
    func isCrossed(from start: LayoutPoint, to end: LayoutPoint) -> Bool {
        guard minX < maxX, minY < maxY else { return false }
        let dx = end.x - start.x
        let dy = end.y - start.y
        var enter = 0.0
        var leave = 1.0
        for (direction, distance) in [(-dx, start.x - minX), (dx, maxX - start.x), (-dy, start.y - minY), (dy, maxY - start.y)] {
            if direction == 0 {
                if distance < 0 { return false }
                continue
            }
            let ratio = distance / direction
            if direction < 0 { enter = max(enter, ratio) } else { leave = min(leave, ratio) }
            if enter > leave { return false }
        }
        return true
    }
}

/// A point of a laid-out diagram, in points.
public struct LayoutPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// Whether two segments cross at a point inside both (touching ends do not count).
func segmentsCross(_ a: LayoutPoint, _ b: LayoutPoint, _ c: LayoutPoint, _ d: LayoutPoint) -> Bool {
    func side(_ p: LayoutPoint, _ q: LayoutPoint, _ r: LayoutPoint) -> Double {
        (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)
    }
    let abc = side(a, b, c)
    let abd = side(a, b, d)
    let cda = side(c, d, a)
    let cdb = side(c, d, b)
    return ((abc > 0 && abd < 0) || (abc < 0 && abd > 0)) && ((cda > 0 && cdb < 0) || (cda < 0 && cdb > 0))
}
