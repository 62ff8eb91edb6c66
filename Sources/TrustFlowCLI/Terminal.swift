import Glibc
import TrustFlow

/// Standard output and error, with colour only on a terminal and never when `NO_COLOR` is set.
struct Terminal: Sendable {
    let descriptor: Int32

    static let standardError = Terminal(descriptor: STDERR_FILENO)
    static let standardOutput = Terminal(descriptor: STDOUT_FILENO)

    var isInteractive: Bool { isatty(descriptor) == 1 }
    var usesColor: Bool { isInteractive && getenv("NO_COLOR") == nil }

    func write(_ text: String) { write(Array(text.utf8)) }

    func write(_ bytes: [UInt8]) {
        var offset = 0
        bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += result
            }
        }
    }

    /// At most this many diagnostics are printed per file: a hostile file can hold 100,000
    /// errors, and the first ones are what a person fixes first.
    static let diagnosticLimit = 100

    /// Prints diagnostics as `file:line:col: severity: path: message`, sorted, at most
    /// ``diagnosticLimit`` of them and then how many were left out.
    func print(_ diagnostics: [Diagnostic]) {
        let sorted = Diagnostic.sorted(diagnostics)
        for diagnostic in sorted.prefix(Terminal.diagnosticLimit) { write(format(diagnostic) + "\n") }
        if sorted.count > Terminal.diagnosticLimit {
            write("note: \(sorted.count - Terminal.diagnosticLimit) more not shown\n")
        }
    }

    /// One line per diagnostic whatever the model's text holds (see ``PlainText/line(_:)``).
    func format(_ diagnostic: Diagnostic) -> String {
        var diagnostic = diagnostic
        diagnostic.message = PlainText.line(diagnostic.message)
        if let file = diagnostic.location?.file { diagnostic.location?.file = PlainText.line(file) }
        guard usesColor else { return PlainText.line(diagnostic.description) }
        let color = switch diagnostic.severity {
        case .error: "\u{1B}[1;31m"
        case .warning: "\u{1B}[1;35m"
        case .note: "\u{1B}[1;36m"
        }
        var text = ""
        if let location = diagnostic.location { text += "\u{1B}[1m\(location):\u{1B}[0m " }
        text += "\(color)\(diagnostic.severity.rawValue):\u{1B}[0m "
        if let path = diagnostic.path, !path.components.isEmpty { text += "\(PlainText.line(path.description)): " }
        return text + diagnostic.message
    }
}
