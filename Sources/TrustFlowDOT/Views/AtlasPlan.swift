import TrustFlowModel

/// The pages of an atlas of a model: an index (the model collapsed at `level`) and one page per
/// collapsed boundary, with the file names they link each other by.
///
/// A page is named after its boundary's id (`ns-backend.svg`); ids are letters, digits, `_`,
/// `.` and `-`, so they are safe file names. Two names that only differ in case, or a
/// boundary called `index`, would overwrite each other on a case-insensitive file system, so
/// the later one gets `_` in front (no model id starts with `_`) and, if needed, a number; so
/// does a boundary called `matrix`, the matrix page's name. A
/// model that skipped validation may have any id: other characters then become `_`, so a name
/// never leaves the atlas's directory.
public struct AtlasPlan: Sendable {
    /// The base name of the overview page.
    public static let indexName = "index"
    /// The base name of the boundary matrix's page, when the overview is boxes.
    public static let matrixName = "matrix"
    /// The extension pages link each other by: links are followed in SVG.
    public static let linkExtension = "svg"

    /// The kind of boundary collapsed on the index, each of which gets a page.
    public let level: BoundaryKind
    /// The boundaries that get a page, in file order: those of kind ``level`` that are not
    /// inside another one of that kind.
    public let boundaries: [Boundary]
    private let names: [String: String]
    /// Positions in ``Model/flows`` of the flows at each element, in file order: what a page
    /// walks instead of every flow of the model.
    let flowsAtElement: [String: [Int]]

    /// The plan of `model`'s atlas at `level`.
    public init(_ model: Model, level: BoundaryKind) { self.init(ModelIndex(model), level: level) }

    init(_ index: ModelIndex, level: BoundaryKind) {
        self.level = level
        boundaries = index.model.boundaries.filter { index.outermostBoundary(of: level, around: $0.id) == $0.id }
        var taken: Set<String> = [AtlasPlan.indexName, AtlasPlan.matrixName]
        var names: [String: String] = [:]
        for boundary in boundaries {
            let safe = AtlasPlan.safeName(boundary.id)
            var name = safe
            var attempt = 1
            while taken.contains(name.lowercased()) {
                attempt += 1
                name = "_" + safe + (attempt == 2 ? "" : "-\(attempt - 1)")
            }
            taken.insert(name.lowercased())
            names[boundary.id] = name
        }
        self.names = names
        var flowsAtElement: [String: [Int]] = [:]
        for (position, flow) in index.model.flows.enumerated() {
            flowsAtElement[flow.from, default: []].append(position)
            if flow.to != flow.from { flowsAtElement[flow.to, default: []].append(position) }
        }
        self.flowsAtElement = flowsAtElement
    }

    /// `id` when it is a valid model id, else `_` and `id` with every character other than a
    /// letter, digit, `_`, `.` or `-` as `_`.
    static func safeName(_ id: String) -> String {
        let allowed = { (scalar: Unicode.Scalar) in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_.-".unicodeScalars.contains(scalar))
        }
        let valid = id.unicodeScalars.first.map { $0.isASCII && $0.properties.isAlphabetic } ?? false
            && id.unicodeScalars.allSatisfy(allowed)
        guard !valid else { return id }
        return "_" + String(String.UnicodeScalarView(id.unicodeScalars.map { allowed($0) ? $0 : "_" }))
    }

    /// The base name (without extension) of a boundary's page, or of the index for `nil` or
    /// a boundary without a page.
    public func pageName(of boundary: String?) -> String {
        boundary.flatMap { names[$0] } ?? AtlasPlan.indexName
    }

    /// The file name a link to a boundary's page (or the index) uses.
    public func fileName(of boundary: String?) -> String { pageName(of: boundary) + "." + AtlasPlan.linkExtension }
}
