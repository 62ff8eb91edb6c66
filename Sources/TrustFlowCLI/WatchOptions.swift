import ArgumentParser
import Glibc
import TrustFlow

/// `--watch` on the commands that draw one model.
struct WatchOptions: ParsableArguments {
    @Flag(help: ArgumentHelp("Draw again every time the model (or a theme or template file it uses) is saved; errors are "
        + "printed and watching goes on. Ctrl-C stops."))
    var watch = false

    /// Runs `draw`, then again after every save of one of `files`, until the process is
    /// stopped. A failed draw has said why (its exit status is dropped); watching goes on.
    func run(watching files: [String], console: Console, _ draw: () throws -> Void) throws -> Never {
        let watcher: FileWatcher
        do {
            watcher = try FileWatcher(files: files)
        } catch {
            console.error(error.description)
            throw CLIExit.renderingFailed
        }
        // Ctrl-C (and a plain kill) must stop watching even when the process was started with
        // them ignored (a shell's background job) or blocked (a parent's thread mask is
        // inherited).
        var stopping = sigset_t()
        sigemptyset(&stopping)
        for stop in [SIGINT, SIGTERM] {
            signal(stop, SIG_DFL)
            sigaddset(&stopping, stop)
        }
        pthread_sigmask(SIG_UNBLOCK, &stopping, nil)
        let shown = files.joined(separator: ", ")
        while true {
            do {
                try draw()
            } catch let exit as ExitCode where exit != .success {
                // Already reported; the next save may fix it.
            }
            console.status("watching \(shown) (Ctrl-C to stop)")
            let changed = watcher.waitForChange()
            console.status("\(changed.joined(separator: ", ")) changed")
        }
    }
}

extension ThemeOptions {
    /// The file the theme is read from, when it is one (a path, or a theme installed in a
    /// resource directory); nil for the default and the built-in themes.
    var file: String? {
        guard let theme else { return nil }
        if theme.contains("/") || theme.hasSuffix(".json") { return theme }
        return ResourceLocator.standard.text("themes/\(theme).json").map(\.origin).flatMap { $0.hasPrefix("built-in ") ? nil : $0 }
    }
}
