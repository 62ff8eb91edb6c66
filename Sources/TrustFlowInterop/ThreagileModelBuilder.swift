import TrustFlowModel

/// Builds the model of a Threagile import: ids, boundaries and their nesting, elements,
/// flows from the communication links.
struct ThreagileModelBuilder {
    let context: ImportContext
    let assets: [ThreagileImport.Asset]
    let boundaries: [ThreagileImport.TrustBoundary]
    let dataAssets: [String: Classification?]
    /// Model ids by Threagile id: assets, trust boundaries and links (`source>link-title`).
    private var modelIDs: [String: String] = [:]

    init(context: ImportContext, assets: [ThreagileImport.Asset], boundaries: [ThreagileImport.TrustBoundary],
        dataAssets: [String: Classification?])
    {
        self.context = context
        self.assets = assets
        self.boundaries = boundaries
        self.dataAssets = dataAssets
    }

    /// The model id of the asset, boundary or link a Threagile id names.
    func modelID(forThreagileID id: String) -> String? { modelIDs[id] }

    mutating func build() {
        let identities = boundaries.map { ImportContext.Identity(original: $0.id, name: $0.title.text, prefix: "boundary",
            position: $0.title.position) }
            + assets.map { ImportContext.Identity(original: $0.id, name: $0.title.text, prefix: "element", position: $0.title.position) }
        let claims = context.reserveOriginalIDs(identities)
        for (index, identity) in identities.enumerated() {
            modelIDs[identity.original!] = context.allocateID(identity, kept: claims[index])
        }
        guard let (parents, members) = placement() else { return }
        for boundary in boundaries {
            let id = modelIDs[boundary.id]!
            let label = boundary.title.text
            let type = boundary.mapping.string("type")
            context.add(Boundary(
                id: id, label: label, kind: ThreagileVocabulary.boundaryKind(type), parent: parents[boundary.id].map { modelIDs[$0]! },
                description: context.description(boundary.mapping.string("description"), originalID: boundary.id, id: id, label: label)),
                at: boundary.title.position)
            context.noteUnused(boundary.mapping, besides: Self.mappedBoundaryKeys, owner: label, as: Self.boundaryProperty)
        }
        // One control says "encrypted at rest" for every asset Threagile marks so.
        var encryptionAtRest: String?
        for asset in assets {
            let encryption = asset.mapping.string("encryption")
            if let encryption, !ThreagileVocabulary.assetEncryptions.contains(encryption) {
                let suggestion = Suggestion.clause(for: encryption, among: ThreagileVocabulary.assetEncryptions)
                context.error("'\(SourceNode.excerpt(encryption))' is not a valid encryption\(suggestion)",
                    path: asset.mapping.path.appending("encryption"), at: asset.mapping.position(of: "encryption"))
            }
            guard encryptionAtRest == nil, let encryption, encryption != "none" else { continue }
            let position = asset.mapping.position(of: "encryption")
            let id = context.allocateID(ImportContext.Identity(name: "encryption-at-rest", prefix: "control", position: position),
                kept: false)
            encryptionAtRest = id
            context.add(Control(id: id, label: "Encryption at rest", kind: .encryptionAtRest,
                description: "The technical assets Threagile says are encrypted (an 'encryption' other than 'none')."),
                at: position)
        }
        for asset in assets {
            let id = modelIDs[asset.id]!
            let label = asset.title.text
            let mapping = asset.mapping
            let technologies = mapping.strings("technologies")
            let encrypted = mapping.string("encryption").map { $0 != "none" } ?? false
            context.add(Element(
                id: id, label: label, kind: asset.kind, boundary: members[asset.id].map { modelIDs[$0]! },
                technology: mapping.string("technology") ?? (technologies.isEmpty ? nil : technologies.joined(separator: ", ")),
                controls: encrypted ? encryptionAtRest.map { [$0] } ?? [] : [],
                description: context.description(mapping.string("description"), originalID: asset.id, id: id, label: label)),
                at: asset.title.position)
            context.noteUnused(mapping, besides: Self.mappedAssetKeys, owner: label, as: Self.assetProperty)
        }
        addFlows()
    }

    /// Each boundary's parent and each asset's boundary, by Threagile id; `nil` after errors
    /// (unknown ids, an item in two boundaries, a cycle).
    private func placement() -> (parents: [String: String], members: [String: String])? {
        var parents: [String: String] = [:]
        var members: [String: String] = [:]
        /// Records that `boundary` holds each referenced item, which must exist and be held by
        /// one boundary only.
        func claim(_ references: [(id: String, position: SourcePosition)], by boundary: ThreagileImport.TrustBoundary,
            key: String, what: String, ids: [String], known: Set<String>, into holders: inout [String: String])
        {
            for (item, position) in references {
                guard known.contains(item) else {
                    context.error("no \(what) with id '\(SourceNode.excerpt(item))'\(context.suggestion(for: item, among: ids))",
                        path: boundary.mapping.path.appending(key), at: position)
                    continue
                }
                if let other = holders[item] {
                    context.error("the \(what) '\(SourceNode.excerpt(item))' is already inside the trust boundary '\(other)'; it can be in one only",
                        path: boundary.mapping.path.appending(key), at: position)
                } else {
                    holders[item] = boundary.id
                }
            }
        }
        let boundaryIDs = boundaries.map(\.id)
        let assetIDs = assets.map(\.id)
        let knownBoundaries = Set(boundaryIDs)
        let knownAssets = Set(assetIDs)
        for boundary in boundaries {
            claim(boundary.nested, by: boundary, key: "trust_boundaries_nested", what: "trust boundary", ids: boundaryIDs,
                known: knownBoundaries, into: &parents)
            claim(boundary.inside, by: boundary, key: "technical_assets_inside", what: "technical asset", ids: assetIDs,
                known: knownAssets, into: &members)
        }
        let byID = Dictionary(boundaries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for cycle in ParentCycles.find(in: boundaries.map(\.id), parent: { parents[$0] }) {
            let boundary = byID[cycle[0]]!
            context.error("trust boundaries nest in a cycle: \(ParentCycles.describe(cycle))",
                path: boundary.mapping.path.appending("trust_boundaries_nested"),
                at: boundary.mapping.position(of: "trust_boundaries_nested"))
        }
        return context.hasErrors ? nil : (parents, members)
    }

    private mutating func addFlows() {
        let assetIDs = Set(assets.map(\.id))
        for asset in assets {
            for (title, link) in asset.mapping.namedMappings("communication_links", what: "a communication link") {
                guard let target = link.string("target", required: true) else { continue }
                guard let to = modelIDs[target], assetIDs.contains(target) else {
                    let suggestion = context.suggestion(for: target, among: assets.map(\.id))
                    context.error("no technical asset with id '\(SourceNode.excerpt(target))'\(suggestion)",
                        path: link.path.appending("target"), at: link.position(of: "target"))
                    continue
                }
                let from = modelIDs[asset.id]!
                let id = context.allocateID(ImportContext.Identity(name: title.text, prefix: "flow",
                    verbatim: FlowIdentifiers.base(from: from, to: to), position: title.position), kept: false)
                modelIDs[ThreagileVocabulary.linkID(source: asset.id, title: title.text)] = id
                var data: [String] = []
                var receives = false
                for key in ["data_assets_sent", "data_assets_received"] {
                    for item in link.list(key) where !ForeignMapping.isEmpty(item.node) {
                        guard let name = ForeignMapping.text(item.node, path: item.path, context: context) else { continue }
                        guard dataAssets[name] != nil else {
                            let suggestion = context.suggestion(for: name, among: dataAssets.keys.sorted())
                            context.error("no data asset with id '\(SourceNode.excerpt(name))'\(suggestion)", path: item.path,
                                at: item.node.position)
                            continue
                        }
                        receives = receives || key == "data_assets_received"
                        if !data.contains(name) { data.append(name) }
                    }
                }
                let authentication = link.string("authentication")
                let mappedAuthentication = authentication.flatMap(ThreagileVocabulary.authentication)
                if let authentication, mappedAuthentication == nil {
                    if ThreagileVocabulary.authentications.contains(authentication) {
                        context.note(Self.linkProperty, "'\(SourceNode.excerpt(title.text, limit: 60))': authentication: \(authentication)",
                            at: link.position(of: "authentication"))
                    } else {
                        let suggestion = Suggestion.clause(for: authentication, among: ThreagileVocabulary.authentications)
                        context.error("'\(SourceNode.excerpt(authentication))' is not a valid authentication\(suggestion)",
                            path: link.path.appending("authentication"), at: link.position(of: "authentication"))
                    }
                }
                let protocolName = link.string("protocol").flatMap { $0.isEmpty ? nil : $0 }
                context.add(Flow(
                    id: id, from: from, to: to, label: title.text, protocol: protocolName,
                    encryption: protocolName.flatMap(ThreagileVocabulary.encryption(ofProtocol:)),
                    authentication: mappedAuthentication, data: data,
                    classification: data.compactMap { dataAssets[$0] ?? nil }.max(),
                    bidirectional: receives, description: link.string("description")),
                    at: title.position)
                context.noteUnused(link, besides: Self.mappedLinkKeys, owner: title.text, as: Self.linkProperty)
            }
        }
    }

    static let mappedAssetKeys: Set<String> = [
        "id", "description", "type", "used_as_client_by_human", "technology", "technologies", "encryption", "communication_links",
    ]
    static let mappedBoundaryKeys: Set<String> = ["id", "description", "type", "technical_assets_inside", "trust_boundaries_nested"]
    static let mappedLinkKeys: Set<String> = [
        "target", "description", "protocol", "authentication", "data_assets_sent", "data_assets_received",
    ]
    static let assetProperty = InteropNote.Category("technical asset property", plural: "technical asset properties")
    static let linkProperty = InteropNote.Category("communication link property", plural: "communication link properties")
    static let boundaryProperty = InteropNote.Category("trust boundary property", plural: "trust boundary properties")
}
