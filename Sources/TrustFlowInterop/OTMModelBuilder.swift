import TrustFlowModel

/// Builds the model of an OTM import: ids, boundaries from trust zones and their nesting,
/// elements from components, flows from dataflows.
struct OTMModelBuilder {
    let context: ImportContext
    let zones: [OTMImport.Item]
    let components: [OTMImport.Item]
    let dataflows: [OTMImport.Item]
    let assetNames: [String: String]
    let threatNames: [String: String]
    private var zoneIDs: [String: String] = [:]
    private var componentIDs: [String: String] = [:]
    /// The zones TrustFlow's export made for elements outside every boundary.
    private let outsideZones: Set<String>

    init(context: ImportContext, zones: [OTMImport.Item], components: [OTMImport.Item], dataflows: [OTMImport.Item],
        assetNames: [String: String], threatNames: [String: String])
    {
        self.context = context
        self.zones = zones
        self.components = components
        self.dataflows = dataflows
        self.assetNames = assetNames
        self.threatNames = threatNames
        outsideZones = Set(zones.filter { zone in
            guard case .scalar(let marker)? = zone.attributes?.node(OTMVocabulary.outsideMarkerKey)?.value else { return false }
            return marker.text == OTMVocabulary.outsideMarkerValue
        }.map(\.id))
    }

    mutating func build() {
        let boundaryZones = zones.filter { !outsideZones.contains($0.id) }
        let placed = boundaryZones.map { identity($0, prefix: "boundary") } + components.map { identity($0, prefix: "element") }
        let claims = context.reserveOriginalIDs(placed + dataflows.map { identity($0, prefix: "flow") })
        for (index, zone) in boundaryZones.enumerated() {
            zoneIDs[zone.id] = context.allocateID(placed[index], kept: claims[index])
        }
        for (offset, component) in components.enumerated() {
            let index = boundaryZones.count + offset
            componentIDs[component.id] = context.allocateID(placed[index], kept: claims[index])
        }
        guard let parents = zoneParents() else { return }
        for zone in boundaryZones {
            let id = zoneIDs[zone.id]!
            let label = zone.name ?? id
            let type = zone.mapping.string("type")
            context.add(Boundary(
                id: id, label: label, kind: type.flatMap(BoundaryKind.init(rawValue:)) ?? .generic,
                parent: parents[zone.id].map { zoneIDs[$0]! },
                description: context.description(zone.mapping.string("description"), originalID: zone.id, id: id, label: label)),
                at: zone.mapping.position)
            if let rating = zone.mapping.mapping("risk", what: "the zone's risk")?.number("trustRating") {
                context.note(Self.trustRating, "'\(SourceNode.excerpt(label, limit: 60))': \(ForeignMapping.shown(rating))",
                    at: zone.mapping.position(of: "risk"))
            }
            noteAttributes(of: zone, besides: [], owner: label)
            context.noteUnused(zone.mapping, besides: Self.mappedItemKeys.union(["risk"]), owner: label, as: Self.zoneProperty)
        }
        addElements()
        addFlows(claims: claims[placed.count...])
    }

    private func identity(_ item: OTMImport.Item, prefix: String) -> ImportContext.Identity {
        ImportContext.Identity(original: item.id, name: item.name, prefix: prefix, position: item.mapping.position)
    }

    /// Each zone's parent zone; `nil` after errors (an unknown zone, a cycle).
    private func zoneParents() -> [String: String]? {
        var parents: [String: String] = [:]
        for zone in zones where !outsideZones.contains(zone.id) {
            guard let parent = zone.parent else { continue }
            guard parent.key == "trustZone" else {
                context.note(Self.zoneInComponent, "'\(SourceNode.excerpt(zone.name ?? zone.id, limit: 60))' is inside the component '\(SourceNode.excerpt(parent.id, limit: 60))'; it is a top-level boundary",
                    at: parent.position)
                continue
            }
            guard zoneIDs[parent.id] != nil || outsideZones.contains(parent.id) else {
                unknown(parent.id, of: "trust zone", among: zones.map(\.id), path: zone.mapping.path.appending("parent"), at: parent.position)
                continue
            }
            if !outsideZones.contains(parent.id) { parents[zone.id] = parent.id }
        }
        let byID = Dictionary(zones.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for cycle in ParentCycles.find(in: zones.map(\.id), parent: { parents[$0] }) {
            let zone = byID[cycle[0]]!
            context.error("trust zones nest in a cycle: \(ParentCycles.describe(cycle))",
                path: zone.mapping.path.appending("parent"), at: zone.parent?.position ?? zone.mapping.position)
        }
        return context.hasErrors ? nil : parents
    }

    /// Reports each cycle of components nested in components once, at the first of its
    /// components in the file.
    private func reportComponentCycles(_ byID: [String: OTMImport.Item]) {
        let parent = { (id: String) -> String? in
            guard let parent = byID[id]?.parent, parent.key == "component" else { return nil }
            return parent.id
        }
        for cycle in ParentCycles.find(in: components.map(\.id), parent: parent) {
            let component = byID[cycle[0]]!
            context.error("components nest in a cycle: \(ParentCycles.describe(cycle))",
                path: component.mapping.path.appending("parent"), at: component.parent!.position)
        }
    }

    private func addElements() {
        let byID = Dictionary(components.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        reportComponentCycles(byID)
        let places = places(byID)
        for component in components {
            guard let place = places[component.id] else { continue }
            if let parent = component.parent, parent.key == "component", let container = byID[parent.id] {
                context.note(Self.componentInComponent,
                    "'\(SourceNode.excerpt(component.name ?? component.id, limit: 60))' is inside the component '\(SourceNode.excerpt(container.name ?? container.id, limit: 60))'; it is placed in that component's boundary",
                    at: parent.position)
            }
            let id = componentIDs[component.id]!
            let label = component.name ?? id
            let type = component.mapping.string("type")
            let attributes = component.attributes
            let technology = attributes.flatMap { text($0, "technology") }
                ?? type.flatMap { ElementKind(rawValue: $0) == nil && !$0.isEmpty ? $0 : nil }
            context.add(Element(
                id: id, label: label, kind: type.map(OTMVocabulary.elementKind(forType:)) ?? .process, boundary: place.boundary,
                technology: technology,
                description: context.description(component.mapping.string("description"), originalID: component.id, id: id, label: label),
                url: attributes.flatMap { text($0, "url") }),
                at: component.mapping.position)
            noteThreats(of: component.mapping, owner: label)
            noteAttributes(of: component, besides: OTMVocabulary.componentAttributes, owner: label)
            context.noteUnused(component.mapping, besides: Self.mappedItemKeys.union(["threats"]), owner: label,
                as: Self.componentProperty)
        }
    }

    /// Where a component is: in a boundary, or outside every boundary.
    private struct Place {
        var boundary: String?
    }

    /// The place of every component that has one: its zone's boundary, or its parent
    /// component's place. Each component is resolved once however deep the nesting, and each
    /// unknown parent reported once; components in a cycle (reported by
    /// ``reportComponentCycles(_:)``) or under an unknown parent have none.
    private func places(_ byID: [String: OTMImport.Item]) -> [String: Place] {
        var places: [String: Place] = [:]
        var failed: Set<String> = []
        for component in components {
            var path: [String] = []
            var onPath: Set<String> = []
            var current = component
            var place: Place?
            while true {
                if let known = places[current.id] {
                    place = known
                    break
                }
                guard !failed.contains(current.id), onPath.insert(current.id).inserted else { break }
                path.append(current.id)
                guard let parent = current.parent, parent.key == "component" else {
                    place = zonePlace(of: current)
                    break
                }
                guard let next = byID[parent.id] else {
                    unknown(parent.id, of: "component", among: components.map(\.id), path: current.mapping.path.appending("parent"),
                        at: parent.position)
                    break
                }
                current = next
            }
            for id in path {
                if let place { places[id] = place } else { failed.insert(id) }
            }
        }
        return places
    }

    /// The place a component's own zone gives it; `nil` after reporting an unknown zone.
    private func zonePlace(of component: OTMImport.Item) -> Place? {
        guard let zone = component.parent, !outsideZones.contains(zone.id) else { return Place(boundary: nil) }
        guard let id = zoneIDs[zone.id] else {
            unknown(zone.id, of: "trust zone", among: zones.map(\.id), path: component.mapping.path.appending("parent"), at: zone.position)
            return nil
        }
        return Place(boundary: id)
    }

    private func addFlows(claims: ArraySlice<Bool>) {
        for (dataflow, kept) in zip(dataflows, claims) {
            guard let from = end(of: dataflow, "source"), let to = end(of: dataflow, "destination") else { continue }
            var identity = identity(dataflow, prefix: "flow")
            identity.verbatim = FlowIdentifiers.base(from: from, to: to)
            let id = context.allocateID(identity, kept: kept)
            let mapping = dataflow.mapping
            let attributes = dataflow.attributes
            // The assets' names, then the data TrustFlow's export wrote, as written (a model may
            // list an item twice), less what the assets already name.
            let assetData = mapping.strings("assets").map { assetNames[$0] ?? $0 }
            let data = assetData + (attributes.map { strings($0, "data") } ?? []).filter { !assetData.contains($0) }
            // TrustFlow's export names an unlabelled flow by its id.
            let label = dataflow.name == dataflow.id ? nil : dataflow.name
            context.add(Flow(
                id: id, from: from, to: to, label: label,
                protocol: attributes.flatMap { text($0, "protocol") },
                port: attributes.flatMap { port($0) },
                encryption: attributes.flatMap { enumeration($0, "encryption") },
                authentication: attributes.flatMap { enumeration($0, "authentication") },
                data: data,
                classification: attributes.flatMap { enumeration($0, "classification") },
                bidirectional: mapping.boolean("bidirectional") ?? false,
                description: context.description(mapping.string("description"), originalID: dataflow.id, id: id,
                    label: label ?? id)),
                at: mapping.position)
            noteThreats(of: mapping, owner: label ?? id)
            noteAttributes(of: dataflow, besides: OTMVocabulary.dataflowAttributes, owner: label ?? id)
            context.noteUnused(mapping, besides: Self.mappedFlowKeys, owner: label ?? id, as: Self.dataflowProperty)
        }
    }

    /// The model id of the component at one end of a dataflow; `nil` after a note (a trust
    /// zone) or an error (nothing with that id).
    private func end(of dataflow: OTMImport.Item, _ key: String) -> String? {
        guard let id = dataflow.mapping.string(key, required: true) else { return nil }
        if let model = componentIDs[id] { return model }
        let position = dataflow.mapping.position(of: key)
        if zoneIDs[id] != nil || outsideZones.contains(id) {
            context.note(Self.zoneFlow, "'\(SourceNode.excerpt(dataflow.name ?? dataflow.id, limit: 60))' has the trust zone '\(SourceNode.excerpt(id, limit: 60))' as its \(key)",
                at: position)
            return nil
        }
        unknown(id, of: "component", among: components.map(\.id), path: dataflow.mapping.path.appending(key), at: position)
        return nil
    }

    // MARK: - Attributes, read leniently: another tool may use the same names differently,
    // and a value TrustFlow cannot use is noted, not an error.

    private func text(_ attributes: ForeignMapping, _ key: String) -> String? {
        guard case .scalar(let scalar)? = attributes.node(key)?.value, scalar.kind == .string, !scalar.text.isEmpty,
            !scalar.text.unicodeScalars.contains(where: MappingReader.isForbiddenControl)
        else { return nil }
        return scalar.text
    }

    private func strings(_ attributes: ForeignMapping, _ key: String) -> [String] {
        guard case .sequence(let items)? = attributes.node(key)?.value else { return [] }
        return items.compactMap { item in
            guard case .scalar(let scalar) = item.value, scalar.kind == .string, !scalar.text.isEmpty,
                !scalar.text.unicodeScalars.contains(where: MappingReader.isForbiddenControl)
            else { return nil }
            return scalar.text
        }
    }

    private func port(_ attributes: ForeignMapping) -> Int? {
        guard case .scalar(let scalar)? = attributes.node("port")?.value, scalar.kind == .integer || scalar.kind == .string,
            let port = Int(scalar.text), (1...65535).contains(port)
        else { return nil }
        return port
    }

    private func enumeration<Value: RawRepresentable>(_ attributes: ForeignMapping, _ key: String) -> Value?
    where Value.RawValue == String {
        text(attributes, key).flatMap(Value.init(rawValue:))
    }

    /// Notes each attribute that is not one TrustFlow reads, or whose value it cannot use.
    private func noteAttributes(of item: OTMImport.Item, besides known: [String], owner: String) {
        guard let attributes = item.attributes else { return }
        var used: Set<String> = [OTMVocabulary.outsideMarkerKey]
        for key in known {
            let usable = switch key {
            case "port": port(attributes) != nil
            case "data": strings(attributes, key).count == attributes.list(key).count
            case "encryption": (enumeration(attributes, key) as Encryption?) != nil
            case "authentication": (enumeration(attributes, key) as Authentication?) != nil
            case "classification": (enumeration(attributes, key) as Classification?) != nil
            default: text(attributes, key) != nil
            }
            if usable { used.insert(key) }
        }
        context.noteUnused(attributes, besides: used, owner: owner, as: Self.attribute)
    }

    private func noteThreats(of mapping: ForeignMapping, owner: String) {
        for threat in mapping.list("threats") {
            guard let instance = ForeignMapping(threat.node, path: threat.path, what: "a threat", context: context) else { continue }
            let id = instance.string("threat") ?? "?"
            let state = instance.string("state").map { " (\($0))" } ?? ""
            context.note(Self.threatInstance,
                "'\(SourceNode.excerpt(threatNames[id] ?? id, limit: 60))'\(state) on '\(SourceNode.excerpt(owner, limit: 60))'",
                at: threat.node.position)
        }
    }

    private func unknown(_ id: String, of what: String, among ids: @autoclosure () -> [String], path: ModelPath,
        at position: SourcePosition)
    {
        context.error("no \(what) with id '\(SourceNode.excerpt(id))'\(context.suggestion(for: id, among: ids()))", path: path,
            at: position)
    }

    /// Keys every item has that the import maps; `representations` are positions in
    /// drawings, which TrustFlow does not keep (it lays the diagram out itself).
    static let mappedItemKeys: Set<String> = ["id", "name", "type", "description", "parent", "attributes", "representations"]
    static let mappedFlowKeys: Set<String> = [
        "id", "name", "description", "bidirectional", "source", "destination", "assets", "attributes", "threats", "representations",
    ]
    static let trustRating = InteropNote.Category("trust rating")
    static let zoneProperty = InteropNote.Category("trust zone property", plural: "trust zone properties")
    static let componentProperty = InteropNote.Category("component property", plural: "component properties")
    static let dataflowProperty = InteropNote.Category("dataflow property", plural: "dataflow properties")
    static let attribute = InteropNote.Category("attribute")
    static let threatInstance = InteropNote.Category("threat on a component or dataflow", plural: "threats on components or dataflows")
    static let zoneFlow = InteropNote.Category("dataflow to a trust zone", plural: "dataflows to trust zones")
    static let zoneInComponent = InteropNote.Category("trust zone inside a component", plural: "trust zones inside components",
        treatment: .changed)
    static let componentInComponent = InteropNote.Category("component inside a component", plural: "components inside components",
        treatment: .changed)
}
