import Foundation
import TrustFlow

/// Times TrustFlow's own stages on a model file, in process, so the numbers are about
/// TrustFlow and not about process start-up or Graphviz:
///
///     trustflow-bench MODEL [--runs N]
///     trustflow-bench --legibility MODEL…   (see ``LegibilitySweep``)
///
/// Prints one line per stage with the median and the fastest of N runs, in milliseconds of
/// wall-clock time, and the median CPU time of this thread (steadier on a busy machine), and
/// a line for all of TrustFlow's own work (decode → validate → analyse → DOT text).
@main
struct TrustFlowBench {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if let mode = arguments.first, mode == "--legibility" || mode == "--measure-layout" {
            return try LegibilitySweep.run(mode == "--legibility" ? Array(arguments.dropFirst()) : arguments)
        }
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
        var cpu: [String: [Double]] = [:]
        var order: [String] = []
        func cpuMilliseconds() -> Double {
            var now = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
            return Double(now.tv_sec) * 1e3 + Double(now.tv_nsec) / 1e6
        }
        func time<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
            if stages[stage] == nil { order.append(stage) }
            let start = DispatchTime.now().uptimeNanoseconds
            let startCPU = cpuMilliseconds()
            let value = try body()
            stages[stage, default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            cpu[stage, default: []].append(cpuMilliseconds() - startCPU)
            return value
        }
        var dotBytes = 0
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let startCPU = cpuMilliseconds()
            let loaded = try time("decode + validate") { try ModelLoader().load(bytes, file: path, format: format) }
            // What `render` runs: the rules without STRIDE, which only reports need.
            let analysis = time("analyse") {
                Analyzer(today: today).analyze(loaded.model, sourceMap: loaded.sourceMap, includeStride: false)
            }
            let graph = time("build DOT graph") { DiagramBuilder().build(loaded.model, findings: analysis.findings) }
            let dot = time("write DOT text") { DOTWriter().write(graph) }
            dotBytes = dot.utf8.count
            if stages["TrustFlow total"] == nil { order.append("TrustFlow total") }
            stages["TrustFlow total", default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            cpu["TrustFlow total", default: []].append(cpuMilliseconds() - startCPU)
        }
        let stride = (0..<runs).map { _ -> Double in
            let loaded = try! ModelLoader().load(bytes, file: path, format: format)
            let start = DispatchTime.now().uptimeNanoseconds
            _ = Analyzer(today: today).analyze(loaded.model, sourceMap: loaded.sourceMap)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        }.sorted()
        print("model: \(path) (\(bytes.count) bytes, DOT \(dotBytes) bytes), \(runs) runs")
        for stage in order {
            let sorted = stages[stage]!.sorted()
            let cpuSorted = cpu[stage]!.sorted()
            print(String(format: "%-20@ median %8.2f ms   min %8.2f ms   cpu median %8.2f ms", stage as NSString,
                sorted[sorted.count / 2], sorted[0], cpuSorted[cpuSorted.count / 2]))
        }
        print(String(format: "(for reports: analyse with STRIDE per interaction, median %.2f ms)", stride[stride.count / 2]))
    }
}
