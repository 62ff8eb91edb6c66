/// Reads the keys of one mapping in a ``SourceNode`` tree: rejects unknown and duplicate keys,
/// converts values to Swift types, and reports every problem to the ``DecodingContext``
/// with its location and model path instead of stopping at the first.
public struct MappingReader {
    public let context: DecodingContext
    public let path: ModelPath
    public let position: SourcePosition
    /// The accepted entries, in file order. Mappings have a dozen keys at most, so a linear
    /// search beats hashing, and decoding builds thousands of these.
    private var values: [(key: String, node: SourceNode)] = []
    /// The entries whose key starts with the extension prefix, in file order.
    public private(set) var extensions: [(key: SourceNode.Key, node: SourceNode)] = []

    /// Returns `nil` (after reporting) when `node` is not a mapping. Keys that start with
    /// `extensionPrefix` (when given) are not unknown keys: they are collected in ``extensions``.
    public init?(
        _ node: SourceNode, path: ModelPath, what: String, keys: [String], extensionPrefix: String? = nil,
        context: DecodingContext
    ) {
        self.context = context
        self.path = path
        self.position = node.position
        guard case .mapping(let entries) = node.value else {
            context.error("expected \(what) (a mapping), found \(node.kindDescription)", path: path, at: node.position)
            return nil
        }
        // Where each key was first written, to report duplicates. A model's mappings have a
        // dozen keys, where a linear search beats hashing; a hostile file's mapping can have
        // a hundred thousand, where it would take quadratic time.
        var firstSeen: [(key: String, position: SourcePosition)] = []
        var firstSeenByKey: [String: SourcePosition] = [:]
        let searchLinearly = entries.count <= 32
        for (key, value) in entries {
            // A key is any text the file chose (megabytes, escape sequences): messages and
            // paths show it shortened and with invisible characters spelled out.
            let first = searchLinearly ? firstSeen.first(where: { $0.key == key.text })?.position : firstSeenByKey[key.text]
            if let first {
                let shown = SourceNode.excerpt(key.text)
                context.error(
                    "duplicate key '\(shown)' (first written at \(first.line):\(first.column))",
                    path: path.appending(shown), at: key.position)
                continue
            }
            if searchLinearly { firstSeen.append((key.text, key.position)) } else { firstSeenByKey[key.text] = key.position }
            if let extensionPrefix, key.text.hasPrefix(extensionPrefix) {
                extensions.append((key, value))
                continue
            }
            guard keys.contains(key.text) else {
                let shown = SourceNode.excerpt(key.text)
                let suggestion = Suggestion.closest(to: key.text, among: keys)
                let hint = suggestion.map { "; did you mean '\($0)'?" }
                    ?? " (expected one of: \(keys.joined(separator: ", ")))"
                context.error("unknown key '\(shown)' in \(what)\(hint)", path: path.appending(shown), at: key.position)
                continue
            }
            values.append((key.text, value))
        }
    }

    /// Whether the key is present (even with a bad value).
    public func contains(_ key: String) -> Bool { values.contains { $0.key == key } }

    /// The raw node of a key.
    public func node(_ key: String) -> SourceNode? { values.first { $0.key == key }?.node }

    public func missing(_ key: String, hint: String = "") {
        context.error("missing required key '\(key)'\(hint)", path: path.appending(key), at: position)
    }

    /// A string value. `null` counts as absent for optional keys.
    public func string(_ key: String, required: Bool = false, hint: String = "") -> String? {
        guard let node = node(key) else {
            if required { missing(key, hint: hint) }
            return nil
        }
        return MappingReader.string(node, path: path.appending(key), required: required, context: context)
    }

    /// The path is only built when there is something to report: decoding reads tens of
    /// thousands of values and almost all are fine.
    public static func string(
        _ node: SourceNode, path: @autoclosure () -> ModelPath, required: Bool = true, context: DecodingContext
    ) -> String? {
        guard case .scalar(let scalar) = node.value else {
            context.error("expected a string, found \(node.kindDescription)", path: path(), at: node.position)
            return nil
        }
        switch scalar.kind {
        case .string:
            let printableASCII = scalar.text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
            if !printableASCII, let bad = scalar.text.unicodeScalars.first(where: isForbiddenControl) {
                context.error(
                    "text contains the control character U+\(EscapedCharacters.hex(bad.value)), which a model may not contain",
                    path: path(), at: node.position)
                return nil
            }
            return scalar.text
        case .null where !required:
            return nil
        default:
            let quoteHint = scalar.kind == .null ? "" : " (put it in quotes to use it as text: \"\(scalar.text)\")"
            context.error("expected a string, found \(node.kindDescription)\(quoteHint)", path: path(), at: node.position)
            return nil
        }
    }

    /// An integer within `range`.
    public func integer(_ key: String, in range: ClosedRange<Int>, required: Bool = false, what: String = "an integer") -> Int? {
        guard let node = node(key) else {
            if required { missing(key) }
            return nil
        }
        let valuePath = { path.appending(key) }
        guard case .scalar(let scalar) = node.value, scalar.kind == .integer || (scalar.kind == .null && !required) else {
            context.error("expected \(what), found \(node.kindDescription)", path: valuePath(), at: node.position)
            return nil
        }
        if scalar.kind == .null { return nil }
        guard let value = MappingReader.parseInteger(scalar.text), range.contains(value) else {
            context.error("expected \(what), found \(SourceNode.excerpt(scalar.text))", path: valuePath(), at: node.position)
            return nil
        }
        return value
    }

    /// A number (integer or decimal) within `range`.
    public func number(_ key: String, in range: ClosedRange<Double>, what: String = "a number") -> Double? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node.value, scalar.kind == .integer || scalar.kind == .float,
            let value = Double(scalar.text), range.contains(value)
        else {
            context.error("expected \(what), found \(node.kindDescription)", path: path.appending(key), at: node.position)
            return nil
        }
        return value
    }

    /// A boolean.
    public func boolean(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node.value, scalar.kind == .boolean || scalar.kind == .null else {
            context.error("expected true or false, found \(node.kindDescription)", path: path.appending(key), at: node.position)
            return nil
        }
        if scalar.kind == .null { return nil }
        return scalar.text.lowercased() == "true"
    }

    /// One of an enumeration's raw values.
    public func enumeration<Value: RawRepresentable & CaseIterable>(
        _ key: String, as type: Value.Type, required: Bool = false
    ) -> Value? where Value.RawValue == String {
        var allowed: [String] { Value.allCases.map(\.rawValue) }
        guard let node = node(key) else {
            if required { missing(key, hint: " (one of: \(allowed.joined(separator: ", ")))") }
            return nil
        }
        guard let text = MappingReader.string(node, path: path.appending(key), required: required, context: context) else {
            return nil
        }
        if let value = Value(rawValue: text) { return value }
        let allowedValues = allowed
        let suggestion = Suggestion.clause(for: text, among: allowedValues)
        let expected = suggestion.isEmpty ? "; expected one of: \(allowedValues.joined(separator: ", "))" : suggestion
        context.error("'\(SourceNode.excerpt(text))' is not a valid \(key)\(expected)", path: path.appending(key), at: node.position)
        return nil
    }

    /// A list of strings (a single string is not accepted: `controls: rbac` is a typo for a list).
    public func stringList(_ key: String) -> [String] {
        list(key) { node, itemPath in MappingReader.string(node, path: itemPath, context: context) }
    }

    /// A list whose items `decode` converts; items it rejects are left out.
    public func list<Item>(_ key: String, required: Bool = false, decode: (SourceNode, ModelPath) -> Item?) -> [Item] {
        guard let node = node(key) else {
            if required { missing(key) }
            return []
        }
        let listPath = path.appending(key)
        switch node.value {
        case .sequence(let items):
            var result: [Item] = []
            result.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                let itemPath = listPath.appending(index)
                if let value = decode(item, itemPath) { result.append(value) }
            }
            return result
        case .scalar(let scalar) where scalar.kind == .null && !required:
            return []
        default:
            context.error("expected a list, found \(node.kindDescription)", path: listPath, at: node.position)
            return []
        }
    }

    static func parseInteger(_ text: String) -> Int? {
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }

    /// C0 and C1 controls other than tab, line feed and carriage return.
    package static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
