import TrustFlowAnalysis
import TrustFlowDiff
import TrustFlowModel

extension DiagramTheme {
    /// The keys of a theme file, in the order the built-in themes write them.
    public static let fileKeys = ["name", "font", "colors", "boundaries", "elements", "threatActor", "flows", "attack", "findings", "diff"]

    /// Arrowheads a theme may use (Graphviz names).
    public static let arrowHeads = ["normal", "vee", "open", "empty", "onormal", "inv", "dot", "odot", "diamond", "box", "tee", "crow", "none"]

    /// Reads a theme file (JSON). Every key is optional: what a theme leaves out comes from
    /// `base`. Unknown keys, bad colours and values outside their range are errors located
    /// like a model's, all reported at once.
    /// - Throws: ``ModelError`` with every problem of the file.
    public static func decode(_ bytes: [UInt8], file: String, base: DiagramTheme = .standard) throws(ModelError) -> DiagramTheme {
        let root: SourceNode
        do {
            root = try JSONSourceParser().parse(bytes)
        } catch {
            throw ModelError(diagnostics: [Diagnostic(.error, error.message,
                location: SourceLocation(file: file, line: error.position.line, column: error.position.column))])
        }
        let context = DecodingContext(file: file)
        var theme = base
        if let reader = MappingReader(root, path: .root, what: "a theme", keys: fileKeys, context: context) {
            ThemeReader(context: context).read(reader, into: &theme)
        }
        if !context.diagnostics.isEmpty { throw ModelError(diagnostics: context.diagnostics) }
        return theme
    }
}

/// Reads the sections of a theme file onto a base theme.
private struct ThemeReader {
    let context: DecodingContext

    func read(_ reader: MappingReader, into theme: inout DiagramTheme) {
        _ = reader.string("name")
        section(reader, "font", keys: ["family", "titleSize", "size", "edgeSize", "smallSize"]) { font in
            if let family = font.string("family") {
                if family.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || " ,-".unicodeScalars.contains($0) }),
                    !family.isEmpty
                {
                    theme.fontName = family
                } else if let node = font.node("family") {
                    context.error("a font family has only letters, digits, spaces, commas and hyphens", path: font.path.appending("family"), at: node.position)
                }
            }
            theme.titleFontSize = font.number("titleSize", in: 4...72, what: "a font size from 4 to 72") ?? theme.titleFontSize
            theme.fontSize = font.number("size", in: 4...72, what: "a font size from 4 to 72") ?? theme.fontSize
            theme.edgeFontSize = font.number("edgeSize", in: 4...72, what: "a font size from 4 to 72") ?? theme.edgeFontSize
            theme.smallFontSize = font.number("smallSize", in: 4...72, what: "a font size from 4 to 72") ?? theme.smallFontSize
        }
        section(reader, "colors", keys: ["text", "mutedText", "controlText", "background"]) { colors in
            theme.textColor = color(colors, "text") ?? theme.textColor
            theme.mutedTextColor = color(colors, "mutedText") ?? theme.mutedTextColor
            theme.controlTextColor = color(colors, "controlText") ?? theme.controlTextColor
            theme.backgroundColor = color(colors, "background") ?? theme.backgroundColor
        }
        section(reader, "boundaries", keys: BoundaryKind.allCases.map(\.rawValue)) { kinds in
            for kind in BoundaryKind.allCases {
                section(kinds, kind.rawValue, keys: ["line", "fill", "style", "width", "rounded"]) { style in
                    var value = theme.style(for: kind)
                    value.lineColor = color(style, "line") ?? value.lineColor
                    value.fillColor = color(style, "fill") ?? value.fillColor
                    value.lineStyle = style.enumeration("style", as: LineStyle.self) ?? value.lineStyle
                    value.penWidth = width(style) ?? value.penWidth
                    value.rounded = style.boolean("rounded") ?? value.rounded
                    theme.boundaries[kind] = value
                }
            }
        }
        section(reader, "elements", keys: ElementKind.allCases.map(\.rawValue)) { kinds in
            for kind in ElementKind.allCases {
                section(kinds, kind.rawValue, keys: nodeKeys) { style in
                    theme.elements[kind] = node(style, theme.style(for: kind))
                }
            }
        }
        section(reader, "threatActor", keys: nodeKeys) { style in theme.threatActor = node(style, theme.threatActor) }
        section(reader, "flows", keys: FlowSecurity.allCases.map(\.rawValue)) { states in
            for security in FlowSecurity.allCases {
                section(states, security.rawValue, keys: edgeKeys) { style in
                    theme.flows[security] = edge(style, theme.style(for: security))
                }
            }
        }
        section(reader, "attack", keys: edgeKeys) { style in theme.attack = edge(style, theme.attack) }
        section(reader, "findings", keys: Severity.allCases.map(\.rawValue)) { severities in
            for severity in Severity.allCases {
                if let value = color(severities, severity.rawValue) { theme.findingColors[severity] = value }
            }
        }
        let diffKinds: [ChangeKind] = [.added, .removed, .changed]
        section(reader, "diff", keys: diffKinds.map(\.rawValue)) { kinds in
            for kind in diffKinds {
                if let value = color(kinds, kind.rawValue) { theme.diffColors[kind] = value }
            }
        }
    }

    let nodeKeys = ["shape", "line", "fill", "style", "width", "peripheries", "rounded"]
    let edgeKeys = ["color", "style", "width", "double", "arrowhead", "marker"]

    func section(_ reader: MappingReader, _ key: String, keys: [String], _ body: (MappingReader) -> Void) {
        guard let node = reader.node(key),
            let inner = MappingReader(node, path: reader.path.appending(key), what: "'\(key)'", keys: keys, context: context)
        else { return }
        body(inner)
    }

    func color(_ reader: MappingReader, _ key: String) -> DOTColor? {
        guard let text = reader.string(key) else { return nil }
        if let color = DOTColor(text) { return color }
        if let node = reader.node(key) {
            context.error("expected a colour written #rrggbb or #rgb, found \"\(text)\"", path: reader.path.appending(key), at: node.position)
        }
        return nil
    }

    func width(_ reader: MappingReader) -> Double? { reader.number("width", in: 0.1...10, what: "a line width from 0.1 to 10") }

    func node(_ reader: MappingReader, _ base: NodeStyle) -> NodeStyle {
        var value = base
        value.shape = reader.enumeration("shape", as: NodeShape.self) ?? value.shape
        value.lineColor = color(reader, "line") ?? value.lineColor
        value.fillColor = color(reader, "fill") ?? value.fillColor
        value.lineStyle = reader.enumeration("style", as: LineStyle.self) ?? value.lineStyle
        value.penWidth = width(reader) ?? value.penWidth
        value.peripheries = reader.integer("peripheries", in: 1...3, what: "1, 2 or 3 outlines") ?? value.peripheries
        value.rounded = reader.boolean("rounded") ?? value.rounded
        return value
    }

    func edge(_ reader: MappingReader, _ base: EdgeStyle) -> EdgeStyle {
        var value = base
        value.color = color(reader, "color") ?? value.color
        value.lineStyle = reader.enumeration("style", as: LineStyle.self) ?? value.lineStyle
        value.penWidth = width(reader) ?? value.penWidth
        value.doubleLine = reader.boolean("double") ?? value.doubleLine
        if let arrow = reader.string("arrowhead") {
            if DiagramTheme.arrowHeads.contains(arrow) {
                value.arrowHead = arrow
            } else if let node = reader.node("arrowhead") {
                let suggestion = Suggestion.closest(to: arrow, among: DiagramTheme.arrowHeads).map { "; did you mean '\($0)'?" }
                    ?? "; expected one of: \(DiagramTheme.arrowHeads.joined(separator: ", "))"
                context.error("'\(arrow)' is not an arrowhead\(suggestion)", path: reader.path.appending("arrowhead"), at: node.position)
            }
        }
        value.marker = reader.string("marker") ?? value.marker
        return value
    }
}
