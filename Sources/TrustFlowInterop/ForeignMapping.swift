import TrustFlowModel

/// One mapping of another tool's file.
///
/// Unlike the model format's own ``MappingReader`` it accepts keys it does not know: another
/// tool's format has many TrustFlow has no use for, and grows. The importer names the keys it
/// maps, and ``unused(besides:)`` gives the rest for the notes, so none is dropped silently.
/// A value of the wrong type and a duplicate key are located errors, as in a model file.
struct ForeignMapping {
    /// Where the mapping sits in the file, e.g. `detail.diagrams[0].cells[3]`.
    let path: ModelPath
    /// Where the mapping starts.
    let position: SourcePosition
    /// The entries in file order, duplicates left out (they are errors).
    let entries: [(key: SourceNode.Key, value: SourceNode)]
    private let positions: [String: Int]
    private let context: ImportContext

    /// Reads `node` as a mapping; `nil` (after reporting) when it is something else.
    init?(_ node: SourceNode, path: ModelPath, what: String, context: ImportContext) {
        guard case .mapping(let all) = node.value else {
            context.error("expected \(what) (a mapping), found \(node.kindDescription)", path: path, at: node.position)
            return nil
        }
        var positions: [String: Int] = [:]
        var entries: [(key: SourceNode.Key, value: SourceNode)] = []
        entries.reserveCapacity(all.count)
        for entry in all {
            if let first = positions[entry.key.text] {
                let firstPosition = entries[first].key.position
                let shown = SourceNode.excerpt(entry.key.text)
                context.error("duplicate key '\(shown)' (first written at \(firstPosition.line):\(firstPosition.column))",
                    path: path.appending(shown), at: entry.key.position)
                continue
            }
            positions[entry.key.text] = entries.count
            entries.append(entry)
        }
        self.path = path
        self.position = node.position
        self.entries = entries
        self.positions = positions
        self.context = context
    }

    /// The value of `key`; `nil` when absent or null.
    func node(_ key: String) -> SourceNode? {
        guard let index = positions[key] else { return nil }
        let value = entries[index].value
        if case .scalar(let scalar) = value.value, scalar.kind == .null { return nil }
        return value
    }

    /// Where `key` is written, or where the mapping starts when it is absent.
    func position(of key: String) -> SourcePosition { positions[key].map { entries[$0].value.position } ?? position }

    /// A text value; absent, null or the wrong type gives `nil` (the last is reported).
    func string(_ key: String, required: Bool = false) -> String? {
        guard let node = node(key) else {
            if required { context.error("missing required key '\(key)'", path: path.appending(key), at: position) }
            return nil
        }
        return ForeignMapping.text(node, path: path.appending(key), context: context)
    }

    /// A scalar as text: a string, or in YAML any scalar (see ``ImportContext/scalarsAsText``).
    static func text(_ node: SourceNode, path: @autoclosure () -> ModelPath, context: ImportContext) -> String? {
        if context.scalarsAsText, case .scalar(let scalar) = node.value,
            scalar.kind == .integer || scalar.kind == .float || scalar.kind == .boolean
        {
            return scalar.text
        }
        return MappingReader.string(node, path: path(), required: false, context: context.decoding)
    }

    /// A boolean; `nil` when absent or null, reported when of another type.
    func boolean(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node.value, scalar.kind == .boolean else {
            context.error("expected true or false, found \(node.kindDescription)", path: path.appending(key), at: node.position)
            return nil
        }
        return scalar.text.lowercased() == "true"
    }

    /// A finite number; `nil` when absent or null, reported when of another type.
    func number(_ key: String) -> Double? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node.value, scalar.kind == .integer || scalar.kind == .float,
            let value = Double(scalar.text), value.isFinite
        else {
            context.error("expected a number, found \(node.kindDescription)", path: path.appending(key), at: node.position)
            return nil
        }
        return value
    }

    /// A nested mapping; `nil` when absent or null, reported when of another type.
    func mapping(_ key: String, what: String) -> ForeignMapping? {
        guard let node = node(key) else { return nil }
        return ForeignMapping(node, path: path.appending(key), what: what, context: context)
    }

    /// The items of a list with their paths; empty when absent or null, reported when of
    /// another type.
    func list(_ key: String) -> [(node: SourceNode, path: ModelPath)] {
        guard let node = node(key) else { return [] }
        guard case .sequence(let items) = node.value else {
            context.error("expected a list, found \(node.kindDescription)", path: path.appending(key), at: node.position)
            return []
        }
        let listPath = path.appending(key)
        return items.enumerated().map { ($1, listPath.appending($0)) }
    }

    /// A list of texts; null items are skipped, items of another type reported.
    func strings(_ key: String) -> [String] {
        list(key).compactMap { item in
            if case .scalar(let scalar) = item.node.value, scalar.kind == .null { return nil }
            return ForeignMapping.text(item.node, path: item.path, context: context)
        }
    }

    /// The entries of a nested mapping keyed by name (Threagile's `technical_assets`), each
    /// read as a mapping; empty when absent or null.
    func namedMappings(_ key: String, what: String) -> [(name: SourceNode.Key, mapping: ForeignMapping)] {
        guard let outer = mapping(key, what: "the \(key) section") else { return [] }
        return outer.entries.compactMap { entry in
            ForeignMapping(entry.value, path: outer.path.appending(entry.key.text), what: what, context: context)
                .map { (entry.key, $0) }
        }
    }

    /// The entries whose keys are not in `mapped` and whose values say something (not null,
    /// empty, or `false`, which other tools write for every unset flag), in file order.
    func unused(besides mapped: Set<String>) -> [(key: SourceNode.Key, value: SourceNode)] {
        entries.filter { !mapped.contains($0.key.text) && !ForeignMapping.isEmpty($0.value) }
    }

    /// Whether a value says nothing: null, an empty text, list or mapping, or `false`.
    static func isEmpty(_ node: SourceNode) -> Bool {
        switch node.value {
        case .mapping(let entries): entries.isEmpty
        case .sequence(let items): items.isEmpty
        case .scalar(let scalar):
            scalar.kind == .null || (scalar.kind == .string && scalar.text.isEmpty)
                || (scalar.kind == .boolean && scalar.text.lowercased() == "false")
        }
    }

    /// A number as a note shows it: without a needless `.0`.
    static func shown(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A short rendering of a value for a note: the text of a scalar, or how many items a
    /// list or mapping has.
    static func summary(_ node: SourceNode) -> String {
        switch node.value {
        case .scalar(let scalar): SourceNode.excerpt(scalar.text, limit: 60)
        case .sequence(let items): items.count == 1 ? "1 item" : "\(items.count) items"
        case .mapping(let entries): entries.count == 1 ? "1 entry" : "\(entries.count) entries"
        }
    }
}
