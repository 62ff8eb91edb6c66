/// An open line through points: a flow's path or a boundary curve, with each curve of the
/// drawing taken as the straight segments between its points.
struct Polyline: Hashable, Sendable {
    var points: [Point]

    /// Whether this line and `other` cross or touch anywhere.
    func intersects(_ other: Polyline) -> Bool {
        for (a, b) in zip(points, points.dropFirst()) {
            for (c, d) in zip(other.points, other.points.dropFirst()) where Polyline.segmentsIntersect(a, b, c, d) {
                return true
            }
        }
        return false
    }

    /// Whether segment `ab` meets segment `cd`, collinear overlaps included.
    static func segmentsIntersect(_ a: Point, _ b: Point, _ c: Point, _ d: Point) -> Bool {
        func orientation(_ p: Point, _ q: Point, _ r: Point) -> Int {
            let value = (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)
            return value > 0 ? 1 : value < 0 ? -1 : 0
        }
        func onSegment(_ p: Point, _ q: Point, _ r: Point) -> Bool {
            r.x >= min(p.x, q.x) && r.x <= max(p.x, q.x) && r.y >= min(p.y, q.y) && r.y <= max(p.y, q.y)
        }
        let o1 = orientation(a, b, c)
        let o2 = orientation(a, b, d)
        let o3 = orientation(c, d, a)
        let o4 = orientation(c, d, b)
        if o1 != o2 && o3 != o4 { return true }
        return (o1 == 0 && onSegment(a, b, c)) || (o2 == 0 && onSegment(a, b, d))
            || (o3 == 0 && onSegment(c, d, a)) || (o4 == 0 && onSegment(c, d, b))
    }
}
