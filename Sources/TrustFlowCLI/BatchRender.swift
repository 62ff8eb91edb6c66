import Dispatch
import Glibc
import Synchronization
import TrustFlow

/// Renders many models in one run. In process, models are decoded, analysed and turned into
/// DOT on every core while Graphviz — which is not thread-safe — lays them out one at a time;
/// with `jobs` > 1 each model is rendered by its own worker process instead, so a crash inside
/// Graphviz loses that model only. Either way the outputs are byte-identical to rendering the
/// models one at a time, and messages come in the order the models were given.
struct BatchRender {
    struct Job {
        var model: String
        var destination: String
    }

    enum Outcome {
        case written, invalid, failed
    }

    let jobs: [Job]
    let options: RenderOptions
    let steps: CommandSteps
    private var console: Console { steps.console }

    /// Renders every job; returns one outcome per job, in order.
    func run(processes: Int) -> [Outcome] {
        let progress = Progress(total: jobs.count, console: console)
        defer { progress.clear() }
        guard processes > 1 else { return runInProcess(progress) }
        guard access(Self.worker, X_OK) == 0 else {
            // No /proc: no way to start this very program again, and nothing else is started.
            console.note("\(Self.worker) is not available, so the models are rendered in this process")
            return runInProcess(progress)
        }
        return runInWorkers(processes, progress)
    }

    /// The worker program: always this executable, as the kernel has it open (never a path
    /// from argv[0] or PATH, which could name another program, Graphviz's `dot` included).
    /// Graphviz runs inside it, through libgvc.
    static let worker = "/proc/self/exe"

    // MARK: In process

    private enum Prepared: Sendable {
        case prepared(PreparedDiagram, warnings: [Diagnostic], notes: [String])
        case invalid([Diagnostic])
    }

    private func runInProcess(_ progress: Progress) -> [Outcome] {
        let slots = Slots<Prepared>(count: jobs.count)
        let options = options
        let jobs = jobs
        let steps = steps
        // Producers run ahead on the other cores; this thread renders in order as each is ready.
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: jobs.count) { position in
                slots.fill(position, BatchRender.prepare(jobs[position].model, options: options, steps: steps))
            }
        }
        var outcomes: [Outcome] = []
        for (position, job) in jobs.enumerated() {
            progress.update(position, job.model)
            switch slots.take(position) {
            case .invalid(let diagnostics):
                progress.clear()
                console.invalid(diagnostics, in: job.model)
                outcomes.append(.invalid)
            case .prepared(let prepared, let warnings, let notes):
                if !warnings.isEmpty || !notes.isEmpty {
                    progress.clear()
                    console.print(warnings)
                    for note in notes { console.note(note) }
                }
                do {
                    GraphvizCrash.drawing(job.model)
                    let rendered = try DiagramRenderer.render(prepared)
                    progress.clear()
                    console.graphviz(rendered.messages)
                    try steps.write(rendered.bytes, to: job.destination)
                    outcomes.append(.written)
                } catch let error as GraphvizError {
                    progress.clear()
                    console.error(error.description, in: job.model)
                    outcomes.append(.failed)
                } catch {
                    outcomes.append(.failed)
                }
            }
        }
        return outcomes
    }

    private static func prepare(_ model: String, options: RenderOptions, steps: CommandSteps) -> Prepared {
        do {
            let (validated, warnings) = try { () throws(ModelError) in
                let loaded = try ModelFile.load(model)
                return (loaded.model, loaded.warnings)  // without the parsed source, which is big
            }()
            let prepared = DiagramRenderer.prepare(validated, options: options)
            return .prepared(prepared, warnings: warnings, notes: steps.renderNotes(prepared, of: validated, options: options))
        } catch {
            return .invalid(error.diagnostics)
        }
    }

    // MARK: Worker processes

    private func runInWorkers(_ processes: Int, _ progress: Progress) -> [Outcome] {
        let slots = Slots<WorkerResult>(count: jobs.count)
        let limit = DispatchSemaphore(value: processes)
        let arguments = Self.workerCommandLine(CommandLine.arguments)
        let jobs = jobs
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: jobs.count) { position in
                limit.wait()
                defer { limit.signal() }
                let job = jobs[position]
                slots.fill(position, BatchRender.runWorker(
                    [arguments[0], "--worker-model", job.model, "--worker-output", job.destination] + arguments.dropFirst()))
            }
        }
        var outcomes: [Outcome] = []
        for (position, job) in jobs.enumerated() {
            progress.update(position, job.model)
            let result = slots.take(position)
            progress.clear()
            console.passThrough(result.errors)
            if let failure = result.startFailure {
                console.error("cannot start a worker: \(failure)", in: job.model)
                outcomes.append(.failed)
            } else if result.crashed {
                console.error("the renderer crashed (signal \(result.status)); the other models are not affected", in: job.model)
                outcomes.append(.failed)
            } else if result.status == 1, OutputCheck.isActive {
                // The worker checked its output: out of date.
                OutputCheck.record(checked: 1, outOfDate: [job.destination])
                outcomes.append(.written)
            } else if ![0, 2, 3].contains(result.status) {
                // Not an exit status `render` gives (a sanitizer's crash report, a killed
                // runtime): the worker may have said nothing, so name the model here.
                console.error("the renderer failed (exit status \(result.status)); the other models are not affected", in: job.model)
                outcomes.append(.failed)
            } else {
                if result.status == 0, OutputCheck.isActive { OutputCheck.record(checked: 1, outOfDate: []) }
                outcomes.append(result.status == 0 ? .written : result.status == 2 ? .invalid : .failed)
            }
        }
        return outcomes
    }

    /// This process's own arguments from the subcommand on (`render …`): a worker is given them
    /// whole, so it renders with exactly the options the batch was given.
    static func workerCommandLine(_ arguments: [String]) -> [String] {
        Array(arguments.dropFirst().drop { $0 != "render" })
    }

    private struct WorkerResult: Sendable {
        var status: Int32 = 0
        var crashed = false
        /// What the worker printed on standard error (already formatted by its own console).
        var errors = ""
        /// Why the worker could not be started at all.
        var startFailure: String?
    }

    /// `trustflow` itself with `arguments` (`render` on one model).
    private static func runWorker(_ arguments: [String]) -> WorkerResult {
        guard let result = ChildProcess.run(worker, arguments, keepOutput: false) else {
            return WorkerResult(startFailure: String(cString: strerror(errno)))
        }
        return WorkerResult(status: result.status, crashed: result.signaled, errors: String(decoding: result.error, as: UTF8.self))
    }
}

/// Results filled by producers in any order and taken by one consumer in order.
final class Slots<Value: Sendable>: @unchecked Sendable {
    private let values: Mutex<[Value?]>
    private let ready: [DispatchSemaphore]

    init(count: Int) {
        values = Mutex(Array(repeating: nil, count: count))
        ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    }

    func fill(_ position: Int, _ value: Value) {
        values.withLock { $0[position] = value }
        ready[position].signal()
    }

    func take(_ position: Int) -> Value {
        ready[position].wait()
        return values.withLock { values in
            defer { values[position] = nil }
            return values[position]!
        }
    }
}

/// A one-line progress display on a terminal: `[12/50] rendering models/x.yaml`. Nothing is
/// shown when standard error is not a terminal (CI logs stay clean) or under `--quiet`.
final class Progress {
    private let total: Int
    private let console: Console
    private var shown = false

    init(total: Int, console: Console) {
        self.total = total
        self.console = console
    }

    func update(_ position: Int, _ model: String) {
        guard console.showsProgress else { return }
        console.progress("[\(position + 1)/\(total)] rendering \(model)")
        shown = true
    }

    func clear() {
        guard shown else { return }
        console.clearProgress()
        shown = false
    }
}
