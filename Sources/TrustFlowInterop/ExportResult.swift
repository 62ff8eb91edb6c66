/// A model written in another tool's format, and what that format could not hold.
public struct ExportResult: Sendable {
    /// The file's bytes (UTF-8 JSON).
    public var bytes: [UInt8]
    /// What the format has no place for, in model order, located in the model file when its
    /// source map was given.
    public var notes: [InteropNote]

    /// Creates a result.
    public init(bytes: [UInt8], notes: [InteropNote]) {
        self.bytes = bytes
        self.notes = notes
    }
}
