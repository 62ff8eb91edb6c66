/// Attributes in the order they are set; setting a name again replaces its value in place,
/// so the output order is stable.
public struct DOTAttributes: Hashable, Sendable, ExpressibleByDictionaryLiteral, Sequence {
    public private(set) var entries: [(name: String, value: DOTValue)] = []

    public init() {}

    /// Literal order is kept; a literal names each attribute once, so nothing is searched.
    public init(dictionaryLiteral elements: (String, DOTValue)...) {
        entries = elements.map { (name: $0.0, value: $0.1) }
    }

    public subscript(name: String) -> DOTValue? {
        get { entries.first { $0.name == name }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.name == name }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((name, newValue))
            }
        }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Sets every attribute of `other`, in its order.
    public mutating func merge(_ other: DOTAttributes) {
        for (name, value) in other { self[name] = value }
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: DOTValue)]> { entries.makeIterator() }

    public static func == (lhs: DOTAttributes, rhs: DOTAttributes) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.name)
            hasher.combine(entry.value)
        }
    }
}

/// An attribute value. Text always goes through ``DOTWriter``'s escaping for its kind.
public enum DOTValue: Hashable, Sendable, ExpressibleByStringLiteral {
    /// A quoted string (Graphviz `escString`): tooltips, URLs, ids, shapes, styles.
    case string(String)
    /// An HTML-like label `<...>`.
    case html(HTMLLabel)
    /// A number, written with at most two decimals.
    case number(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// A colour.
    case color(DOTColor)
    /// Colours joined by `:` (parallel lines on an edge).
    case colorList([DOTColor])

    public init(stringLiteral value: String) { self = .string(value) }
}

/// A colour as `#rrggbb`, validated on creation so a theme cannot inject text.
public struct DOTColor: Hashable, Sendable, CustomStringConvertible {
    /// Lower-case `#rrggbb`.
    public let hex: String

    /// Accepts `#rgb` or `#rrggbb` (any case); returns `nil` for anything else.
    public init?(_ text: String) {
        let digits = Array(text.lowercased().unicodeScalars)
        guard digits.first == "#" else { return nil }
        let body = digits.dropFirst()
        guard body.count == 3 || body.count == 6,
            body.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) })
        else { return nil }
        let expanded = body.count == 3 ? body.flatMap { [$0, $0] } : Array(body)
        hex = "#" + String(String.UnicodeScalarView(expanded))
    }

    /// A colour from a literal known to be valid.
    public init(_ literal: StaticString) {
        guard let color = DOTColor(literal.description) else { preconditionFailure("invalid colour \(literal)") }
        self = color
    }

    public var description: String { hex }
}
