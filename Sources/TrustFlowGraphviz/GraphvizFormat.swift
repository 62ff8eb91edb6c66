import Glibc

/// Output formats rendered by libgvc.
public enum GraphvizFormat: String, CaseIterable, Sendable {
    case svg, png, pdf
    /// The laid-out graph as JSON: node positions and sizes, cluster bounding boxes and edge
    /// splines, with every attribute (the model-derived `id`s included). For exports that
    /// need TrustFlow's own geometry (Threat Dragon), not for pictures.
    case json
    /// The laid-out graph as JSON with Graphviz's drawing operations (xdot) too: where each
    /// line of every label was written, in which font size and how wide. For measuring a
    /// layout (labels over labels, boxes or headers), not for pictures.
    case xdotJSON

    /// The libgvc device name: PNG and PDF go through cairo for anti-aliased text; JSON is
    /// `json0`, which leaves out the xdot drawing operations an export does not read.
    var device: String {
        switch self {
        case .svg: "svg"
        case .png: "png:cairo"
        case .pdf: "pdf:cairo"
        case .json: "json0"
        case .xdotJSON: "json"
        }
    }
}

/// Graphviz layout engines TrustFlow uses.
public enum GraphvizEngine: String, CaseIterable, Sendable {
    /// Hierarchical layout: the clearest for data flows, slow for very large graphs.
    case dot
    /// Force-directed layout with cluster support: fast on large models.
    case fdp
    /// Packs each cluster's nodes and clusters in rows (in `sortv` order with
    /// `packmode="array_u"`), edges drawn straight: fast and deterministic for views of very
    /// large models.
    case osage
}

/// Rendered bytes and whatever Graphviz said while producing them.
public struct GraphvizOutput: Sendable {
    /// The file's bytes.
    public var bytes: [UInt8]
    /// Warnings Graphviz reported (through its error callback or on standard error).
    public var messages: [String]
}

/// Why Graphviz could not produce a diagram.
public struct GraphvizError: Error, Sendable, CustomStringConvertible {
    /// The stage that failed.
    public enum Kind: String, Sendable {
        /// The DOT text did not parse.
        case syntax
        /// The layout engine failed.
        case layout
        /// The output device failed.
        case render
        /// Graphviz's plugin configuration (`config6a`) is missing or lacks the plugin.
        case missingPlugin
    }

    public var kind: Kind
    /// What Graphviz said, one message per entry.
    public var messages: [String]

    public var description: String {
        let said = messages.isEmpty ? "" : ": " + messages.joined(separator: "; ")
        switch kind {
        case .syntax: return "Graphviz could not read the generated DOT\(said)"
        case .layout: return "Graphviz layout failed\(said)"
        case .render: return "Graphviz rendering failed\(said)"
        case .missingPlugin:
            let override = getenv("GVBINDIR").map { String(cString: $0) }.map {
                " (GVBINDIR is set to '\($0)': it must name the directory of Graphviz's plugins and config6a)"
            } ?? ""
            return "Graphviz cannot find its plugins\(said)\(override). Install Debian's libgvc6 (it comes with "
                + "libgraphviz-dev) so that /usr/lib/<arch>/graphviz/config6a exists, or regenerate that file as root with `libgvc6-config-update -c` (also from libgvc6)"
        }
    }
}
