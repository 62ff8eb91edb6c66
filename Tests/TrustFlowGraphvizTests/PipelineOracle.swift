import Foundation
import TrustFlow

/// What must hold for any input whatsoever, from the bytes of a model file to every output.
///
/// One definition, used twice: the libFuzzer harness (`Fuzz/`, which links this file)
/// aborts on the first violation, and `FuzzCorpusTests` replays the committed corpus and
/// every past crash through it. Checking an input never traps, never hangs and never prints.
///
/// - Loading (JSON and YAML both): a rejected file has at least one error, and every error
///   is located in the file.
/// - A model that loads: its DOT parses back in libgvc without a warning, with exactly the
///   nodes, edges and clusters the diagram builder put in the graph — so no text can add,
///   remove or restyle one — and so does its diff diagram against an empty model.
/// - Reports: JSON and SARIF are valid JSON; the diff's Markdown summary contains no HTML
///   but the `<details>` blocks it writes itself; the text report has one line per finding
///   and no control character.
enum PipelineOracle {
    /// Findings depend on the day only through accepted risks; a fixed day keeps runs reproducible.
    static let today = CalendarDate(year: 2025, month: 6, day: 1)!

    /// Every violated property for `bytes`; empty when all hold.
    static func violations(of bytes: [UInt8]) -> [String] {
        var violations: [String] = []
        for format in ModelFormat.allCases {
            let name = "fuzz.\(format.rawValue)"
            do {
                let loaded = try ModelLoader().load(bytes, file: name, format: format)
                violations += check(loaded, name: name).map { "\(format): \($0)" }
            } catch {
                if error.errors.isEmpty { violations.append("\(format): rejected without an error") }
                for diagnostic in error.errors where diagnostic.location == nil || diagnostic.location!.line < 1 {
                    violations.append("\(format): error without a line: \(diagnostic)")
                }
            }
        }
        return violations
    }

    static func check(_ loaded: LoadedModel, name: String) -> [String] {
        var violations: [String] = []
        let model = loaded.model
        let analysis = Analyzer(today: today).analyze(model, sourceMap: loaded.sourceMap)

        let graph = DiagramBuilder().build(model, findings: analysis.findings)
        violations += compare(DOTWriter().write(graph), with: graph, what: "diagram")

        let diff = DiffResult(old: .empty(title: model.title), new: model, newSourceMap: loaded.sourceMap, today: today)
        violations += compare(DiffRenderer.dot(for: diff), with: nil, what: "diff diagram")

        let analyzed = [AnalyzedModel(file: name, model: model, result: analysis, warnings: loaded.warnings)]
        for (report, bytes) in [
            ("JSON report", FindingsJSON(models: analyzed, threshold: .never, today: today, toolVersion: "fuzz").encoded()),
            ("SARIF report", SARIFReport(models: analyzed, toolVersion: "fuzz").encoded()),
        ] where (try? JSONSerialization.jsonObject(with: Data(bytes))) == nil {
            violations.append("the \(report) is not valid JSON")
        }
        let text = FindingsText.render(analyzed, threshold: .never)
        if let control = text.unicodeScalars.first(where: { $0.properties.generalCategory == .control && $0 != "\n" }) {
            violations.append("the text report contains U+\(String(control.value, radix: 16))")
        }
        if text.split(separator: "\n", omittingEmptySubsequences: false).count != analysis.findings.count + 2 {
            violations.append("the text report does not have one line per finding: \(text)")
        }
        let summary = DiffSummary.markdown(diff, oldName: "old", newName: name)
        var tagless = summary
        for tag in ["<details>", "</details>", "<summary>", "</summary>"] { tagless = tagless.replacingOccurrences(of: tag, with: "") }
        if tagless.contains("<") { violations.append("the Markdown summary contains markup: \(summary)") }
        return violations
    }

    /// Parses `dot` with libgvc and compares what it found with what `graph` holds.
    static func compare(_ dot: String, with graph: DOTGraph?, what: String) -> [String] {
        let parsed: GraphvizStructure
        do {
            parsed = try Graphviz.structure(of: dot)
        } catch {
            return ["libgvc cannot read the \(what): \(error)"]
        }
        var violations: [String] = []
        if !parsed.warnings.isEmpty { violations.append("libgvc warns about the \(what): \(parsed.warnings)") }
        guard let graph else { return violations }
        var expected = (nodes: [String](), edges: 0, clusters: [String]())
        func walk(_ statements: [DOTStatement]) {
            for statement in statements {
                switch statement {
                case .node(let node): expected.nodes.append(node.name)
                case .edge: expected.edges += 1
                case .subgraph(let subgraph):
                    if subgraph.name.hasPrefix("cluster") { expected.clusters.append(subgraph.name) }
                    walk(subgraph.statements)
                }
            }
        }
        walk(graph.statements)
        if parsed.nodes != expected.nodes.sorted() {
            violations.append("the \(what) has nodes \(parsed.nodes), expected \(expected.nodes.sorted())")
        }
        if parsed.edgeCount != expected.edges {
            violations.append("the \(what) has \(parsed.edgeCount) edges, expected \(expected.edges)")
        }
        if parsed.clusters != expected.clusters.sorted() {
            violations.append("the \(what) has clusters \(parsed.clusters), expected \(expected.clusters.sorted())")
        }
        return violations
    }
}
