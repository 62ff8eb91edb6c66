/// One input of the reader: a manifest file's bytes, the path it was read from (as the user
/// gave it; messages repeat it) and the name the model uses for it.
public struct ManifestSource: Sendable {
    public var file: ManifestFile
    public var bytes: [UInt8]

    /// Creates a source; `name` defaults to `path`.
    public init(path: String, name: String? = nil, bytes: [UInt8]) {
        self.file = ManifestFile(path: path, name: name ?? path)
        self.bytes = bytes
    }

    /// Whether the bytes are read as JSON (by the extension); everything else is YAML, of
    /// which JSON is nearly a subset.
    var isJSON: Bool { file.path.lowercased().hasSuffix(".json") }
}
