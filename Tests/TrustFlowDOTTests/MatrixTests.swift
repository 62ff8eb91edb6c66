import Testing
import TrustFlow
@testable import TrustFlowAnalysis
@testable import TrustFlowDOT
import TrustFlowTestSupport

/// Issue 16, item 1: the boundary matrix — a row and a column per box (and per element outside
/// the boxes that has flows), each cell the flows from its row to its column with their
/// weakest protection and worst finding, empty cells empty — and the table it is drawn with,
/// which other matrices reuse.
@Suite("The boundary matrix")
struct MatrixTests {
    static let today = CalendarDate("2026-01-01")!

    func finding(_ rule: String, _ severity: Severity, on flow: String, accepted: Bool = false) -> Finding {
        var finding = Finding(ruleID: rule, severity: severity, message: "\(rule) on \(flow)",
            target: FindingTarget(kind: .flow, id: flow, path: ModelPath("flows")))
        if accepted { finding.acceptance = Finding.Acceptance(reason: "ok", until: nil, path: ModelPath("acceptedRisks")) }
        return finding
    }

    /// The matrix node's table: rows of cells, the header row and column stripped.
    func grid(_ graph: DOTGraph) throws -> (names: [String], cells: [[HTMLCell]]) {
        let node = try #require(HTMLContent.nodes(graph.statements).first { $0.name == "_matrix" })
        guard case .html(.table(let table))? = node.attributes["label"] else { throw MatrixError() }
        let body = table.rows.dropFirst().dropLast()
        return (body.map { HTMLContent.text($0[1]) }, body.map { Array($0.dropFirst(2).dropLast()) })
    }

    struct MatrixError: Error {}

    @Test func aCellCountsTheFlowsFromRowToColumnWithTheirWeakestProtectionAndWorstFinding() throws {
        let model = try Models.yaml(ViewTests.twoNamespaces)
        let findings = [finding("TF105", .medium, on: "f1"), finding("TF102", .high, on: "f2"), finding("TF101", .critical, on: "f4"),
            finding("TF102", .high, on: "f7", accepted: true)]
        let graph = DiagramBuilder(options: DiagramOptions(view: .matrix(.namespace))).build(model, findings: findings)
        let (names, cells) = try grid(graph)
        // File order, depth first: the user outside every box, then the namespaces (the empty one too).
        #expect(names == ["user actor", "alpha", "beta", "ns-empty"])
        let text = cells.map { $0.map(HTMLContent.text) }
        // alpha → beta: f1 (TLS), f2 (mTLS), f5 (unknown): the weakest is unknown, the worst finding TF102 high.
        #expect(text[1][2] == "3 ? unknown TF102 high")
        #expect(cells[1][2].backgroundColor == DiagramTheme.standard.findingColors[.high]!.tinted(0.18))
        // f3 goes both ways: it counts from the user to alpha (with f7) and back.
        #expect(text[0][1] == "2 TLS ✓ accepted" && text[1][0] == "1 TLS")
        // The diagonal: f4 and f8 stay inside alpha.
        #expect(text[1][1] == "2 ⚠ none TF101 critical")
        // beta → alpha: f6; nothing else has flows, and those cells are empty.
        #expect(text[2][1] == "1 mTLS")
        #expect(text.flatMap { $0 }.filter { !$0.isEmpty }.count == 5)
        #expect(cells[3][3].backgroundColor != nil && text[3][3].isEmpty, "the diagonal is shaded, empty")
        #expect(cells[1][2].id == "cell-ns-a-to-ns-b" && cells[1][2].tooltip?.contains("5. a2 → b1") == true)
        #expect(HTMLContent.string(graph.attributes["label"]).contains("boundary matrix: each namespace a row and a column"))
    }

    @Test func theLegendExplainsOnlyWhatTheCellsShow() throws {
        let model = try Models.yaml(ViewTests.twoNamespaces)
        let graph = DiagramBuilder(options: DiagramOptions(view: .matrix(.namespace))).build(model, findings: [])
        let legend = try Legend(graph)
        let words = legend.rows.map(\.text)
        #expect(words.contains { $0.contains("encryption unknown") } && words.contains { $0.contains("unencrypted") })
        #expect(!words.contains { $0.contains("finding") }, "no finding is drawn")
        #expect(words.contains { $0.contains("the diagonal") })
        let plain = DiagramBuilder(options: DiagramOptions(showLegend: false, view: .matrix(.namespace))).build(model, findings: [])
        #expect(HTMLContent.nodes(plain.statements).map(\.name) == ["_matrix"])
    }

    @Test func anAtlasMatrixLinksRowsToTheirPagesAndAReportMatrixToTheirRows() throws {
        let model = try Models.yaml(ViewTests.twoNamespaces)
        let pages = DiagramBuilder().atlas(model, level: .namespace, findings: [])
        let (_, atlasCells) = try grid(try #require(pages.first { $0.name == "matrix" }).graph)
        #expect(atlasCells[1][2].link == "ns-a.svg" && atlasCells[1][2].target == "_top")
        let report = DiagramBuilder(options: DiagramOptions(anchorPrefix: "row-", view: .matrix(.namespace))).build(model, findings: [])
        let dot = DOTWriter().write(report)
        #expect(dot.contains("HREF=\"#row-boundary-ns-a\"") && dot.contains("HREF=\"#row-flow-f1\""))
        // The overview links to the matrix page; with the index itself a matrix there is none.
        #expect(DOTWriter().write(pages[0].graph).contains("URL=\"matrix.svg\""))
        let dense = DiagramBuilder().atlas(model, level: .namespace, findings: [], picture: .matrix)
        #expect(dense.map(\.name) == ["index", "ns-a", "ns-b", "ns-empty"] && dense[0].view == .matrix(.namespace))
    }

    @Test func theOverviewBecomesTheMatrixWhenItsEdgesAreTooManyToRead() {
        let limit = DiagramView.legibleEdgeLimit
        let overview = DiagramView.collapse(.pod)
        #expect(overview.drawn(as: .auto) { limit } == overview)
        #expect(overview.drawn(as: .auto) { limit + 1 } == .matrix(.pod))
        #expect(overview.drawn(as: .boxes) { 1000 } == overview)
        #expect(overview.drawn(as: .matrix) { 1 } == .matrix(.pod))
        #expect(DiagramView.atlasIndex(level: .node).drawn(as: .auto) { limit + 1 } == .matrix(.node))
        for view in [DiagramView.full, .focus(element: "a", radius: 1), .atlasPage(boundary: "b", level: .pod)] {
            #expect(view.drawn(as: .matrix) { 1000 } == view)
        }
    }

    /// Another matrix drawn with the same machinery: a reachability-style table of what may
    /// talk to what.
    @Test func aMatrixTableDrawsAnyCells() throws {
        let headers = ["frontend", "backend", "db"].map { MatrixTable.Header(name: $0, detail: "workload") }
        let cells: [MatrixTable.Position: MatrixTable.Cell] = [
            MatrixTable.Position(row: 0, column: 1): MatrixTable.Cell(text: [.plain("allowed")], id: "r-0-1"),
            MatrixTable.Position(row: 1, column: 2): MatrixTable.Cell(text: [.plain("denied")], background: DOTColor("#ffcccc")),
        ]
        let table = MatrixTable(headers: headers, cells: cells, corner: [.plain("from ↓ to →")], diagonal: DOTColor("#eeeeee"))
        let graph = DiagramBuilder().matrixDiagram(title: "Reachability", caption: "what may talk to what", table: table,
            legend: [LegendSection(title: "Cells", rows: [LegendRow(.badge(Badge("allowed")), "a connection is allowed")])],
            note: "Rows connect to columns.")
        let (names, grid) = try grid(graph)
        #expect(names == ["frontend workload", "backend workload", "db workload"])
        #expect(grid.map { $0.map(HTMLContent.text) } == [["", "allowed", ""], ["", "", "denied"], ["", "", ""]])
        #expect(grid[0][0].backgroundColor == DOTColor("#eeeeee") && grid[1][2].backgroundColor == DOTColor("#ffcccc"))
        let rendered = try DiagramRenderer.render(dot: DOTWriter().write(graph), format: .svg)
        #expect(rendered.messages.isEmpty, "\(rendered.messages)")
        let svg = try SVGDocument(rendered.bytes)
        #expect(svg.texts.contains("allowed") && svg.texts.contains("denied") && svg.texts.contains("Reachability"))
    }

    /// Every linked cell has an id of its own: Graphviz numbers the others by a counter that runs
    /// on through the process.
    @Test func theSameMatrixGivesTheSameBytesInOneProcess() throws {
        let model = try Models.sample("k8s-three-tier-insecure.yaml")
        let options = RenderOptions(diagram: DiagramOptions(view: .matrix(.namespace)), today: Self.today)
        let first = try DiagramRenderer.render(model, options: options).bytes
        _ = try DiagramRenderer.render(model, options: RenderOptions(today: Self.today))
        #expect(try DiagramRenderer.render(model, options: options).bytes == first)
    }
}
