import TrustFlowModel

/// Turns one object's manifest into the inventory's typed value. Only what TrustFlow reads
/// is checked; the rest of the object is left alone.
struct ObjectDecoder {
    let object: ManifestMapping
    let metadata: ObjectMetadata

    var scope: ObjectScope { object.scope }

    /// The object's `spec`, reported when missing.
    func spec(required: Bool = true) -> ManifestMapping? {
        if let spec = object.mapping("spec", what: "the object's spec") { return spec }
        if required, !object.contains("spec") {
            scope.error("missing required key 'spec'", at: object.position, path: object.path.appending("spec"))
        }
        return nil
    }

    func location(_ mapping: ManifestMapping) -> SourceLocation { mapping.location }
}

extension ObjectDecoder {
    /// The header every object starts with: `apiVersion`, `kind`, `metadata`.
    struct Header {
        var apiVersion: String?
        var kind: String?
        var name: String?
        var namespace: String?
        var labels: [String: String]
        var annotations: [String: String]
        /// The workload that controls this object (`ownerReferences` with `controller: true`).
        var controller: (kind: String, name: String)?
    }

    /// Reads the header of an object; messages name it once its kind and name are known.
    static func header(of object: ManifestMapping) -> Header {
        let kind = object.string("kind")
        let metadata = object.mapping("metadata", what: "the object's metadata")
        var controller: (String, String)?
        for owner in metadata?.mappings("ownerReferences", what: "an owner reference") ?? [] {
            if owner.boolean("controller") == true, let kind = owner.string("kind"), let name = owner.name("name") {
                controller = (kind, name)
            }
        }
        return Header(
            apiVersion: object.string("apiVersion"), kind: kind,
            name: metadata?.name("name"), namespace: metadata?.name("namespace"),
            labels: metadata?.stringMap("labels") ?? [:], annotations: metadata?.stringMap("annotations") ?? [:],
            controller: controller)
    }
}
