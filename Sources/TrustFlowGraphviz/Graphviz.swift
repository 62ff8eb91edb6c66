internal import CGraphviz
internal import CGraphvizSupport
import Glibc
import Synchronization

/// The one door to libgvc: DOT text in, SVG/PNG/PDF bytes out, in this process.
///
/// libcgraph and libgvc keep global state (parser, layout, SVG renderer) and are not
/// thread-safe, so every call runs under one process-wide lock; everything before and after
/// can run in parallel. Graphviz's messages are captured through its error callback and by
/// redirecting standard error for the duration of the call, so they reach the caller as
/// values and never the user's terminal directly. No C pointer leaves this module.
public enum Graphviz {
    /// Renders DOT text in this process with libgvc (`gvLayout`, `gvRender`); no Graphviz
    /// program is run.
    /// - Throws: ``GraphvizError`` when the text does not parse, the layout or the renderer
    ///   fails, or a plugin is missing.
    public static func render(_ source: String, format: GraphvizFormat, engine: GraphvizEngine = .dot)
        throws(GraphvizError) -> GraphvizOutput
    {
        var bytes = Array(source.utf8)
        return try render(takingBytes: &bytes, format: format, engine: engine)
    }

    /// Renders DOT text given as UTF-8 bytes, emptying `source` as soon as libcgraph has parsed
    /// it (the form that costs least memory: no second copy of a big diagram's text).
    /// - Throws: ``GraphvizError``, as ``render(_:format:engine:)``.
    public static func render(takingBytes source: inout [UInt8], format: GraphvizFormat, engine: GraphvizEngine = .dot)
        throws(GraphvizError) -> GraphvizOutput
    {
        var output = try session(guardingCrashesOf: engine) { context, messages throws(GraphvizError) in
            // Rendered into an unlinked temporary file and read back once the graph and its
            // layout are freed, as Graphviz's own command-line tool does: gvRenderData's buffer
            // grows by reallocation beside the layout, which raised the peak memory of a big
            // diagram by about a third.
            guard let file = tmpfile() else {
                throw GraphvizError(kind: .render, messages: messages.drain()
                    + ["cannot create a temporary file for the rendered diagram: \(String(cString: strerror(errno)))"])
            }
            defer { fclose(file) }
            try withGraph(&source, messages: &messages) { graph, messages throws(GraphvizError) in
                guard gvLayout(context, graph, engine.rawValue) == 0 else {
                    let said = messages.drain()
                    throw GraphvizError(kind: pluginsAreMissing(said) ? .missingPlugin : .layout, messages: said)
                }
                defer { gvFreeLayout(context, graph) }
                guard gvRender(context, graph, format.device, file) == 0, fflush(file) == 0, ferror(file) == 0 else {
                    throw renderFailure(messages.drain())
                }
            }
            guard let bytes = readAll(file) else {
                throw GraphvizError(kind: .render, messages: messages.drain() + ["cannot read the rendered diagram back"])
            }
            return bytes
        }
        Reproducible.normalize(&output.value, format: format)
        return GraphvizOutput(bytes: output.value, messages: output.messages)
    }

    private static func renderFailure(_ said: [String]) -> GraphvizError {
        GraphvizError(kind: pluginsAreMissing(said) ? .missingPlugin : .render, messages: said)
    }

    /// The whole content of a file written from its start.
    private static func readAll(_ file: UnsafeMutablePointer<FILE>) -> [UInt8]? {
        guard fseek(file, 0, SEEK_END) == 0 else { return nil }
        let size = ftell(file)
        guard size >= 0, fseek(file, 0, SEEK_SET) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: size)
        let read = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, size, file) }
        return read == size ? bytes : nil
    }

    /// Whether Graphviz's messages say that its plugins are not installed (no `config6a`, or a
    /// plugin library that does not load), as opposed to a graph that asks for an unknown
    /// engine or a layout that fails.
    static func pluginsAreMissing(_ messages: [String]) -> Bool {
        messages.contains { $0.contains("Could not load") || $0.hasSuffix("not recognized. Use one of:") }
    }

    /// Parses DOT text without laying it out, returning any warnings.
    /// - Throws: ``GraphvizError`` of kind `.syntax` when it does not parse.
    public static func check(_ source: String) throws(GraphvizError) -> [String] {
        try inspect(source) { _ in }.messages
    }

    /// Parses DOT text and hands the graph to `body` under the lock; the graph is closed after.
    static func inspect<Value: Sendable>(_ source: String, _ body: (UnsafeMutablePointer<Agraph_t>) -> Value) throws(GraphvizError)
        -> (value: Value, messages: [String])
    {
        try session { _, messages throws(GraphvizError) in
            var text = Array(source.utf8)
            return try withGraph(&text, messages: &messages) { graph, _ in body(graph) }
        }
    }

    /// The version of the linked Graphviz, e.g. `2.43.0`.
    public static var version: String {
        state.withLock { String(cString: gvcVersion(sharedContext(&$0))) }
    }

    /// Whether calls also capture what Graphviz writes straight to standard error.
    ///
    /// Redirecting file descriptor 2 affects the whole process, so only a program that owns
    /// its terminal — the `trustflow` command — turns this on; a library user keeps it off.
    public static var capturesStandardError: Bool {
        get { state.withLock(\.capturesStandardError) }
        set { state.withLock { $0.capturesStandardError = newValue } }
    }

    /// What happens when Graphviz crashes while laying out or rendering; `nil` (the default)
    /// leaves the process's own signal handling alone.
    ///
    /// A program that owns its process — the `trustflow` command — sets this so that a crash
    /// inside Graphviz (a bad memory access, a failed internal check, a stack overflow) ends
    /// the process with a message that says what was being drawn and what to try, and a
    /// documented exit status, instead of a bare "Segmentation fault". A library user keeps its
    /// own signal handlers.
    public static var crashHandler: GraphvizCrashHandler? {
        get { state.withLock(\.crashHandler) }
        set { state.withLock { $0.crashHandler = newValue } }
    }

    /// What this build can promise with the Graphviz it was built with; see
    /// ``GraphvizGuarantees``. Known without loading Graphviz's plugins.
    public static var guaranteesThatHold: GraphvizGuarantees {
        GraphvizGuarantees(rawValue: trustflow_graphviz_available_guarantees())
    }

    /// The version of the Graphviz headers TrustFlow was built with, e.g. `2.43.0`.
    public static var headerVersion: String { String(cString: trustflow_graphviz_header_version()) }

    /// The Graphviz versions whose private structures TrustFlow's reproducibility measures were
    /// checked against, e.g. `2.42.2, 2.42.3, 2.42.4, 2.43.0`.
    public static var checkedVersions: String { String(cString: trustflow_graphviz_checked_versions()) }

    // MARK: - Internals

    /// What the process shares about Graphviz; its mutex also serialises every call into
    /// Graphviz, whose global state makes it unsafe on two threads at once. (Unchecked: the
    /// context pointer is only used while holding that mutex.)
    private struct State: @unchecked Sendable {
        /// The one context, created on first use.
        var context: OpaquePointer?
        var capturesStandardError = false
        var crashHandler: GraphvizCrashHandler?
    }

    private static let state = Mutex(State())

    private static func sharedContext(_ state: inout State) -> OpaquePointer {
        if let context = state.context { return context }
        // Before the first graph: fdp's layout follows heap addresses unless cgraph's
        // allocations come in creation order (see CGraphvizSupport's ordered_memory.c).
        _ = trustflow_graphviz_prepare()
        _ = agseterr(AGWARN)
        _ = agseterrf(captureMessage)
        let created = gvContext()!
        state.context = created
        return created
    }

    /// Runs `body` under the lock with the context, capturing every message Graphviz emits;
    /// with an `engine`, a crash meanwhile is reported by ``crashHandler`` (if one is set).
    private static func session<Value: Sendable>(
        guardingCrashesOf engine: GraphvizEngine? = nil,
        _ body: (OpaquePointer, inout MessageSink) throws(GraphvizError) -> Value
    ) throws(GraphvizError) -> (value: Value, messages: [String]) {
        try state.withLock { (state) throws(GraphvizError) in try session(&state, guardingCrashesOf: engine, body) }
    }

    private static func session<Value: Sendable>(
        _ state: inout State, guardingCrashesOf engine: GraphvizEngine?,
        _ body: (OpaquePointer, inout MessageSink) throws(GraphvizError) -> Value
    ) throws(GraphvizError) -> (value: Value, messages: [String]) {
        // Capture first: creating the context loads plugins, which can print too.
        let capture = state.capturesStandardError ? StandardErrorCapture() : nil
        if let engine, let handler = state.crashHandler {
            // The report goes to the real standard error, not into the capture.
            let message = handler.message(engine)
            trustflow_crash_guard_arm(message.beforeSignal, message.afterSignal, handler.status,
                capture?.originalDescriptor ?? STDERR_FILENO)
        }
        defer { trustflow_crash_guard_disarm() }
        let context = sharedContext(&state)
        var sink = MessageSink()
        _ = agreseterrors()
        MessageSink.reset()
        do throws(GraphvizError) {
            let value = try body(context, &sink)
            return (value, sink.drain() + (capture?.finish() ?? []))
        } catch {
            var failure = error
            failure.messages += sink.drain() + (capture?.finish() ?? [])
            throw failure
        }
    }

    /// Parses `source` with libcgraph, empties it (the graph holds all it needs), and hands
    /// the graph to `body`.
    private static func withGraph<Value>(
        _ source: inout [UInt8], messages: inout MessageSink,
        _ body: (UnsafeMutablePointer<Agraph_t>, inout MessageSink) throws(GraphvizError) -> Value
    ) throws(GraphvizError) -> Value {
        // libcgraph reads a C string: up to the first NUL (DOT text has none of its own).
        source.append(0)
        let parsed = source.withUnsafeBufferPointer {
            $0.withMemoryRebound(to: CChar.self) { trustflow_graphviz_read($0.baseAddress!) }
        }
        source = []
        guard let parsed else {
            throw GraphvizError(kind: .syntax, messages: messages.drain())
        }
        defer { trustflow_graphviz_close(parsed) }
        return try body(parsed.assumingMemoryBound(to: Agraph_t.self), &messages)
    }
}

/// Messages from Graphviz's error callback. The callback is a C function pointer that
/// cannot capture context, so it appends to a static buffer that only code holding
/// ``Graphviz``'s lock touches. Graphviz hands a message over in pieces (`Error`, `: `,
/// then the text up to its line break), so pieces are joined into lines.
struct MessageSink {
    nonisolated(unsafe) static var current: [String] = []
    nonisolated(unsafe) static var partial = ""

    static func reset() {
        current = []
        partial = ""
    }

    static func receive(_ piece: String) {
        partial += piece
        while let newline = partial.firstIndex(of: "\n") {
            finishLine(partial[..<newline])
            partial.removeSubrange(...newline)
        }
    }

    static func finishLine(_ line: Substring) {
        if let text = trimmedLine(line) { current.append(text) }
    }

    /// A line without the blanks around it; nil when nothing else is left.
    static func trimmedLine(_ line: Substring) -> String? {
        let text = line.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        return text.isEmpty ? nil : String(text)
    }

    mutating func drain() -> [String] {
        MessageSink.finishLine(Substring(MessageSink.partial))
        defer { MessageSink.reset() }
        return MessageSink.current
    }
}

private func captureMessage(_ message: UnsafeMutablePointer<CChar>?) -> Int32 {
    guard let message else { return 0 }
    MessageSink.receive(String(cString: message))
    return 0
}
