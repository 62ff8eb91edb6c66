import TrustFlowModel

/// One field of an item that differs between two versions, written as text.
public struct FieldChange: Hashable, Sendable {
    /// The model key, e.g. `encryption`, `parent`, `controls`.
    public var field: String
    /// The old value, `nil` when absent.
    public var old: String?
    /// The new value, `nil` when absent.
    public var new: String?
    /// For list fields (controls, data, targets): what was added and removed.
    public var added: [String]
    public var removed: [String]

    public init(field: String, old: String?, new: String?, added: [String] = [], removed: [String] = []) {
        self.field = field
        self.old = old
        self.new = new
        self.added = added
        self.removed = removed
    }

    /// `encryption: mtls → none`, or for lists `controls: −netpol +rbac`.
    public var summary: String {
        if !added.isEmpty || !removed.isEmpty {
            return "\(field): " + (removed.map { "−\($0)" } + added.map { "+\($0)" }).joined(separator: " ")
        }
        return "\(field): \(old ?? "—") → \(new ?? "—")"
    }
}

/// How an item differs between two versions of a model.
public enum ChangeKind: String, CaseIterable, Hashable, Sendable {
    case added, removed, changed, unchanged
}

/// One item across two versions: identity is the id, so a renamed label is a change and a
/// renamed id is a removal plus an addition.
public struct ItemDiff<Item: Hashable & Sendable>: Hashable, Sendable {
    public var id: String
    public var old: Item?
    public var new: Item?
    /// The fields that differ, in the format's key order; empty for added, removed and unchanged items.
    public var fields: [FieldChange]

    public var kind: ChangeKind {
        if old == nil { return .added }
        if new == nil { return .removed }
        return fields.isEmpty ? .unchanged : .changed
    }

    /// The newest version of the item.
    public var current: Item { (new ?? old)! }
}

/// The items of one kind across two versions: those in the new version in its order, then
/// the removed ones in the old version's order.
public struct ItemChanges<Item: Hashable & Sendable>: Hashable, Sendable {
    public var items: [ItemDiff<Item>]

    public var added: [ItemDiff<Item>] { items.filter { $0.kind == .added } }
    public var removed: [ItemDiff<Item>] { items.filter { $0.kind == .removed } }
    public var changed: [ItemDiff<Item>] { items.filter { $0.kind == .changed } }
    public var unchanged: [ItemDiff<Item>] { items.filter { $0.kind == .unchanged } }
    /// Whether anything was added, removed or changed.
    public var hasChanges: Bool { items.contains { $0.kind != .unchanged } }

    /// The diff of `id`, if it exists in either version.
    public func diff(_ id: String) -> ItemDiff<Item>? { items.first { $0.id == id } }

    init(old: [Item], new: [Item], id: (Item) -> String, fields: (Item) -> [(String, FieldValue)]) {
        var oldByID: [String: Item] = [:]
        for item in old where oldByID[id(item)] == nil { oldByID[id(item)] = item }
        let newIDs = Set(new.map(id))
        var items: [ItemDiff<Item>] = []
        var seen: Set<String> = []
        for item in new where seen.insert(id(item)).inserted {
            let before = oldByID[id(item)]
            items.append(ItemDiff(id: id(item), old: before, new: item,
                fields: before.map { FieldValue.changes(from: fields($0), to: fields(item)) } ?? []))
        }
        for item in old where !newIDs.contains(id(item)) && seen.insert(id(item)).inserted {
            items.append(ItemDiff(id: id(item), old: item, new: nil, fields: []))
        }
        self.items = items
    }
}

/// The semantic difference between two validated models.
public struct ModelDiff: Hashable, Sendable {
    public var old: Model
    public var new: Model
    /// Changes to the title and description.
    public var model: [FieldChange]
    public var controls: ItemChanges<Control>
    public var boundaries: ItemChanges<Boundary>
    public var elements: ItemChanges<Element>
    public var flows: ItemChanges<Flow>
    public var threatActors: ItemChanges<ThreatActor>
    /// Accepted risks, identified by `rule:target`.
    public var acceptedRisks: ItemChanges<AcceptedRisk>

    /// Compares two models.
    public init(old: Model, new: Model) {
        self.old = old
        self.new = new
        model = FieldValue.changes(
            from: [("title", .text(old.title)), ("description", .text(old.description))],
            to: [("title", .text(new.title)), ("description", .text(new.description))])
        controls = ItemChanges(old: old.controls, new: new.controls, id: \.id) {
            [("label", .text($0.label)), ("kind", .text($0.kind.rawValue)), ("description", .text($0.description))]
        }
        boundaries = ItemChanges(old: old.boundaries, new: new.boundaries, id: \.id) {
            [("label", .text($0.label)), ("kind", .text($0.kind.rawValue)), ("parent", .text($0.parent)),
             ("controls", .list($0.controls)), ("description", .text($0.description)),
             ("k8s", .text($0.kubernetes?.description))]
        }
        elements = ItemChanges(old: old.elements, new: new.elements, id: \.id) {
            [("label", .text($0.label)), ("kind", .text($0.kind.rawValue)), ("boundary", .text($0.boundary)),
             ("technology", .text($0.technology)), ("controls", .list($0.controls)),
             ("description", .text($0.description)), ("url", .text($0.url)),
             ("k8s", .text($0.kubernetes?.description))]
        }
        flows = ItemChanges(old: old.flows, new: new.flows, id: \.id) {
            [("from", .text($0.from)), ("to", .text($0.to)), ("label", .text($0.label)), ("protocol", .text($0.protocol)),
             ("port", .text($0.port.map(String.init))), ("encryption", .text($0.encryption?.rawValue ?? "unknown")),
             ("authentication", .text($0.authentication?.rawValue ?? "unknown")), ("data", .list($0.data)),
             ("classification", .text($0.classification?.rawValue)), ("bidirectional", .text(String($0.bidirectional))),
             ("controls", .list($0.controls)), ("description", .text($0.description))]
        }
        threatActors = ItemChanges(old: old.threatActors, new: new.threatActors, id: \.id) {
            [("label", .text($0.label)), ("kind", .text($0.kind.rawValue)), ("boundary", .text($0.boundary)),
             ("targets", .list($0.targets)), ("description", .text($0.description))]
        }
        acceptedRisks = ItemChanges(old: old.acceptedRisks, new: new.acceptedRisks, id: { "\($0.rule):\($0.target)" }) {
            [("reason", .text($0.reason)), ("until", .text($0.until))]
        }
    }

    /// Whether the two models say the same thing.
    public var isEmpty: Bool {
        model.isEmpty && !controls.hasChanges && !boundaries.hasChanges && !elements.hasChanges && !flows.hasChanges
            && !threatActors.hasChanges && !acceptedRisks.hasChanges
    }

    /// Counts of added, removed and changed items over every kind.
    public var counts: (added: Int, removed: Int, changed: Int) {
        let all: [(Int, Int, Int)] = [
            (controls.added.count, controls.removed.count, controls.changed.count),
            (boundaries.added.count, boundaries.removed.count, boundaries.changed.count),
            (elements.added.count, elements.removed.count, elements.changed.count),
            (flows.added.count, flows.removed.count, flows.changed.count),
            (threatActors.added.count, threatActors.removed.count, threatActors.changed.count),
            (acceptedRisks.added.count, acceptedRisks.removed.count, acceptedRisks.changed.count),
        ]
        return all.reduce((0, 0, 0)) { ($0.0 + $1.0, $0.1 + $1.1, $0.2 + $1.2) }
    }
}

/// A field's value for comparison: text, or a list compared as a list.
enum FieldValue: Hashable {
    case text(String?)
    case list([String])

    var display: String? {
        switch self {
        case .text(let text): text
        case .list(let items): items.isEmpty ? nil : items.joined(separator: ", ")
        }
    }

    static func changes(from old: [(String, FieldValue)], to new: [(String, FieldValue)]) -> [FieldChange] {
        zip(old, new).compactMap { before, after in
            guard before.1 != after.1 else { return nil }
            if case .list(let oldItems) = before.1, case .list(let newItems) = after.1 {
                let removed = oldItems.filter { !newItems.contains($0) }
                let added = newItems.filter { !oldItems.contains($0) }
                return FieldChange(field: before.0, old: before.1.display, new: after.1.display, added: added, removed: removed)
            }
            return FieldChange(field: before.0, old: before.1.display, new: after.1.display)
        }
    }
}
