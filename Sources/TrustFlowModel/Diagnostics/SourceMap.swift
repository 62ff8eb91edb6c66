/// Where each part of a model was written: the line and column in a model file, or the
/// Swift file and line of a DSL declaration.
///
/// Kept beside the ``Model`` rather than inside it, so that two models that say the same
/// thing are equal wherever they came from. For a file, the map keeps the parsed tree and
/// finds a path's position only when asked — recording every value up front cost more than
/// the rest of decoding; for the DSL, locations are recorded explicitly.
public struct SourceMap: Sendable {
    /// Locations recorded explicitly, by model path.
    public private(set) var locations: [ModelPath: SourceLocation]
    /// Where the model as a whole starts; used when nothing more precise is known.
    public var fallback: SourceLocation?
    private var tree: ParsedSource?

    /// Creates an empty map.
    public init(fallback: SourceLocation? = nil) {
        self.locations = [:]
        self.fallback = fallback
    }

    /// A map that reads positions from a parsed file's tree.
    public init(tree root: SourceNode, file: String) {
        self.locations = [:]
        self.fallback = SourceLocation(file: file, line: 1, column: 1)
        self.tree = ParsedSource(root: root, file: file)
    }

    /// Records where `path` was written.
    public mutating func record(_ location: SourceLocation, for path: ModelPath) {
        locations[path] = location
    }

    /// The location of `path`, or of the nearest enclosing value that has one.
    public func location(of path: ModelPath) -> SourceLocation? {
        if let tree, let position = SourceMap.position(of: path, in: tree.root) {
            return SourceLocation(file: tree.file, line: position.line, column: position.column)
        }
        var current: ModelPath? = path
        while let candidate = current {
            if let location = locations[candidate] { return location }
            current = candidate.parent
        }
        return fallback
    }

    /// The position of the deepest node of the tree on `path`.
    static func position(of path: ModelPath, in root: SourceNode) -> SourcePosition? {
        var node = root
        for component in path.components {
            switch (component, node.value) {
            case (.key(let key), .mapping(let entries)):
                guard let entry = entries.first(where: { $0.key.text == key }) else { return node.position }
                node = entry.value
            case (.index(let index), .sequence(let items)):
                guard items.indices.contains(index) else { return node.position }
                node = items[index]
            default:
                return node.position
            }
        }
        return node.position
    }
}

/// A parsed file kept for looking up positions later; shared, never copied.
final class ParsedSource: Sendable {
    let root: SourceNode
    let file: String

    init(root: SourceNode, file: String) {
        self.root = root
        self.file = file
    }
}
