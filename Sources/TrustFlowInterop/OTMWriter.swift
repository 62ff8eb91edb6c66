import TrustFlowModel

/// Writes a model as an Open Threat Model (OTM 0.2.0) JSON file.
///
/// Boundaries become trust zones (`type` is the boundary kind, `parent` the enclosing zone),
/// elements components (`type` is the element kind), flows dataflows. TrustFlow's fields OTM
/// has no key for go into the `attributes` OTM provides for them: a component's technology
/// and URL; a dataflow's protocol, port, encryption, authentication, data and
/// classification — the import reads them back. OTM requires a trust rating for each zone,
/// which TrustFlow does not have: each is written as 50, the middle of OTM's scale. A
/// component needs a parent zone, so elements outside every boundary go into one extra zone
/// marked `attributes: {trustflow: outside}`, which the import removes again. Controls,
/// threat actors and accepted risks have no place in OTM and are listed in
/// ``ExportResult/notes``.
public struct OTMWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The OTM file of `model`.
    /// - Parameters:
    ///   - model: a valid model.
    ///   - sourceMap: where the model was written, to locate the notes.
    public func write(_ model: Model, sourceMap: SourceMap? = nil) -> ExportResult {
        var notes = ExportNotes(sourceMap: sourceMap)
        notes.noteControlsActorsAndRisks(of: model)
        let outsideZone = model.elements.contains { $0.boundary == nil } ? outsideZoneID(model) : nil
        var zones = model.boundaries.map { boundary in
            EncodedValue.object([
                "id": .string(boundary.id),
                "name": .string(boundary.label),
                "type": .string(boundary.kind.rawValue),
                "description": .text(boundary.description),
                "risk": .object(["trustRating": .integer(OTMVocabulary.neutralTrustRating)]),
                "parent": boundary.parent.map { .object(["trustZone": .string($0)]) },
            ])
        }
        if let outsideZone {
            zones.append(.object([
                "id": .string(outsideZone),
                "name": .string(OTMVocabulary.outsideZoneName),
                "type": .string(BoundaryKind.generic.rawValue),
                "risk": .object(["trustRating": .integer(OTMVocabulary.neutralTrustRating)]),
                "attributes": .object([OTMVocabulary.outsideMarkerKey: .string(OTMVocabulary.outsideMarkerValue)]),
            ]))
            notes.note(Self.outside,
                "elements outside every boundary are in the trust zone '\(outsideZone)' (an OTM component needs a parent)",
                at: "elements")
        }
        if !model.boundaries.isEmpty {
            notes.note(Self.trustRating,
                "OTM requires a trust rating for each trust zone and TrustFlow has none: each is written as \(OTMVocabulary.neutralTrustRating)",
                at: "boundaries")
        }
        let components = model.elements.map { element in
            EncodedValue.object([
                "id": .string(element.id),
                "name": .string(element.label),
                "type": .string(element.kind.rawValue),
                "description": .text(element.description),
                "parent": .object(["trustZone": .string(element.boundary ?? outsideZone!)]),
                "attributes": attributes(["technology": .text(element.technology), "url": .text(element.url)]),
            ])
        }
        let dataflows = model.flows.map { flow in
            EncodedValue.object([
                "id": .string(flow.id),
                // OTM requires a name; an unlabelled flow is named by its id, which the import
                // reads back as no label.
                "name": .string(flow.label ?? flow.id),
                "description": .text(flow.description),
                "bidirectional": .boolean(flow.bidirectional),
                "source": .string(flow.from),
                "destination": .string(flow.to),
                "attributes": attributes([
                    "protocol": .text(flow.protocol),
                    "port": flow.port.map(EncodedValue.integer),
                    "encryption": .text(flow.encryption?.rawValue),
                    "authentication": .text(flow.authentication?.rawValue),
                    "data": flow.data.isEmpty ? nil : .list(flow.data.map(EncodedValue.string)),
                    "classification": .text(flow.classification?.rawValue),
                ]),
            ])
        }
        let document = EncodedValue.object([
            "otmVersion": .string(OTMVocabulary.version),
            "project": .object([
                "name": .string(model.title),
                "id": .string(projectID(model)),
                "description": .text(model.description),
            ]),
            "trustZones": .list(zones),
            "components": .list(components),
            "dataflows": .list(dataflows),
        ])
        return ExportResult(bytes: Array(JSONWriter.write(document).utf8), notes: notes.notes)
    }

    /// The attributes object, or nothing when every value is absent.
    private func attributes(_ entries: KeyValuePairs<String, EncodedValue?>) -> EncodedValue? {
        let present = EncodedValue.entries(entries)
        return present.isEmpty ? nil : .mapping(present)
    }

    /// The project id: the title as an id stem, so the same model always gets the same one.
    private func projectID(_ model: Model) -> String {
        let stem = IdentifierAllocator.stem(model.title, prefix: "project")
        return stem.isEmpty ? "project" : stem
    }

    /// `outside`, or `outside-2`, … when the model uses that id.
    private func outsideZoneID(_ model: Model) -> String {
        let used = Set(model.controls.map(\.id) + model.boundaries.map(\.id) + model.elements.map(\.id) + model.flows.map(\.id)
            + model.threatActors.map(\.id))
        var id = "outside"
        var number = 2
        while used.contains(id) {
            id = "outside-\(number)"
            number += 1
        }
        return id
    }

    static let outside = InteropNote.Category("trust zone for elements outside every boundary", treatment: .shown)
    static let trustRating = InteropNote.Category("trust rating", treatment: .shown)
}
