import Foundation
import TrustFlow

/// How legible the overviews of models are, for BENCHMARKS.md's "Legible overviews":
///
///     trustflow-bench --legibility MODEL…          # each model's namespace overview
///     trustflow-bench --measure-layout LAYOUT.json  # a layout made elsewhere (`dot -Tjson`)
///
/// For each model, one tab-separated line: the model, the boxes and edges of its namespace
/// overview, the picture `auto` draws, then — drawn as boxes with `dot` (up to 300 edges;
/// beyond, `dot` takes minutes) — the ``LegibilityMeasures`` and the layout's wall time; and
/// the matrix's size and time.
enum LegibilitySweep {
    static func run(_ arguments: [String]) throws {
        if arguments.first == "--measure-layout" {
            for path in arguments.dropFirst() {
                let measures = LegibilityMeasures(try DrawnLayout(xdotJSON: Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
                print("\(path)\t\(measures)\tcrossings per box \(String(format: "%.1f", measures.crossingsPerBox))")
            }
            return
        }
        print(["model", "elements", "flows", "overview edges", "auto draws", "boxes: label overlaps", "labels on borders",
            "box overlaps", "edges through boxes", "crossings per box", "size px", "legible", "layout s", "matrix px", "matrix s"]
            .joined(separator: "\t"))
        let today = CalendarDate("2026-01-01")!
        for path in arguments {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            let model = try ModelLoader().load(bytes, file: path, format: ModelFormat(fileName: path) ?? .yaml).model
            let view = DiagramView.collapse(.namespace)
            let edges = view.edgeCount(in: model)
            let auto = view.drawn(as: .auto) { edges }
            var row = [path, "\(model.elements.count)", "\(model.flows.count)", "\(edges)", auto == view ? "boxes" : "matrix"]
            if edges <= 300 {
                let boxes = DiagramRenderer.prepare(model, options: RenderOptions(diagram: DiagramOptions(view: view), engine: .dot,
                    today: today, overview: .boxes))
                let (measures, seconds) = try timed { try DiagramRenderer.legibility(of: boxes) }
                row += ["\(measures.labelOverlaps)", "\(measures.labelsOnBorders)", "\(measures.boxOverlaps)",
                    "\(measures.edgesThroughBoxes)", String(format: "%.1f", measures.crossingsPerBox),
                    "\(measures.width)×\(measures.height)", measures.isLegible ? "yes" : "no", String(format: "%.2f", seconds)]
            } else {
                row += Array(repeating: "—", count: 8)
            }
            let matrix = DiagramRenderer.prepare(model, options: RenderOptions(diagram: DiagramOptions(view: .matrix(.namespace)),
                today: today))
            let (measures, seconds) = try timed { try DiagramRenderer.legibility(of: matrix) }
            row += ["\(measures.width)×\(measures.height)", String(format: "%.2f", seconds)]
            print(row.joined(separator: "\t"))
        }
    }

    private static func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}
