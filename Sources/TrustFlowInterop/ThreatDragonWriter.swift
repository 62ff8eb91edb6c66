import TrustFlowDOT
import TrustFlowModel

/// Writes a model as an OWASP Threat Dragon v2 model: one diagram, drawn where TrustFlow's
/// own Graphviz layout puts things (a ``DiagramLayout``), each boundary a trust boundary box
/// around its members, so that importing the file again gives the same nesting.
///
/// Cell ids are the diagram's ids (``DiagramIDs``: `element-web`, `boundary-ns`,
/// `flow-web-to-db`), which the import turns back into model ids. Threat Dragon has no place
/// for boundary kinds, controls, threat actors, accepted risks, technologies, URLs, ports,
/// authentication, data or classifications, and only a yes/no for encryption; actors and
/// external systems are both its actors. Each such item present is listed in
/// ``ExportResult/notes``.
public struct ThreatDragonWriter: Sendable {
    /// The Threat Dragon version written into the file; the version of its own demo models.
    static let version = "2.3.0"

    /// Creates a writer.
    public init() {}

    /// The Threat Dragon file of `model`, laid out as `layout` says.
    /// - Parameters:
    ///   - model: a valid model.
    ///   - layout: where Graphviz put its boundaries, elements and flows.
    ///   - sourceMap: where the model was written, to locate the notes.
    public func write(_ model: Model, layout: DiagramLayout, sourceMap: SourceMap? = nil) -> ExportResult {
        var notes = ExportNotes(sourceMap: sourceMap)
        notes.noteControlsActorsAndRisks(of: model)
        let index = ModelIndex(model)
        var cells: [EncodedValue] = []
        let depths = model.boundaries.map { index.boundaryChain(from: $0.id).count }
        let deepest = depths.max() ?? 0
        for (position, boundary) in model.boundaries.enumerated() {
            // Outer boxes lie under inner ones, all under the elements.
            cells.append(box(boundary, frame: layout.boundaries[boundary.id]!, zIndex: depths[position] - deepest - 1))
            let path = ModelPath("boundaries").appending(position)
            if boundary.kind != .generic { notes.note(Self.boundaryKind, "'\(boundary.id)': \(boundary.kind.rawValue)", at: path.appending("kind")) }
        }
        for (position, element) in model.elements.enumerated() {
            cells.append(node(element, frame: layout.elements[element.id]!, zIndex: position + 1, index: index))
            noteElement(element, at: ModelPath("elements").appending(position), into: &notes)
        }
        for (position, flow) in model.flows.enumerated() {
            cells.append(edge(flow, bend: layout.flowMidpoints[flow.id], zIndex: model.elements.count + position + 1))
            noteFlow(flow, at: ModelPath("flows").appending(position), into: &notes)
        }
        let diagram = EncodedValue.object([
            "id": .integer(0),
            "title": .string(model.title),
            "diagramType": .string("STRIDE"),
            "placeholder": .string("New STRIDE diagram description"),
            "thumbnail": .string("./public/content/images/thumbnail.stride.jpg"),
            "version": .string(Self.version),
            "description": .string(""),
            "cells": .list(cells),
        ])
        let document = EncodedValue.object([
            "version": .string(Self.version),
            "summary": .object([
                "title": .string(model.title),
                "description": .string(model.description ?? ""),
                "id": .integer(0),
            ]),
            "detail": .object([
                "contributors": .list([]),
                "diagrams": .list([diagram]),
                "diagramTop": .integer(1),
                "reviewer": .string(""),
                "threatTop": .integer(0),
            ]),
        ])
        return ExportResult(bytes: Array(JSONWriter.write(document).utf8), notes: notes.notes)
    }

    private func box(_ boundary: Boundary, frame: Rectangle, zIndex: Int) -> EncodedValue {
        .object([
            "position": position(frame),
            "size": size(frame),
            "attrs": .object(["label": .object(["text": .string(boundary.label)])]),
            "visible": .boolean(true),
            "shape": .string("trust-boundary-box"),
            "id": .string(DiagramIDs.boundary(boundary.id)),
            "zIndex": .integer(zIndex),
            "data": .object([
                "type": .string("tm.BoundaryBox"),
                "name": .string(boundary.label),
                "description": .string(boundary.description ?? ""),
                "isTrustBoundary": .boolean(true),
                "hasOpenThreats": .boolean(false),
            ]),
        ])
    }

    private func node(_ element: Element, frame: Rectangle, zIndex: Int, index: ModelIndex) -> EncodedValue {
        let stroke = EncodedValue.object([
            "stroke": .string("#333333"), "strokeWidth": .integer(1), "strokeDasharray": .string(""),
        ])
        let (shape, type, attrs, flags): (String, String, EncodedValue, KeyValuePairs<String, EncodedValue?>)
        let label = EncodedValue.object(["text": .string(element.label)])
        switch element.kind {
        case .process:
            (shape, type, attrs) = ("process", "tm.Process", .object(["text": label, "body": stroke]))
            flags = [
                "handlesCardPayment": .boolean(false), "handlesGoodsOrServices": .boolean(false),
                "isWebApplication": .boolean(false), "privilegeLevel": .string(""),
            ]
        case .datastore:
            (shape, type, attrs) = ("store", "tm.Store", .object(["text": label, "topLine": stroke, "bottomLine": stroke]))
            let encrypted = element.controls.contains { index.control($0)?.kind == .encryptionAtRest }
            flags = [
                "isALog": .boolean(false), "storesCredentials": .boolean(false), "isEncrypted": .boolean(encrypted),
                "isSigned": .boolean(false),
            ]
        case .actor, .external:
            (shape, type, attrs) = ("actor", "tm.Actor", .object(["text": label, "body": stroke]))
            flags = ["providesAuthentication": .boolean(false)]
        }
        let data = EncodedValue.entries([
            "type": .string(type),
            "name": .string(element.label),
            "description": .string(element.description ?? ""),
            "outOfScope": .boolean(false),
            "reasonOutOfScope": .string(""),
            "hasOpenThreats": .boolean(false),
            "threats": .list([]),
        ]) + EncodedValue.entries(flags)
        return .object([
            "position": position(frame),
            "size": size(frame),
            "attrs": attrs,
            "visible": .boolean(true),
            "shape": .string(shape),
            "id": .string(DiagramIDs.element(element.id)),
            "zIndex": .integer(zIndex),
            "data": .mapping(data),
        ])
    }

    private func edge(_ flow: Flow, bend: Point?, zIndex: Int) -> EncodedValue {
        let name = flow.label ?? ""
        return .object([
            "shape": .string("flow"),
            "attrs": .object([
                "line": .object([
                    "stroke": .string("#333333"),
                    "strokeWidth": .integer(1),
                    "targetMarker": .object(["name": .string("block")]),
                    "sourceMarker": .object(["name": .string(flow.bidirectional ? "block" : "")]),
                    "strokeDasharray": .string(""),
                ]),
            ]),
            "labels": .list([
                .object([
                    "markup": .list([
                        .object(["tagName": .string("ellipse"), "selector": .string("labelBody")]),
                        .object(["tagName": .string("text"), "selector": .string("labelText")]),
                    ]),
                    "attrs": .object([
                        "labelText": .object([
                            "text": .string(name), "textAnchor": .string("middle"), "textVerticalAnchor": .string("middle"),
                        ]),
                        "labelBody": .object([
                            "ref": .string("labelText"), "refRx": .string("50%"), "refRy": .string("60%"),
                            "fill": .string("#fff"), "strokeWidth": .integer(0),
                        ]),
                    ]),
                ]),
            ]),
            "connector": .string("smooth"),
            "data": .object([
                "type": .string("tm.Flow"),
                "name": .string(name),
                "description": .string(flow.description ?? ""),
                "outOfScope": .boolean(false),
                "reasonOutOfScope": .string(""),
                "hasOpenThreats": .boolean(false),
                "isBidirectional": .boolean(flow.bidirectional),
                "isEncrypted": .boolean(flow.encryption == .tls || flow.encryption == .mtls),
                "isPublicNetwork": .boolean(false),
                "protocol": .string(flow.protocol ?? ""),
                "threats": .list([]),
            ]),
            "id": .string(DiagramIDs.flow(flow.id)),
            "source": .object(["cell": .string(DiagramIDs.element(flow.from))]),
            "target": .object(["cell": .string(DiagramIDs.element(flow.to))]),
            "vertices": .list(bend.map { [.object(["x": .rounded($0.x), "y": .rounded($0.y)])] } ?? []),
            "zIndex": .integer(zIndex),
        ])
    }

    private func position(_ frame: Rectangle) -> EncodedValue {
        .object(["x": .rounded(frame.x), "y": .rounded(frame.y)])
    }

    /// At least 10 by 10, the schema's smallest cell.
    private func size(_ frame: Rectangle) -> EncodedValue {
        .object(["width": .integer(max(10, Int(frame.width.rounded()))), "height": .integer(max(10, Int(frame.height.rounded())))])
    }

    private func noteElement(_ element: Element, at path: ModelPath, into notes: inout ExportNotes) {
        if element.kind == .external {
            notes.note(Self.externalKind, "'\(element.id)' is drawn as an actor", at: path.appending("kind"))
        }
        if let technology = element.technology { notes.note(Self.technology, "'\(element.id)': \(technology)", at: path.appending("technology")) }
        if let url = element.url { notes.note(Self.url, "'\(element.id)': \(url)", at: path.appending("url")) }
    }

    private func noteFlow(_ flow: Flow, at path: ModelPath, into notes: inout ExportNotes) {
        switch flow.encryption {
        case .mtls?: notes.note(Self.encryption, "'\(flow.id)': mtls is written as encrypted", at: path.appending("encryption"))
        case nil: notes.note(Self.encryption, "'\(flow.id)': unknown encryption is written as not encrypted", at: path)
        default: break
        }
        if let authentication = flow.authentication {
            notes.note(Self.authentication, "'\(flow.id)': \(authentication.rawValue)", at: path.appending("authentication"))
        }
        if let port = flow.port { notes.note(Self.port, "'\(flow.id)': \(port)", at: path.appending("port")) }
        if !flow.data.isEmpty { notes.note(Self.data, "'\(flow.id)': \(flow.data.joined(separator: ", "))", at: path.appending("data")) }
        if let classification = flow.classification {
            notes.note(Self.classification, "'\(flow.id)': \(classification.rawValue)", at: path.appending("classification"))
        }
    }

    static let boundaryKind = InteropNote.Category("boundary kind (every box is a plain trust boundary)",
        plural: "boundary kinds (every box is a plain trust boundary)")
    static let externalKind = InteropNote.Category("external system (drawn as an actor)", plural: "external systems (drawn as actors)")
    static let technology = InteropNote.Category("element technology", plural: "element technologies")
    static let url = InteropNote.Category("element URL")
    static let encryption = InteropNote.Category("flow encryption beyond yes or no", plural: "flow encryptions beyond yes or no")
    static let authentication = InteropNote.Category("flow authentication")
    static let port = InteropNote.Category("flow port")
    static let data = InteropNote.Category("flow data list")
    static let classification = InteropNote.Category("flow classification")
}
