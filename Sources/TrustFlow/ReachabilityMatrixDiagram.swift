/// The reachability matrix (``ReachabilityMatrix``) as a picture: workloads or namespaces down
/// the side and across the top, each cell what the NetworkPolicies allow from the row to the
/// column — and, with a model, whether the model declares it. Drawn with the matrix machinery of
/// the boundary matrix (``MatrixTable``), so SVG, PNG and PDF all work and it reads the same.
///
/// A cell says it in words and a symbol, never by colour alone:
/// - `✔ ports` allowed (and declared, with a model): green;
/// - `⚠ ports` allowed but not declared: tinted in the high-finding colour — what drift flags;
/// - `? ports` may be allowed (unknown: see `trustflow drift` for why): grey;
/// - `✗ blocked` declared but denied: tinted in the critical-finding colour;
/// - empty: denied, and (with a model) not declared — as it should be.
public enum ReachabilityMatrixDiagram {
    /// The DOT graph of `matrix`, titled `title`.
    public static func graph(_ matrix: ReachabilityMatrix, title: String, options: DiagramOptions = DiagramOptions()) -> DOTGraph {
        let theme = options.theme
        let allowedColor = theme.style(for: .mtls).color
        let undeclaredColor = theme.findingColor(.high)
        let blockedColor = theme.findingColor(.critical)
        var cells: [MatrixTable.Position: MatrixTable.Cell] = [:]
        var drawn: Set<String> = []
        for (row, line) in matrix.cells.enumerated() {
            for (column, cell) in line.enumerated() {
                guard let cell, let (symbol, ports, color, kind) = look(of: cell, allowedColor, undeclaredColor, blockedColor, theme)
                else { continue }
                drawn.insert(kind)
                let pairs = ConnectionVerdict.Kind.allCases.compactMap { verdict in
                    cell.pairs[verdict].map { "\($0) \(verdict.rawValue)" }
                }.joined(separator: ", ")
                cells[MatrixTable.Position(row: row, column: column)] = MatrixTable.Cell(
                    text: [.font(HTMLFont(color: color), [.bold([.plain(symbol)]), .plain(ports.isEmpty ? "" : " " + ports)])],
                    background: color.tinted(kind == "allowed" ? 0.12 : 0.2),
                    id: options.idPrefix + "reach-\(row)-\(column)",
                    tooltip: "\(matrix.labels[row]) → \(matrix.labels[column]): \(describe(cell)) (\(pairs))")
            }
        }
        let headers = matrix.labels.map { label in
            let (name, detail) = split(label)
            return MatrixTable.Header(name: name, detail: detail, tooltip: label)
        }
        let table = MatrixTable(headers: headers, cells: cells,
            corner: [.font(HTMLFont(pointSize: theme.smallFontSize, color: theme.mutedTextColor), [.plain("from ↓   to →")])],
            cellWidth: 46, cellHeight: 22, diagonal: theme.mutedTextColor.tinted(0.12))
        var rows: [LegendRow] = []
        let declared = matrix.cells.joined().compactMap { $0?.declared }.isEmpty == false
        if drawn.contains("allowed") {
            rows.append(LegendRow(.tinted(Badge("✔ TCP 80", color: allowedColor, bold: true), background: allowedColor.tinted(0.12)),
                declared ? "allowed, and the model declares a flow here" : "allowed on these ports"))
        }
        if drawn.contains("undeclared") {
            rows.append(LegendRow(.tinted(Badge("⚠ all", color: undeclaredColor, bold: true), background: undeclaredColor.tinted(0.2)),
                "allowed, but the model declares no flow here"))
        }
        if drawn.contains("unknown") {
            rows.append(LegendRow(.tinted(Badge("? TCP 80", color: theme.mutedTextColor, bold: true),
                background: theme.mutedTextColor.tinted(0.2)), "may be allowed: the policies leave it open (see drift's reasons)"))
        }
        if drawn.contains("blocked") {
            rows.append(LegendRow(.tinted(Badge("✗ blocked", color: blockedColor, bold: true), background: blockedColor.tinted(0.2)),
                "declared in the model, but no port is allowed"))
        }
        rows.append(LegendRow(.badge(Badge("(empty)", color: theme.mutedTextColor)),
            declared ? "denied, and not declared" : "denied"))
        let level = matrix.level == .workload ? "workload" : "namespace"
        let caption = "reachability by \(level): what the NetworkPolicies allow from each row to each column"
            + " (\(matrix.labels.count) rows)"
        return DiagramBuilder(options: options).matrixDiagram(title: title, caption: caption, table: table,
            legend: [LegendSection(title: "Cells", rows: rows)],
            note: "The last row and column are everything outside the cluster." + (options.hasTooltips ? " A cell's tooltip gives its pairs." : ""))
    }

    /// The picture's DOT, ready for ``DiagramRenderer/render(_:)-swift.type.method``; its note
    /// mentions tooltips only in a format that keeps them.
    public static func prepare(_ matrix: ReachabilityMatrix, title: String, format: DiagramFormat,
        options: DiagramOptions = DiagramOptions()) -> PreparedDiagram
    {
        var options = options
        options.hasTooltips = format.showsTooltips
        return PreparedDiagram(dotBytes: DOTWriter().bytes(graph(matrix, title: title, options: options)), engine: .osage, format: format)
    }

    /// Renders the picture.
    /// - Throws: ``GraphvizError`` when Graphviz fails.
    public static func render(_ matrix: ReachabilityMatrix, title: String, format: DiagramFormat,
        options: DiagramOptions = DiagramOptions()) throws(GraphvizError) -> RenderedDiagram
    {
        try DiagramRenderer.render(prepare(matrix, title: title, format: format, options: options))
    }

    /// A cell's symbol, ports, colour and kind (`allowed`, `undeclared`, `unknown`, `blocked`);
    /// nil for a cell drawn empty.
    private static func look(
        of cell: ReachabilityMatrix.Cell, _ allowed: DOTColor, _ undeclared: DOTColor, _ blocked: DOTColor, _ theme: DiagramTheme
    ) -> (String, String, DOTColor, String)? {
        switch cell.verdict {
        case .allowed:
            return cell.declared == false ? ("⚠", ports(cell.allowed), undeclared, "undeclared") : ("✔", ports(cell.allowed), allowed, "allowed")
        case .unknown:
            return ("?", ports(cell.unknown), theme.mutedTextColor, "unknown")
        case .denied:
            return cell.declared == true ? ("✗", "blocked", blocked, "blocked") : nil
        }
    }

    /// Ports short enough for a cell: `all`, `TCP 7070`, or the first range and `…`.
    private static func ports(_ set: PortSet) -> String {
        if set.isAll { return "all" }
        let text = set.description
        guard let comma = text.firstIndex(of: ","), text.count > 14 else { return text }
        return text[..<comma] + " …"
    }

    private static func describe(_ cell: ReachabilityMatrix.Cell) -> String {
        var words = [cell.verdict.rawValue]
        if !cell.allowed.isEmpty { words.append("allowed \(cell.allowed)") }
        if !cell.unknown.isEmpty { words.append("may be \(cell.unknown)") }
        if let declared = cell.declared { words.append(declared ? "declared in the model" : "not declared in the model") }
        return words.joined(separator: "; ")
    }

    /// `default/frontend[Deployment]` → (`frontend`, `Deployment in default`); a namespace or
    /// the outside as it is.
    private static func split(_ label: String) -> (String, String?) {
        guard let slash = label.firstIndex(of: "/"), let bracket = label.lastIndex(of: "["), label.hasSuffix("]"), slash < bracket
        else { return (label, nil) }
        let namespace = label[..<slash]
        let name = label[label.index(after: slash)..<bracket]
        let kind = label[label.index(after: bracket)..<label.index(before: label.endIndex)]
        return (String(name), "\(kind) in \(namespace)")
    }
}
