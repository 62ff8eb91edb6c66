/// Where each part of a model was written: the line and column in a model file, or the
/// Swift file and line of a DSL declaration.
///
/// Kept beside the ``Model`` rather than inside it, so that two models that say the same
/// thing are equal wherever they came from.
public struct SourceMap: Hashable, Sendable {
    /// Locations by model path, for every value the decoder read.
    public private(set) var locations: [ModelPath: SourceLocation]
    /// Where the model as a whole starts; used when nothing more precise is known.
    public var fallback: SourceLocation?

    /// Creates an empty map.
    public init(fallback: SourceLocation? = nil) {
        self.locations = [:]
        self.fallback = fallback
    }

    /// Records where `path` was written.
    public mutating func record(_ location: SourceLocation, for path: ModelPath) {
        locations[path] = location
    }

    /// The location of `path`, or of the nearest enclosing value that has one.
    public func location(of path: ModelPath) -> SourceLocation? {
        var current: ModelPath? = path
        while let candidate = current {
            if let location = locations[candidate] { return location }
            current = candidate.parent
        }
        return fallback
    }
}
