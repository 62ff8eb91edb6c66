import ArgumentParser
import Synchronization
import TrustFlow

/// `--check`: every output a command would write is compared with the file already there, and
/// nothing is written. At the end the outputs that are out of date (missing, or holding other
/// bytes) are listed on standard output, one path per line, and the command exits 1 — the
/// `gofmt -l` / `prettier --check` of diagrams and reports, for docs pipelines.
enum OutputCheck {
    private struct State {
        var active = false
        var checked = 0
        var outOfDate: [String] = []
    }

    private static let state = Mutex(State())

    /// Starts a checking run: from now on outputs are compared, never written.
    static func start() { state.withLock { $0.active = true } }

    static var isActive: Bool { state.withLock(\.active) }

    /// Counts the output at `path`, out of date unless it already holds `bytes`.
    static func compare(_ bytes: [UInt8], at path: String) {
        record(checked: 1, outOfDate: OutputFile.isCurrent(bytes, at: path) ? [] : [path])
    }

    /// Counts `checked` outputs, of which `outOfDate` are.
    static func record(checked: Int, outOfDate: [String]) {
        state.withLock {
            $0.checked += checked
            $0.outOfDate += outOfDate
        }
    }

    /// Ends a checking run: lists the outputs that are out of date on standard output and
    /// exits 1 when there is one; otherwise says that all are up to date. A batch's worker
    /// (not `listing`) leaves both to the batch.
    static func finish(console: Console, listing: Bool = true) throws {
        let (checked, outOfDate) = state.withLock { ($0.checked, $0.outOfDate) }
        guard listing else {
            if !outOfDate.isEmpty { throw CLIExit.findings }
            return
        }
        for path in outOfDate { Terminal.standardOutput.write(PlainText.line(path) + "\n") }
        if !outOfDate.isEmpty {
            console.conclusion("\(outOfDate.count) of \(checked) output\(checked == 1 ? " is" : "s are") out of date; "
                + "run the same command without --check to update")
            throw CLIExit.findings
        }
        console.status("\(checked) output\(checked == 1 ? " is" : "s are") up to date")
    }
}

/// `--check` on the commands that write diagrams and reports.
struct CheckOutputOptions: ParsableArguments {
    @Flag(help: ArgumentHelp("Write nothing: list the outputs that are out of date (missing or different; for an atlas, "
        + "also the pages an update would remove) and exit 1 if there is one."))
    var check = false
}
