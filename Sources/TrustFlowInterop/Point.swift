/// A point of a diagram, in the diagram's own units (Threat Dragon's pixels, y pointing down).
struct Point: Hashable, Sendable {
    var x: Double
    var y: Double
}
