import TrustFlowModel

/// A model read from another tool's file, and what could not be carried over.
public struct ImportResult: Sendable {
    /// The model: valid, ready to be encoded with ``ModelEncoder``.
    public var model: Model
    /// Where each part of the model came from in the other tool's file.
    public var sourceMap: SourceMap
    /// Warnings the imported model has (never errors), located in the other tool's file.
    public var warnings: [Diagnostic]
    /// What the model could not hold or holds in another form, in file order.
    public var notes: [InteropNote]

    /// Creates a result.
    public init(model: Model, sourceMap: SourceMap, warnings: [Diagnostic] = [], notes: [InteropNote] = []) {
        self.model = model
        self.sourceMap = sourceMap
        self.warnings = warnings
        self.notes = notes
    }
}
