import Foundation
import Testing
import TrustFlowTestSupport

/// `render --watch` and `report --watch`: drawn again on every save of the model (written in
/// place, or replaced by a rename as editors do) and of a theme file it uses; an invalid save
/// is reported and watching goes on, leaving the last good output.
@Suite("--watch")
struct WatchTests {
    /// A running `trustflow … --watch`, stopped when the test ends.
    final class Watching: @unchecked Sendable {
        let process = Process()
        let errors = Pipe()
        private var collected = Data()
        private let lock = NSLock()

        init(_ arguments: [String], in directory: URL) throws {
            process.executableURL = Paths.trustflowExecutable
            process.arguments = arguments
            process.currentDirectoryURL = directory
            process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                self?.lock.withLock { self?.collected.append(data) }
            }
            try process.run()
        }

        var standardError: String { lock.withLock { String(decoding: collected, as: UTF8.self) } }

        /// Waits (up to 20 s) until `condition` holds.
        func wait(for what: String, _ condition: () throws -> Bool) throws {
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                if try condition() { return }
                Thread.sleep(forTimeInterval: 0.05)
            }
            Issue.record("timed out waiting for \(what); standard error so far:\n\(standardError)")
        }

        func occurrences(of text: String) -> Int { standardError.components(separatedBy: text).count - 1 }

        /// Sends Ctrl-C and waits up to 10 s; whether the process stopped.
        func interrupt() -> Bool {
            if process.isRunning { process.interrupt() }
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            return !process.isRunning
        }

        deinit {
            // Never leave a watcher behind, even when a test failed before stopping it.
            if !interrupt() { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            errors.fileHandleForReading.readabilityHandler = nil
        }
    }

    static let model = """
        trustflow: 1
        title: Watched
        elements:
          - { id: user, kind: actor }
          - { id: web, kind: process }
        flows:
          - { from: user, to: web, protocol: HTTPS, encryption: tls }

        """

    @Test func renderDrawsAgainOnEverySave() throws {
        let directory = try Paths.temporaryDirectory()
        let model = directory.appendingPathComponent("m.yaml")
        let output = directory.appendingPathComponent("m.svg")
        try Data(Self.model.utf8).write(to: model)
        let watching = try Watching(["render", "m.yaml", "--watch"], in: directory)
        try watching.wait(for: "the first drawing") { watching.occurrences(of: "watching m.yaml") == 1 }
        let first = try Paths.bytes(output)

        // Saved in place.
        try Data(Self.model.replacingOccurrences(of: "title: Watched", with: "title: Watched again").utf8).write(to: model)
        try watching.wait(for: "the second drawing") { watching.occurrences(of: "watching m.yaml") == 2 }
        let second = try Paths.bytes(output)
        #expect(second != first)
        #expect(String(decoding: second, as: UTF8.self).contains("Watched again"))

        // An invalid save is reported; the last good output stays, and watching goes on.
        try Data("trustflow: 1\ntitle: broken\n".utf8).write(to: model)
        try watching.wait(for: "the error") { watching.standardError.contains("1 error in m.yaml; nothing was written") }
        try watching.wait(for: "watching again") { watching.occurrences(of: "watching m.yaml") == 3 }
        #expect(try Paths.bytes(output) == second)

        // Replaced by a rename, as editors save.
        let temporary = directory.appendingPathComponent(".m.yaml.swp")
        try Data(Self.model.replacingOccurrences(of: "title: Watched", with: "title: Renamed").utf8).write(to: temporary)
        #expect(rename(temporary.path, model.path) == 0)
        try watching.wait(for: "the drawing after a rename") { watching.occurrences(of: "watching m.yaml") == 4 }
        #expect(String(decoding: try Paths.bytes(output), as: UTF8.self).contains("Renamed"))
        #expect(watching.process.isRunning)
        // Ctrl-C stops it, even though the test runner's thread had interrupts blocked.
        #expect(watching.interrupt())
        #expect(watching.process.terminationReason == .uncaughtSignal && watching.process.terminationStatus == SIGINT)
    }

    @Test func aThemeFileIsWatchedToo() throws {
        let directory = try Paths.temporaryDirectory()
        try Data(Self.model.utf8).write(to: directory.appendingPathComponent("m.yaml"))
        let theme = directory.appendingPathComponent("theme.json")
        try Data(##"{"name": "mine", "colors": {"background": "#ffffff"}}"##.utf8).write(to: theme)
        let watching = try Watching(["report", "m.yaml", "-o", "m.md", "--theme", "theme.json", "--watch"], in: directory)
        try watching.wait(for: "the first report") { watching.occurrences(of: "watching m.yaml, theme.json") == 1 }
        let before = try Paths.bytes(directory.appendingPathComponent("m-diagram.svg"))
        try Data(##"{"name": "mine", "colors": {"background": "#fafafa"}}"##.utf8).write(to: theme)
        try watching.wait(for: "the report after the theme changed") { watching.occurrences(of: "watching m.yaml, theme.json") == 2 }
        #expect(watching.standardError.contains("theme.json changed"))
        #expect(try Paths.bytes(directory.appendingPathComponent("m-diagram.svg")) != before)
    }

    @Test func watchingNeedsOneModelAndFiles() throws {
        for arguments in [["render", "Samples/minimal.yaml", "Samples/environments.yaml", "--watch"],
            ["render", "Samples/minimal.yaml", "--watch", "-o", "-"], ["render", "Samples/minimal.yaml", "--watch", "--check"]]
        {
            let result = try TrustFlowProcess.run(arguments)
            #expect(result.status == 2, "\(arguments)")
        }
    }
}
