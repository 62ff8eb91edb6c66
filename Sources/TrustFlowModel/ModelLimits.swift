/// Limits that keep hostile input from exhausting memory, stack or time.
///
/// Chosen so that real models are never near them: the generated 2000-service benchmark
/// model is about 2 MB, nests its boundaries 5 deep and its data 4 deep.
public struct ModelLimits: Hashable, Sendable {
    /// Largest model file read, in bytes.
    public var maxFileBytes: Int
    /// Deepest nesting of mappings and lists in a JSON or YAML document.
    public var maxNestingDepth: Int
    /// Most values in a document, counting every value an alias repeats ("billion laughs").
    public var maxDocumentNodes: Int
    /// Most entries in each of the model's lists (elements, flows, boundaries, …).
    public var maxItemsPerList: Int
    /// Longest id, label, title, protocol, technology or other short text, in characters.
    public var maxLabelLength: Int
    /// Longest description, in characters.
    public var maxDescriptionLength: Int
    /// Deepest chain of boundary parents.
    public var maxBoundaryDepth: Int

    /// Creates limits.
    public init(
        maxFileBytes: Int, maxNestingDepth: Int, maxDocumentNodes: Int, maxItemsPerList: Int,
        maxLabelLength: Int, maxDescriptionLength: Int, maxBoundaryDepth: Int
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxNestingDepth = maxNestingDepth
        self.maxDocumentNodes = maxDocumentNodes
        self.maxItemsPerList = maxItemsPerList
        self.maxLabelLength = maxLabelLength
        self.maxDescriptionLength = maxDescriptionLength
        self.maxBoundaryDepth = maxBoundaryDepth
    }

    /// The limits every command uses (documented in <doc:TheModelFormat>).
    public static let standard = ModelLimits(
        maxFileBytes: 32 << 20,
        maxNestingDepth: 64,
        maxDocumentNodes: 2_000_000,
        maxItemsPerList: 50_000,
        maxLabelLength: 1_000,
        maxDescriptionLength: 20_000,
        maxBoundaryDepth: 32
    )
}
