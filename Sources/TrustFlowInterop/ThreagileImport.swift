import TrustFlowModel

/// One Threagile import: reads the sections TrustFlow maps, notes the others, then builds
/// the model.
struct ThreagileImport {
    /// A technical asset as read.
    struct Asset {
        var title: SourceNode.Key
        var mapping: ForeignMapping
        var id: String
        var kind: ElementKind
    }

    /// A trust boundary as read, with the ids it lists.
    struct TrustBoundary {
        var title: SourceNode.Key
        var mapping: ForeignMapping
        var id: String
        var inside: [(id: String, position: SourcePosition)]
        var nested: [(id: String, position: SourcePosition)]
    }

    let context: ImportContext

    func read(_ root: SourceNode) {
        guard let file = ForeignMapping(root, path: .root, what: "a Threagile model", context: context) else { return }
        let title = file.string("title", required: true)
        let overview = file.mapping("technical_overview", what: "the technical overview")
        let description = overview?.string("description").map { String($0.trimmingWhitespace()) }.flatMap { $0.isEmpty ? nil : $0 }
        if let overview { context.noteUnused(overview, besides: ["description"], owner: "technical_overview", as: Self.modelProperty) }
        let dataAssets = readDataAssets(file)
        let assets = readAssets(file)
        let boundaries = readBoundaries(file)
        noteSections(file)
        context.noteUnused(file, besides: Self.mappedTopLevel.union(Self.sections.map(\.key)), owner: nil, as: Self.modelProperty)
        guard !context.hasErrors else { return }
        guard !assets.isEmpty else {
            context.error("nothing to import: the model has no technical assets", path: "technical_assets",
                at: file.position(of: "technical_assets"))
            return
        }
        context.model.title = title ?? ""
        context.model.description = description
        var builder = ThreagileModelBuilder(context: context, assets: assets, boundaries: boundaries, dataAssets: dataAssets)
        builder.build()
        readRiskTracking(file, builder: builder)
    }

    /// Data asset id → the classification of its confidentiality; each asset noted, since
    /// only its id (in flow data) and its confidentiality (in classifications) are kept.
    private func readDataAssets(_ file: ForeignMapping) -> [String: Classification?] {
        var result: [String: Classification?] = [:]
        for (title, asset, id) in identified(file, "data_assets", what: "data asset") {
            var classification: Classification?
            if let level = asset.string("confidentiality") {
                classification = ThreagileVocabulary.classification(forConfidentiality: level)
                if classification == nil {
                    invalid(level, key: "confidentiality", in: asset, allowed: ThreagileVocabulary.confidentialityOrder)
                }
            }
            result[id] = classification
            context.note(Self.dataAsset, "'\(SourceNode.excerpt(title.text, limit: 60))' (\(id))", at: title.position)
        }
        return result
    }

    private func readAssets(_ file: ForeignMapping) -> [Asset] {
        var assets: [Asset] = []
        for (title, asset, id) in identified(file, "technical_assets", what: "technical asset") {
            guard let type = asset.string("type", required: true) else { continue }
            guard let kind = ThreagileVocabulary.elementKind(type, usedByHuman: asset.boolean("used_as_client_by_human") ?? false)
            else {
                invalid(type, key: "type", in: asset, allowed: ThreagileVocabulary.assetTypes)
                continue
            }
            assets.append(Asset(title: title, mapping: asset, id: id, kind: kind))
        }
        return assets
    }

    private func readBoundaries(_ file: ForeignMapping) -> [TrustBoundary] {
        var boundaries: [TrustBoundary] = []
        for (title, boundary, id) in identified(file, "trust_boundaries", what: "trust boundary") {
            func references(_ key: String) -> [(id: String, position: SourcePosition)] {
                boundary.list(key).compactMap { item in
                    ForeignMapping.text(item.node, path: item.path, context: context).map { ($0, item.node.position) }
                }
            }
            boundaries.append(TrustBoundary(title: title, mapping: boundary, id: id,
                inside: references("technical_assets_inside"), nested: references("trust_boundaries_nested")))
        }
        return boundaries
    }

    /// Risk tracking: `accepted` entries become accepted risks on the item the risk id names;
    /// every other entry is noted.
    private func readRiskTracking(_ file: ForeignMapping, builder: ThreagileModelBuilder) {
        for (riskID, entry) in file.namedMappings("risk_tracking", what: "a risk tracking entry") {
            let status = entry.string("status") ?? "unchecked"
            let justification = entry.string("justification").map { String($0.trimmingWhitespace()) } ?? ""
            let shownID = "'\(SourceNode.excerpt(riskID.text, limit: 80))'"
            guard status == "accepted" else {
                context.note(Self.riskTracking, "\(shownID) is \(status)\(justification.isEmpty ? "" : ": \(SourceNode.excerpt(justification, limit: 80))")",
                    at: riskID.position)
                continue
            }
            let parts = riskID.text.split(separator: "@", omittingEmptySubsequences: false).map(String.init)
            guard let rule = parts.first, !rule.isEmpty,
                let target = parts.dropFirst().lazy.compactMap({ builder.modelID(forThreagileID: $0) }).first
            else {
                context.note(Self.riskTracking, "\(shownID) is accepted, but names no single asset, link or boundary to accept it on",
                    at: riskID.position)
                continue
            }
            var provenance = ["Threagile risk \(riskID.text)"]
            if let ticket = entry.string("ticket"), !ticket.isEmpty { provenance.append("ticket \(ticket)") }
            let checker = entry.string("checked_by").flatMap { $0.isEmpty ? nil : $0 }
            let date = entry.string("date").flatMap { $0.isEmpty ? nil : $0 }
            switch (checker, date) {
            case (let checker?, let date?): provenance.append("checked by \(checker) on \(date)")
            case (let checker?, nil): provenance.append("checked by \(checker)")
            case (nil, let date?): provenance.append("checked on \(date)")
            case (nil, nil): break
            }
            let reason = (justification.isEmpty ? "Accepted in Threagile" : justification) + " (\(provenance.joined(separator: "; ")))"
            context.add(AcceptedRisk(rule: rule, target: target, reason: reason), at: riskID.position)
        }
    }

    /// Notes each entry of the sections TrustFlow has no place for.
    private func noteSections(_ file: ForeignMapping) {
        for (key, category) in Self.sections {
            guard let node = file.node(key) else { continue }
            switch node.value {
            case .mapping(let entries):
                for entry in entries where !ForeignMapping.isEmpty(entry.value) || key == "questions" {
                    context.note(category, "'\(SourceNode.excerpt(entry.key.text, limit: 80))'", at: entry.key.position)
                }
            case .sequence(let items):
                for item in items { context.note(category, ForeignMapping.summary(item), at: item.position) }
            case .scalar:
                context.note(category, ForeignMapping.summary(node), at: node.position)
            }
        }
    }

    /// The entries of a section keyed by title, each with its `id`; an entry without an id,
    /// or with one an earlier entry has, is an error and left out.
    private func identified(_ file: ForeignMapping, _ section: String, what: String)
        -> [(title: SourceNode.Key, mapping: ForeignMapping, id: String)]
    {
        var first: [String: SourcePosition] = [:]
        return file.namedMappings(section, what: "a \(what)").compactMap { title, mapping in
            guard let id = mapping.string("id", required: true) else { return nil }
            if let earlier = first[id] {
                context.error("duplicate \(what) id '\(SourceNode.excerpt(id))' (first used at \(earlier.line):\(earlier.column))",
                    path: mapping.path.appending("id"), at: mapping.position(of: "id"))
                return nil
            }
            first[id] = mapping.position(of: "id")
            return (title, mapping, id)
        }
    }

    private func invalid(_ value: String, key: String, in mapping: ForeignMapping, allowed: [String]) {
        let suggestion = Suggestion.clause(for: value, among: allowed)
        let expected = suggestion.isEmpty ? "; expected one of: \(allowed.joined(separator: ", "))" : suggestion
        context.error("'\(SourceNode.excerpt(value))' is not a valid \(key)\(expected)", path: mapping.path.appending(key),
            at: mapping.position(of: key))
    }

    static let mappedTopLevel: Set<String> = [
        "title", "technical_overview", "data_assets", "technical_assets", "trust_boundaries", "risk_tracking",
        // The format's version says how to read the file; it is not part of the model.
        "threagile_version",
    ]
    static let sections: [(key: String, category: InteropNote.Category)] = [
        ("abuse_cases", InteropNote.Category("abuse case")),
        ("security_requirements", InteropNote.Category("security requirement")),
        ("questions", InteropNote.Category("question")),
        ("shared_runtimes", InteropNote.Category("shared runtime")),
        ("individual_risk_categories", InteropNote.Category("individual risk category", plural: "individual risk categories")),
        ("tags_available", InteropNote.Category("available tag")),
    ]
    static let modelProperty = InteropNote.Category("model property", plural: "model properties")
    static let dataAsset = InteropNote.Category(
        "data asset (only its id, in flow data, and its confidentiality are kept)",
        plural: "data assets (only their ids, in flow data, and their confidentiality are kept)")
    static let riskTracking = InteropNote.Category("risk tracking entry", plural: "risk tracking entries")
}
