/// The files a diagram can be written as.
public enum DiagramFormat: String, CaseIterable, Sendable {
    case svg, png, pdf
    /// The Graphviz DOT source itself, without layout.
    case dot

    /// The format named by a file's extension, or `nil` for an unknown one.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        let suffix = fileName[fileName.index(after: dot)...].lowercased()
        self.init(rawValue: suffix == "gv" ? "dot" : suffix)
    }

    /// The usual file extension.
    public var fileExtension: String { rawValue }

    /// Whether a viewer shows the diagram's tooltips: SVG does (and DOT becomes SVG, as the
    /// atlas's pages do), PNG and PDF do not.
    public var showsTooltips: Bool { self == .svg || self == .dot }

    var graphvizFormat: GraphvizFormat? {
        switch self {
        case .svg: .svg
        case .png: .png
        case .pdf: .pdf
        case .dot: nil
        }
    }
}
