import ArgumentParser
import Synchronization
import TrustFlow

/// The steps commands share — load a model, render it, write outputs — each saying what
/// happened through the ``Console`` and ending in its documented exit code: 2 for input at
/// fault, 3 when rendering or writing fails.
struct CommandSteps: Sendable {
    let console: Console

    private static let lostGuaranteesNoted = Atomic(false)

    // MARK: Loading

    /// Loads and validates a model file, printing its warnings; exit 2 on any error.
    func load(_ path: String) throws -> LoadedModel {
        try load(path) { () throws(ModelError) in try ModelFile.load(path) }
    }

    /// Loads and validates a model from bytes that were not read from `name` (a git revision).
    func load(bytes: [UInt8], named name: String, format: ModelFormat) throws -> LoadedModel {
        try load(name) { () throws(ModelError) in try ModelLoader().load(bytes, file: name, format: format) }
    }

    private func load(_ name: String, _ load: () throws(ModelError) -> LoadedModel) throws -> LoadedModel {
        GraphvizCrash.drawing(name)
        do {
            let loaded = try load()
            console.print(loaded.warnings)
            return loaded
        } catch {
            console.invalid(error.diagnostics, in: name)
            throw CLIExit.invalidInput
        }
    }

    // MARK: Rendering

    /// Renders the diagram of `model`, read from `file`; exit 3 when Graphviz fails.
    func render(_ model: Model, options: RenderOptions, of file: String) throws -> RenderedDiagram {
        try render(DiagramRenderer.prepare(model, options: options), of: file)
    }

    /// Renders a prepared diagram of the model in `file`; exit 3 when Graphviz fails.
    func render(_ prepared: consuming PreparedDiagram, of file: String) throws -> RenderedDiagram {
        noteLostGuarantees()
        do throws(GraphvizError) {
            return reported(try DiagramRenderer.render(consume prepared))
        } catch {
            throw failed(error, file)
        }
    }

    /// Runs a Graphviz rendering of what `file` holds, says what Graphviz said, and maps its
    /// failure to exit 3 with an error located at `file`.
    func rendering(of file: String, _ render: () throws(GraphvizError) -> RenderedDiagram) throws -> RenderedDiagram {
        noteLostGuarantees()
        do throws(GraphvizError) {
            return reported(try render())
        } catch {
            throw failed(error, file)
        }
    }

    private func reported(_ rendered: RenderedDiagram) -> RenderedDiagram {
        console.graphviz(rendered.messages)
        return rendered
    }

    private func failed(_ error: GraphvizError, _ file: String) -> ExitCode {
        console.error(error.description, in: file)
        return CLIExit.renderingFailed
    }

    /// Says when `--direction` cannot apply: only `dot` lays out in ranks along a direction.
    func noteIgnoredDirection(_ direction: LayoutDirection, engine: GraphvizEngine) {
        if let note = Self.ignoredDirection(direction, engine: engine) { console.note(note) }
    }

    private static func ignoredDirection(_ direction: LayoutDirection, engine: GraphvizEngine) -> String? {
        guard direction != .topToBottom, engine != .dot else { return nil }
        return "--direction \(direction.rawValue) has no effect with the \(engine.rawValue) engine "
            + "(only dot lays out along a direction); use --engine dot to apply it"
    }

    /// The notes `render` gives about a diagram before drawing it: a direction its engine
    /// ignores, an overview drawn as the matrix because its edges would be too many to read,
    /// and with `-v` which engine lays it out and, for `auto`'s full diagram, why. Computed
    /// apart from printing, so a batch can prepare models in parallel and speak in order.
    func renderNotes(_ prepared: PreparedDiagram, of model: Model, options: RenderOptions) -> [String] {
        var notes = [Self.ignoredDirection(options.diagram.direction, engine: prepared.engine),
            Self.matrixNote(prepared.view, of: model, options: options)].compactMap { $0 }
        guard console.verbose else { return notes }
        let engine = prepared.engine.rawValue
        if options.engine != .auto {
            notes.append("laid out with \(engine)")
        } else if options.diagram.view != .full {
            notes.append("laid out with \(engine) (auto, for this view)")
        } else {
            let cost = LayoutCost(model)
            notes.append("laid out with \(engine) (auto: \(cost.elementsAndFlows) elements and flows, flows cross "
                + "\(cost.crossings) boundaries; dot up to \(LayoutCost.elementsAndFlowsLimit) and \(LayoutCost.crossingsLimit))")
        }
        return notes
    }

    /// Why `--view auto` drew an overview as the boundary matrix.
    private static func matrixNote(_ drawn: DiagramView, of model: Model, options: RenderOptions) -> String? {
        guard options.overview == .auto, case .matrix(let level) = drawn, drawn != options.diagram.view else { return nil }
        let edges = options.diagram.view.edgeCount(in: model)
        return "the \(level.rawValue) overview would need \(edges) edges, more than the \(DiagramView.legibleEdgeLimit) "
            + "that can be drawn legibly; drawing the boundary matrix instead (--view boxes draws the boxes anyway)"
    }

    /// With `-v`, says once per run which reproducibility guarantees this Graphviz does not give.
    private func noteLostGuarantees() {
        let lost = Graphviz.guaranteesThatHold.lost
        guard !lost.isEmpty, console.verbose, !Self.lostGuaranteesNoted.exchange(true, ordering: .relaxed) else { return }
        console.detail("with Graphviz \(Graphviz.headerVersion) (reproducibility checked with "
            + "\(Graphviz.checkedVersions)): \(lost.joined(separator: "; "))")
    }

    // MARK: Writing

    /// Writes several outputs, each atomically; when one of their directories is missing none
    /// is written, so a command never leaves half of its outputs behind. Exit 3 on failure.
    /// With `--check`, compares them instead.
    func writeAll(_ outputs: [(path: String, bytes: [UInt8])]) throws {
        for (path, _) in outputs where path != "-" && !OutputCheck.isActive {
            let directory = FileSystem.directory(of: path)
            if !FileSystem.isDirectory(directory) {
                console.error("cannot write the output: the directory \(directory) does not exist", in: path)
                throw CLIExit.renderingFailed
            }
        }
        for (path, bytes) in outputs { try write(bytes, to: path) }
    }

    /// Writes an output atomically, or to standard output for `-`; exit 3 on failure. With
    /// `--check`, only compares it with the file there.
    func write(_ bytes: [UInt8], to path: String) throws {
        if OutputCheck.isActive {
            OutputCheck.compare(bytes, at: path)
            return
        }
        if path == "-" {
            Terminal.standardOutput.write(bytes)
            return
        }
        do {
            let outcome = try OutputFile.write(bytes, to: path)
            console.status(outcome == .written ? "wrote \(path)" : "\(path) is up to date")
        } catch {
            console.print([error.diagnostic])
            throw CLIExit.renderingFailed
        }
    }
}
