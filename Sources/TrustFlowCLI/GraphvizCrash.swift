import Synchronization
import TrustFlow

/// What `trustflow` says when Graphviz crashes while drawing: the model, the engine, what to
/// try, and exit status 3 — never a bare "Segmentation fault". Outputs are written only after
/// Graphviz returns, so a crash leaves every existing output as it was.
enum GraphvizCrash {
    /// The model (or models) being drawn, named in the message.
    private static let subject = Mutex("the model")

    /// Installs the handler; once, at start.
    static func install() {
        Graphviz.crashHandler = GraphvizCrashHandler(status: CLIExit.renderingFailed.rawValue) { engine in
            message(subject: subject.withLock { $0 }, engine: engine)
        }
    }

    /// Names what is drawn next.
    static func drawing(_ model: String) { subject.withLock { $0 = PlainText.line(model) } }

    /// The line written on a crash, in two parts around the signal's name.
    static func message(subject: String, engine: GraphvizEngine) -> (beforeSignal: String, afterSignal: String) {
        ("\(subject): error: Graphviz crashed (",
         ") while laying out the diagram with the \(engine.rawValue) engine; nothing was written. Try --engine "
            + "\(engine == .dot ? "fdp" : "dot"); if every engine crashes, please report the model.\n")
    }
}
