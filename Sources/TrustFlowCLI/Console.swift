import TrustFlow

/// The one way the command line speaks to a person: every error, warning, note and status line
/// goes through here onto standard error, formatted as a ``Diagnostic``
/// (`file:line:col: severity: message`, coloured on a terminal) and made one visible line by
/// ``PlainText/line(_:)`` whatever a model, path or library message holds. `--quiet` keeps only
/// errors and the lines that say why the exit status is not 0; `--verbose` adds the notes that
/// only matter when asking why.
struct Console: Sendable {
    var quiet = false
    var verbose = false
    var terminal = Terminal.standardError

    // MARK: Diagnostics

    /// Prints diagnostics, sorted and capped (``Terminal/print(_:)``); under `--quiet` only the
    /// errors.
    func print(_ diagnostics: [Diagnostic]) {
        terminal.print(quiet ? diagnostics.filter { $0.severity == .error } : diagnostics)
    }

    /// `file: error: message`, or `error: message` when no file is at fault.
    func error(_ message: String, in file: String? = nil) { print([diagnostic(.error, message, file)]) }

    /// `file: warning: message`; not under `--quiet`.
    func warning(_ message: String, in file: String? = nil) { print([diagnostic(.warning, message, file)]) }

    /// `note: message`; not under `--quiet`.
    func note(_ message: String) { print([Diagnostic(.note, message)]) }

    /// A note that only matters when asking why (`--verbose`), at `location` when it has one.
    /// Printed at once, so a long list under `--verbose` is never capped.
    func detail(_ message: String, at location: SourceLocation? = nil) {
        if verbose { print([Diagnostic(.note, message, location: location)]) }
    }

    private func diagnostic(_ severity: Diagnostic.Severity, _ message: String, _ file: String?) -> Diagnostic {
        Diagnostic(severity, message, location: file.map { SourceLocation(file: $0) })
    }

    /// The errors that made an input unusable, then how many there were and that nothing was
    /// written.
    func invalid(_ diagnostics: [Diagnostic], in name: String) {
        print(diagnostics)
        let count = diagnostics.filter { $0.severity == .error }.count
        conclusion("\(count) error\(count == 1 ? "" : "s") in \(name); nothing was written")
    }

    /// What Graphviz said while laying out: each message with `--verbose`, else how many.
    func graphviz(_ messages: [String]) {
        guard !messages.isEmpty else { return }
        if verbose {
            if !quiet { for message in messages { line("graphviz: \(message)") } }
        } else {
            note("Graphviz reported \(messages.count) message\(messages.count == 1 ? "" : "s"); run with --verbose to see them")
        }
    }

    // MARK: Lines that are not diagnostics

    /// What a command did (`wrote diagram.svg`); not under `--quiet`.
    func status(_ message: String) {
        if !quiet { line(message) }
    }

    /// Why the exit status is not 0 (`2 errors in model.yaml; nothing was written`): printed
    /// even under `--quiet`.
    func conclusion(_ message: String) { line(message) }

    /// Text that comes whole from elsewhere (the argument parser's usage message, a worker's
    /// standard error), each line kept visible.
    func passThrough(_ text: String) {
        guard !text.isEmpty else { return }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        for each in lines { line(String(each)) }
    }

    private func line(_ text: String) { terminal.write(PlainText.line(text) + "\n") }

    // MARK: Progress

    /// Whether a progress line may be drawn: on a terminal, and not under `--quiet`.
    var showsProgress: Bool { !quiet && terminal.isInteractive }

    /// Replaces the progress line with `text` (no line break).
    func progress(_ text: String) { terminal.write("\r\u{1B}[K" + PlainText.line(text)) }

    /// Clears the progress line.
    func clearProgress() { terminal.write("\r\u{1B}[K") }
}
