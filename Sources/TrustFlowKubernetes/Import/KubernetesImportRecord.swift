import TrustFlowModel

/// The `x-trustflow-import` block of an imported model: what the import was told, the
/// manifest files, where each imported item was written (`file:line:col`), and the
/// references that resolved to nothing.
///
/// It lives in an `x-` key because no command reads those: lines that move in a manifest
/// change this block, never an item, so `trustflow diff` between two imports shows only what
/// the manifests changed. `--merge` reads it back to tell imported items from hand-written ones.
public struct KubernetesImportRecord: Hashable, Sendable {
    /// The key of the block.
    public static let key = "x-trustflow-import"

    public var cluster: String
    /// The namespace of objects that name none.
    public var namespace: String
    /// The manifest files, as the model names them.
    public var files: [String]
    /// Where each imported item came from, by id: one place, several for a flow that several
    /// values prove, none for what no manifest holds (the cluster, the Internet).
    public var sources: [String: [String]]
    /// The warnings of the import, located.
    public var unresolved: [String]

    /// Creates a record.
    public init(cluster: String, namespace: String, files: [String], sources: [String: [String]], unresolved: [String]) {
        self.cluster = cluster
        self.namespace = namespace
        self.files = files
        self.sources = sources
        self.unresolved = unresolved
    }

    /// The ids of the imported items.
    public var importedIDs: Set<String> { Set(sources.keys) }

    /// The block as an `x-` value; sources sorted by id.
    public var value: ExtensionValue {
        var members: [ExtensionValue.Member] = [
            .init(key: "generator", value: .string("trustflow import k8s")),
            .init(key: "cluster", value: .string(cluster)),
            .init(key: "namespace", value: .string(namespace)),
            .init(key: "files", value: .list(files.map(ExtensionValue.string))),
            .init(key: "sources", value: .mapping(sources.keys.sorted().map { id in
                let places = sources[id]!
                return .init(key: id, value: places.count == 1 ? .string(places[0]) : .list(places.map(ExtensionValue.string)))
            })),
        ]
        if !unresolved.isEmpty { members.append(.init(key: "unresolved", value: .list(unresolved.map(ExtensionValue.string)))) }
        return .mapping(members)
    }

    /// The record of a model, if it has one.
    public init?(of model: Model) {
        guard let block = model.extensions.first(where: { $0.key == KubernetesImportRecord.key })?.value else { return nil }
        func text(_ value: ExtensionValue?) -> String? { if case .string(let text) = value { text } else { nil } }
        func texts(_ value: ExtensionValue?) -> [String] {
            switch value {
            case .string(let text): [text]
            case .list(let items): items.compactMap(text)
            default: []
            }
        }
        var sources: [String: [String]] = [:]
        if case .mapping(let members) = block["sources"] {
            for member in members { sources[member.key] = texts(member.value) }
        }
        self.init(cluster: text(block["cluster"]) ?? "", namespace: text(block["namespace"]) ?? "", files: texts(block["files"]),
            sources: sources, unresolved: texts(block["unresolved"]))
    }
}
