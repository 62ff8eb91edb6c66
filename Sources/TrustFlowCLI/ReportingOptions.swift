import ArgumentParser
import FoundationEssentials
import Glibc
import TrustFlow

/// Options every command shares, and the steps they share: load a model and print its
/// diagnostics, render, write outputs — each mapped to its exit code.
struct ReportingOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print what Graphviz said while laying out, and each item an import or export could not keep.")
    var verbose = false

    /// Loads and validates a model file, printing its warnings; exit 2 on any error.
    func load(_ path: String) throws -> LoadedModel {
        try report(path) { () throws(ModelError) in try ModelFile.load(path) }
    }

    /// Loads and validates a model from bytes that were not read from `name` (a git revision).
    func load(bytes: [UInt8], named name: String, format: ModelFormat) throws -> LoadedModel {
        try report(name) { () throws(ModelError) in try ModelLoader().load(bytes, file: name, format: format) }
    }

    private func report(_ name: String, _ load: () throws(ModelError) -> LoadedModel) throws -> LoadedModel {
        GraphvizCrash.drawing(name)
        do {
            let loaded = try load()
            if !quiet { Terminal.standardError.print(loaded.warnings) }
            return loaded
        } catch {
            reportInvalid(error.diagnostics, in: name)
            throw CLIExit.invalidInput
        }
    }

    /// An invalid model's diagnostics, then how many errors kept it from being drawn.
    func reportInvalid(_ diagnostics: [Diagnostic], in name: String) {
        Terminal.standardError.print(diagnostics)
        let count = diagnostics.filter { $0.severity == .error }.count
        Terminal.standardError.write("\(count) error\(count == 1 ? "" : "s") in \(PlainText.line(name)); nothing was written\n")
    }

    /// Renders a model; exit 3 when Graphviz fails.
    func render(_ model: Model, options: RenderOptions) throws -> RenderedDiagram {
        try render(DiagramRenderer.prepare(model, options: options))
    }

    /// Renders a prepared diagram; exit 3 when Graphviz fails.
    func render(_ prepared: consuming PreparedDiagram) throws -> RenderedDiagram {
        noteLostGuarantees()
        do {
            let rendered = try DiagramRenderer.render(consume prepared)
            report(graphvizMessages: rendered.messages)
            return rendered
        } catch {
            Terminal.standardError.write("error: \(PlainText.line(error.description))\n")
            throw CLIExit.renderingFailed
        }
    }

    /// Says when `--direction` cannot apply: only `dot` lays out in ranks along a direction.
    func noteIgnoredDirection(_ direction: LayoutDirection, engine: GraphvizEngine) {
        if let note = ignoredDirectionNote(direction, engine: engine) { Terminal.standardError.write(note + "\n") }
    }

    func ignoredDirectionNote(_ direction: LayoutDirection, engine: GraphvizEngine) -> String? {
        guard direction != .topToBottom, engine != .dot, !quiet else { return nil }
        return "note: --direction \(direction.rawValue) has no effect with the \(engine.rawValue) engine "
            + "(only dot lays out along a direction); use --engine dot to apply it"
    }

    /// What `render` says about a diagram before drawing it: a direction its engine ignores, an
    /// overview drawn as the matrix because its edges would be too many to read, and with `-v`
    /// which engine lays it out and, for `auto`'s full diagram, why.
    func renderNotes(_ prepared: PreparedDiagram, of model: Model, options: RenderOptions) -> [String] {
        var notes = [ignoredDirectionNote(options.diagram.direction, engine: prepared.engine),
            matrixNote(prepared.view, of: model, options: options)].compactMap { $0 }
        guard verbose else { return notes }
        let engine = prepared.engine.rawValue
        if options.engine != .auto {
            notes.append("note: laid out with \(engine)")
        } else if options.diagram.view != .full {
            notes.append("note: laid out with \(engine) (auto, for this view)")
        } else {
            let cost = LayoutCost(model)
            notes.append("note: laid out with \(engine) (auto: \(cost.elementsAndFlows) elements and flows, flows cross "
                + "\(cost.crossings) boundaries; dot up to \(LayoutCost.elementsAndFlowsLimit) and \(LayoutCost.crossingsLimit))")
        }
        return notes
    }

    /// Says why `--view auto` drew an overview as the boundary matrix.
    func matrixNote(_ drawn: DiagramView, of model: Model, options: RenderOptions) -> String? {
        guard !quiet, options.overview == .auto, case .matrix(let level) = drawn, drawn != options.diagram.view else { return nil }
        let edges = options.diagram.view.edgeCount(in: model)
        return "note: the \(level.rawValue) overview would need \(edges) edges, more than the \(DiagramView.legibleEdgeLimit) "
            + "that can be drawn legibly; drawing the boundary matrix instead (--view boxes draws the boxes anyway)"
    }

    /// With `-v`, says which reproducibility guarantees this Graphviz does not give.
    func noteLostGuarantees() {
        guard verbose else { return }
        let lost = Graphviz.guaranteesThatHold.lost
        guard !lost.isEmpty else { return }
        Terminal.standardError.write("note: with Graphviz \(Graphviz.headerVersion) (reproducibility checked with "
            + "\(Graphviz.checkedVersions)): \(lost.joined(separator: "; "))\n")
    }

    func report(graphvizMessages messages: [String]) {
        guard !messages.isEmpty else { return }
        if verbose {
            for message in messages { Terminal.standardError.write("graphviz: \(PlainText.line(message))\n") }
        } else if !quiet {
            Terminal.standardError.write(
                "note: Graphviz reported \(messages.count) message\(messages.count == 1 ? "" : "s"); run with --verbose to see them\n")
        }
    }

    /// Writes several outputs, each atomically; when one of their directories is missing none
    /// is written, so a command never leaves half of its outputs behind. Exit 3 on failure.
    /// With `--check`, compares them instead.
    func writeAll(_ outputs: [(path: String, bytes: [UInt8])]) throws {
        for (path, _) in outputs where path != "-" && !OutputCheck.isActive {
            let directory = FileSystem.directory(of: path)
            if !FileSystem.isDirectory(directory) {
                Terminal.standardError.write(
                    "\(PlainText.line(path)): error: cannot write the output: the directory \(PlainText.line(directory)) does not exist\n")
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
            let shown = PlainText.line(path)
            if !quiet { Terminal.standardError.status(outcome == .written ? "wrote \(shown)" : "\(shown) is up to date") }
        } catch {
            Terminal.standardError.write("\(error)\n")
            throw CLIExit.renderingFailed
        }
    }
}

/// Default output paths.
enum OutputPath {
    /// `path` as seen from the directory of `file` (both relative to the current directory or
    /// absolute), for links between outputs.
    static func relative(_ path: String, from file: String) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let base = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().pathComponents
        let common = zip(target, base).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: base.count - common) + target.dropFirst(common)).joined(separator: "/")
    }

    /// `dir/model.yaml` → `dir/model.svg` (`dir/model-diagram.svg` with a `suffix`).
    static func beside(_ model: String, extension newExtension: String, suffix: String = "") -> String {
        let slash = model.lastIndex(of: "/")
        let nameStart = slash.map { model.index(after: $0) } ?? model.startIndex
        if let dot = model[nameStart...].lastIndex(of: "."), dot > nameStart {
            return model[..<dot] + suffix + "." + newExtension
        }
        return model + suffix + "." + newExtension
    }
}
