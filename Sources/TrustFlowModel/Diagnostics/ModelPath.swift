/// Where a value sits inside a model, written like `flows[2].to`.
public struct ModelPath: Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// One step of a path.
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    /// The steps from the top of the model.
    public private(set) var components: [Component]

    /// The top of the model.
    public static let root = ModelPath(components: [])

    /// Creates a path from its steps.
    public init(components: [Component]) { self.components = components }

    /// Parses the `a[1].b` notation; keys are split on dots, `[n]` is an index.
    public init(stringLiteral value: String) {
        // Most literals are a single key ("flows"); they need no parsing.
        if !value.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "[") }) {
            components = value.isEmpty ? [] : [.key(value)]
            return
        }
        var components: [Component] = []
        for part in value.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                components.append(.key(String(rest[..<bracket])))
                rest = rest[bracket...]
                while rest.first == "[", let close = rest.firstIndex(of: "]") {
                    components.append(.index(Int(rest[rest.index(after: rest.startIndex)..<close]) ?? 0))
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                components.append(.key(String(rest)))
            }
        }
        self.components = components
    }

    /// This path followed by a key.
    public func appending(_ key: String) -> ModelPath { ModelPath(components: components + [.key(key)]) }
    /// This path followed by an index.
    public func appending(_ index: Int) -> ModelPath { ModelPath(components: components + [.index(index)]) }

    /// The path one step up, or `nil` at the root.
    public var parent: ModelPath? {
        components.isEmpty ? nil : ModelPath(components: Array(components.dropLast()))
    }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    public static func < (lhs: ModelPath, rhs: ModelPath) -> Bool {
        for (left, right) in zip(lhs.components, rhs.components) where left != right {
            switch (left, right) {
            case (.index(let a), .index(let b)): return a < b
            case (.key(let a), .key(let b)): return a < b
            case (.index, .key): return true
            case (.key, .index): return false
            }
        }
        return lhs.components.count < rhs.components.count
    }
}
