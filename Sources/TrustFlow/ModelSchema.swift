import FoundationEssentials
import Glibc

/// The JSON Schema (draft 2020-12) of the model format, generated from the Swift types —
/// the key lists of ``ModelKeys``, the enumerations, the id pattern and ``ModelLimits`` — so it
/// cannot drift from what the decoder accepts. Editors use it for completion and checking.
public enum ModelSchema {
    /// Where the schema is published in this repository.
    public static let fileName = "trustflow.schema.json"

    /// The schema as pretty-printed JSON with sorted keys and a final newline.
    public static func json(limits: ModelLimits = .standard) -> String {
        String(decoding: ReportJSON.encode(SchemaValue(schema(limits: limits))), as: UTF8.self)
    }

    /// A value of the schema's JSON object (strings, integers, booleans, arrays, objects), to
    /// encode the untyped object with the reports' JSON encoder.
    private struct SchemaValue: Encodable {
        let value: Any

        init(_ value: Any) { self.value = value }

        func encode(to encoder: any Encoder) throws {
            switch value {
            case let object as [String: Any]:
                var container = encoder.container(keyedBy: Key.self)
                for (key, member) in object { try container.encode(SchemaValue(member), forKey: Key(key)) }
            case let array as [Any]:
                var container = encoder.unkeyedContainer()
                for member in array { try container.encode(SchemaValue(member)) }
            default:
                var container = encoder.singleValueContainer()
                switch value {
                case let text as String: try container.encode(text)
                case let flag as Bool: try container.encode(flag)
                case let number as Int: try container.encode(number)
                default:
                    throw EncodingError.invalidValue(value, .init(codingPath: encoder.codingPath, debugDescription: "not a JSON value"))
                }
            }
        }

        struct Key: CodingKey {
            let stringValue: String
            init(_ key: String) { stringValue = key }
            init?(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }
    }

    /// The schema as a JSON object.
    public static func schema(limits: ModelLimits = .standard) -> [String: Any] {
        let label: [String: Any] = ["$ref": "#/$defs/label"]
        let text: [String: Any] = ["$ref": "#/$defs/text"]
        let id: [String: Any] = ["$ref": "#/$defs/id"]
        func list(_ items: [String: Any], _ description: String, minItems: Int? = nil) -> [String: Any] {
            var value: [String: Any] = ["type": "array", "items": items, "maxItems": limits.maxItemsPerList, "description": description]
            value["minItems"] = minItems
            return value
        }
        func enumeration(_ values: [String], _ description: String) -> [String: Any] {
            ["type": "string", "enum": values, "description": description]
        }
        func described(_ value: [String: Any], _ description: String) -> [String: Any] {
            var copy = value
            copy["description"] = description
            return copy
        }
        let references = list(id, "ids of controls")
        let kubernetes: [String: Any] = ["$ref": "#/$defs/kubernetesReference"]

        let top: [String: [String: Any]] = [
            "trustflow": ["const": Model.currentVersion, "description": "Format version; 1."],
            "title": described(["$ref": "#/$defs/title"], "Diagram title."),
            "description": described(text, "Free text, shown in reports."),
            "controls": list(["$ref": "#/$defs/control"], "Security controls that boundaries, elements and flows refer to by id."),
            "boundaries": list(["$ref": "#/$defs/boundary"], "Trust boundaries, a flat list nested through parent."),
            "elements": list(["$ref": "#/$defs/element"], "Users, services, data stores and external systems.", minItems: 1),
            "flows": list(["$ref": "#/$defs/flow"], "Directed data flows between elements."),
            "threatActors": list(["$ref": "#/$defs/threatActor"], "Who attacks, from where, and what they target."),
            "acceptedRisks": list(["$ref": "#/$defs/acceptedRisk"], "Findings the owners have accepted, with a reason."),
        ]
        let control: [String: [String: Any]] = [
            "id": id, "label": described(label, "Display name; defaults to id."),
            "kind": [
                "description": "What the control does. Rules recognise the known kinds; any other text is accepted.",
                "anyOf": [["enum": ControlKind.known.map(\.rawValue)], ["$ref": "#/$defs/label"]],
            ],
            "description": text,
        ]
        let boundary: [String: [String: Any]] = [
            "id": id, "label": described(label, "Display name; defaults to id."),
            "kind": enumeration(BoundaryKind.allCases.map(\.rawValue), "The kind of trust boundary; decides its style and rules."),
            "parent": described(id, "The enclosing boundary; absent for a top-level boundary."),
            "controls": references, "description": text,
            "k8s": described(kubernetes, "The Kubernetes object the boundary stands for."),
        ]
        let element: [String: [String: Any]] = [
            "id": id, "label": described(label, "Display name; defaults to id."),
            "kind": enumeration(ElementKind.allCases.map(\.rawValue),
                "actor (a person), process (service, API, proxy), datastore (database, bucket, queue), external (a system outside your control)."),
            "boundary": described(id, "The innermost boundary containing the element; absent means outside every boundary."),
            "technology": described(label, "Shown under the label, e.g. nginx."),
            "controls": references, "description": text,
            "url": ["$ref": "#/$defs/url"],
            "k8s": described(kubernetes, "The Kubernetes object (and container) the element stands for."),
        ]
        let flow: [String: [String: Any]] = [
            "id": described(id, "Defaults to FROM-to-TO (then -2, -3 for repeats in file order)."),
            "from": described(id, "The element the data leaves."), "to": described(id, "The element the data reaches."),
            "label": described(label, "What moves, e.g. HTTPS request."),
            "protocol": described(label, "HTTPS, gRPC, MySQL, …"),
            "port": ["type": "integer", "minimum": 1, "maximum": 65535, "description": "Port, 1–65535."],
            "encryption": enumeration(Encryption.allCases.map(\.rawValue), "Transport encryption; absent means unknown, which rules treat as missing."),
            "authentication": enumeration(Authentication.allCases.map(\.rawValue), "How the receiver authenticates the sender; absent means unknown."),
            "data": list(label, "Data carried, e.g. credentials, pii."),
            "classification": enumeration(Classification.allCases.map(\.rawValue), "Sensitivity of the data."),
            "bidirectional": ["type": "boolean", "description": "Data moves both ways; default false."],
            "controls": references, "description": text,
        ]
        let threatActor: [String: [String: Any]] = [
            "id": id, "label": described(label, "Display name; defaults to id."),
            "kind": enumeration(ThreatActorKind.allCases.map(\.rawValue), "The kind of attacker."),
            "boundary": described(id, "Where the actor stands (a compromised container stands inside a pod)."),
            "targets": list(id, "Ids of the elements and boundaries attacked."),
            "description": text,
        ]
        let kubernetesReference: [String: [String: Any]] = [
            "kind": enumeration(KubernetesReference.knownKinds, "The object kind as manifests spell it, or Cluster for a cluster boundary."),
            "name": described(["$ref": "#/$defs/title"], "The object's name; for Cluster, the cluster's name."),
            "namespace": described(["$ref": "#/$defs/title"],
                "The namespace of a namespaced kind; absent means the namespace the manifests were applied to (default)."),
            "container": described(["$ref": "#/$defs/title"], "A container of the workload."),
        ]
        let acceptedRisk: [String: [String: Any]] = [
            "rule": described(label, "A rule id, e.g. TF103."),
            "target": described(id, "The id of the boundary, element, flow or threat actor the finding is about."),
            "reason": described(["$ref": "#/$defs/reason"], "Why the risk is accepted; shown in reports."),
            "until": ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date",
                "description": "Last day the acceptance holds (YYYY-MM-DD)."],
        ]

        func object(_ keys: [String], _ properties: [String: [String: Any]], required: [String], _ description: String) -> [String: Any] {
            precondition(Set(keys) == Set(properties.keys), "schema properties differ from ModelKeys")
            return ["type": "object", "description": description, "additionalProperties": false,
                "required": required, "properties": properties]
        }
        let controlText = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
        var root = object(ModelKeys.model, top, required: ["trustflow", "title", "elements"],
            "A TrustFlow threat model: elements, data flows, trust boundaries, controls and threat actors.")
        root["patternProperties"] = ["^x-": ["description": "Extension data for other tools; kept by convert, read by no command."]]
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["$id"] = "urn:trustflow:model:\(Model.currentVersion)"
        root["title"] = "TrustFlow threat model"
        root["$defs"] = [
            "id": ["type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_.-]{0,63}$",
                "description": "An id: a letter, then up to 63 letters, digits, _, . or -; unique across the model."],
            "title": ["type": "string", "minLength": 1, "maxLength": limits.maxLabelLength, "pattern": "\\S", "allOf": [["pattern": controlText]]],
            "label": ["type": "string", "maxLength": limits.maxLabelLength, "pattern": controlText],
            "text": ["type": "string", "maxLength": limits.maxDescriptionLength, "pattern": controlText],
            "reason": ["type": "string", "minLength": 1, "maxLength": limits.maxDescriptionLength, "pattern": "\\S",
                "allOf": [["pattern": controlText]]],
            "url": ["type": "string", "minLength": 1, "maxLength": limits.maxDescriptionLength,
                "pattern": "^(?:[Hh][Tt][Tt][Pp][Ss]?:|(?![A-Za-z][A-Za-z0-9+.-]*:))[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%-]+$",
                "description": "Documentation link: https:, http: or a relative URL, percent-encoded."],
            "control": object(ModelKeys.control, control, required: ["id", "kind"], "A security control."),
            "boundary": object(ModelKeys.boundary, boundary, required: ["id", "kind"], "A trust boundary, drawn as a cluster."),
            "element": object(ModelKeys.element, element, required: ["id", "kind"], "A user, service, data store or external system."),
            "flow": object(ModelKeys.flow, flow, required: ["from", "to"], "A directed data flow between two elements."),
            "threatActor": object(ModelKeys.threatActor, threatActor, required: ["id", "kind"], "Someone who attacks the system."),
            "kubernetesReference": object(ModelKeys.kubernetesReference, kubernetesReference, required: ["kind", "name"],
                "The Kubernetes object a boundary or element stands for."),
            "acceptedRisk": object(ModelKeys.acceptedRisk, acceptedRisk, required: ["rule", "target", "reason"],
                "A finding the owners have accepted, by rule and target."),
        ] as [String: Any]
        return root
    }
}
