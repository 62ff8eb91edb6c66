import Foundation
import TrustFlow

/// Times TrustFlow's own stages on a model file, in process, so the numbers are about
/// TrustFlow and not about process start-up or Graphviz:
///
///     trustflow-bench MODEL [--runs N]
///
/// Prints one line per stage with the median and the fastest of N runs, in milliseconds, and
/// a line for all of TrustFlow's own work (read → decode → validate → analyse → DOT text).
@main
struct TrustFlowBench {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var runs = 15
        if let flag = arguments.firstIndex(of: "--runs"), flag + 1 < arguments.count {
            runs = Int(arguments[flag + 1]) ?? runs
            arguments.removeSubrange(flag...(flag + 1))
        }
        guard let path = arguments.first else {
            FileHandle.standardError.write(Data("usage: trustflow-bench MODEL [--runs N]\n".utf8))
            exit(2)
        }
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let format = ModelFormat(fileName: path) ?? .yaml
        let today = CalendarDate("2026-01-01")!
        var stages: [String: [Double]] = [:]
        var order: [String] = []
        func time<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
            if stages[stage] == nil { order.append(stage) }
            let start = DispatchTime.now().uptimeNanoseconds
            let value = try body()
            stages[stage, default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            return value
        }
        var dotBytes = 0
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let loaded = try time("decode + validate") { try ModelLoader().load(bytes, file: path, format: format) }
            let analysis = time("analyse") { Analyzer(today: today).analyze(loaded.model, sourceMap: loaded.sourceMap) }
            let graph = time("build DOT graph") { DiagramBuilder().build(loaded.model, findings: analysis.findings) }
            let dot = time("write DOT text") { DOTWriter().write(graph) }
            dotBytes = dot.utf8.count
            if stages["TrustFlow total"] == nil { order.append("TrustFlow total") }
            stages["TrustFlow total", default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        print("model: \(path) (\(bytes.count) bytes, DOT \(dotBytes) bytes), \(runs) runs")
        for stage in order {
            let sorted = stages[stage]!.sorted()
            print(String(format: "%-20@ median %8.2f ms   min %8.2f ms", stage as NSString, sorted[sorted.count / 2], sorted[0]))
        }
    }
}
