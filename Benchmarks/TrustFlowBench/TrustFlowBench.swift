import Foundation
import TrustFlow

/// Times TrustFlow's own stages in process, so the numbers are about TrustFlow and not about
/// process start-up or Graphviz:
///
///     trustflow-bench MODEL [--runs N]
///     trustflow-bench --manifests FILE… [--runs N]
///     trustflow-bench --legibility MODEL…   (see ``LegibilitySweep``)
///
/// Prints one line per stage with the median and the fastest of N runs, in milliseconds of
/// wall-clock time, and the median CPU time of this thread (steadier on a busy machine), and
/// a line for all of TrustFlow's own work: for a model decode → validate → analyse → DOT text;
/// for manifests (the drift check) read → evaluate the NetworkPolicies → every connection →
/// np-guard's connection list → the drift rules on the manifests alone.
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
        if arguments.first == "--manifests", arguments.count > 1 {
            try manifests(Array(arguments.dropFirst()), runs: runs)
            return
        }
        guard let path = arguments.first else {
            FileHandle.standardError.write(Data("usage: trustflow-bench MODEL [--runs N] | --manifests FILE… [--runs N]\n".utf8))
            exit(2)
        }
        try model(path, runs: runs)
    }

    static func model(_ path: String, runs: Int) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let format = ModelFormat(fileName: path) ?? .yaml
        let today = CalendarDate("2026-01-01")!
        var timer = StageTimer()
        var dotBytes = 0
        for _ in 0..<runs {
            let start = StageTimer.now()
            let loaded = try timer.time("decode + validate") { try ModelLoader().load(bytes, file: path, format: format) }
            // What `render` runs: the rules without STRIDE, which only reports need.
            let analysis = timer.time("analyse") {
                Analyzer(today: today).analyze(loaded.model, sourceMap: loaded.sourceMap, includeStride: false)
            }
            let graph = timer.time("build DOT graph") { DiagramBuilder().build(loaded.model, findings: analysis.findings) }
            let dot = timer.time("write DOT text") { DOTWriter().write(graph) }
            dotBytes = dot.utf8.count
            timer.recordTotal(since: start)
        }
        let stride = (0..<runs).map { _ -> Double in
            let loaded = try! ModelLoader().load(bytes, file: path, format: format)
            let start = DispatchTime.now().uptimeNanoseconds
            _ = Analyzer(today: today).analyze(loaded.model, sourceMap: loaded.sourceMap)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        }.sorted()
        print("model: \(path) (\(bytes.count) bytes, DOT \(dotBytes) bytes), \(runs) runs")
        timer.report()
        print(String(format: "(for reports: analyse with STRIDE per interaction, median %.2f ms)", stride[stride.count / 2]))
    }

    /// The drift check's stages on manifests, without a model.
    static func manifests(_ paths: [String], runs: Int) throws {
        let sources = try ManifestFiles.read(paths)
        var timer = StageTimer()
        var counts = ""
        for _ in 0..<runs {
            let start = StageTimer.now()
            let inventory = try timer.time("read + type manifests") { try ManifestReader().read(sources).inventory }
            let evaluator = timer.time("evaluate policies") { NetworkPolicyEvaluator(inventory: inventory) }
            let reachability = timer.time("every connection") { evaluator.reachability() }
            let lines = timer.time("connection list") { reachability.connectionList(in: inventory) }
            timer.recordTotal(since: start)
            let check = timer.time("whole drift check") { DriftCheck(inventory: inventory) }
            let findings = timer.time("drift rules") { check.run().findings }
            let unknown = reachability.connections.filter { $0.verdict.kind == .unknown }.count
            counts = "\(inventory.workloads.count) workloads, \(inventory.networkPolicies.count) policies, "
                + "\(reachability.endpoints.count) ends, \(lines.count) allowed and \(unknown) unknown connections, \(findings.count) findings"
        }
        print("manifests: \(paths.joined(separator: " ")) (\(sources.reduce(0) { $0 + $1.bytes.count }) bytes; \(counts)), \(runs) runs")
        print("(total: read to connection list; \"whole drift check\" evaluates everything again and imports the manifests, as `trustflow drift` does)")
        timer.report()
    }
}

/// Wall-clock and thread CPU time per stage over several runs.
struct StageTimer {
    private var stages: [String: [Double]] = [:]
    private var cpu: [String: [Double]] = [:]
    private var order: [String] = []
    static let totalName = "TrustFlow total"

    private static func cpuMilliseconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) * 1e3 + Double(now.tv_nsec) / 1e6
    }

    /// Runs `body`, recording its time under `stage`.
    mutating func time<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        if stages[stage] == nil { order.append(stage) }
        let start = DispatchTime.now().uptimeNanoseconds
        let startCPU = Self.cpuMilliseconds()
        let value = try body()
        stages[stage, default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        cpu[stage, default: []].append(Self.cpuMilliseconds() - startCPU)
        return value
    }

    /// The wall-clock and CPU time now, to start a total.
    static func now() -> (wall: UInt64, cpu: Double) { (DispatchTime.now().uptimeNanoseconds, cpuMilliseconds()) }

    /// Records a run's total, from `start` on.
    mutating func recordTotal(since start: (wall: UInt64, cpu: Double)) {
        if stages[Self.totalName] == nil { order.append(Self.totalName) }
        stages[Self.totalName, default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start.wall) / 1e6)
        cpu[Self.totalName, default: []].append(Self.cpuMilliseconds() - start.cpu)
    }

    /// One line per stage: median, fastest, CPU median.
    func report() {
        for stage in order {
            let sorted = stages[stage]!.sorted()
            let cpuSorted = cpu[stage]!.sorted()
            print(String(format: "%-22@ median %8.2f ms   min %8.2f ms   cpu median %8.2f ms", stage as NSString,
                sorted[sorted.count / 2], sorted[0], cpuSorted[cpuSorted.count / 2]))
        }
    }
}
