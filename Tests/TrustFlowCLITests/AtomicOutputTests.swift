import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Issue 7, item 4: nothing is ever lost. A failure at any step — a full disk, a read-only
/// directory, a killed process — leaves existing outputs byte-identical and no temporary
/// file behind (or, for `kill -9`, one that the next run removes).
@Suite("Atomic outputs")
struct AtomicOutputTests {
    static let previous = Array("previous output, which must survive\n".utf8)

    /// A directory holding one existing output, `kept.svg`.
    func directoryWithAnOutput() throws -> URL {
        let directory = try Paths.temporaryDirectory()
        try Data(Self.previous).write(to: directory.appendingPathComponent("kept.svg"))
        return directory
    }

    func expectUntouched(_ directory: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["kept.svg"],
            sourceLocation: sourceLocation)
        #expect(try Paths.bytes(directory.appendingPathComponent("kept.svg")) == Self.previous, sourceLocation: sourceLocation)
    }

    /// Runs `trustflow arguments…` through a shell that first runs `setup` (e.g. a ulimit).
    func runInShell(_ setup: String, _ arguments: [String]) throws -> (status: Int32, standardError: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(setup); exec \"$0\" \"$@\"", Paths.trustflowExecutable.path] + arguments
        process.currentDirectoryURL = Paths.root
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let bytes = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: bytes, as: UTF8.self))
    }

    /// A full disk: a 16 KiB file system where mounting one is allowed (root), else a file-size
    /// limit (which ThreadSanitizer's runtime cannot start under). Either way the write of the
    /// temporary file fails part-way.
    @Test(arguments: [
        ["render", "Samples/k8s-three-tier.yaml", "-o", "OUT"],
        ["check", "Samples/k8s-three-tier-insecure.yaml", "--format", "sarif", "-o", "OUT", "--fail-on", "never"],
        ["diff", "Samples/diff/before.yaml", "Samples/diff/after.yaml", "-o", "OUT"],
    ])
    func aFullDiskExitsThreeAndKeepsTheOutput(arguments: [String]) throws {
        let directory = try Paths.temporaryDirectory()
        let mounted = geteuid() == 0
            && (try? ReadOnlyDirectory.run("/bin/mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", directory.path)) != nil
        defer { if mounted { try? ReadOnlyDirectory.run("/bin/umount", directory.path) } }
        try Data(Self.previous).write(to: directory.appendingPathComponent("kept.svg"))
        let output = directory.appendingPathComponent("kept.svg").path
        let result: (status: Int32, standardError: String)
        if mounted {
            let run = try TrustFlowProcess.run(arguments.map { $0 == "OUT" ? output : $0 })
            result = (run.status, run.standardError)
        } else {
            // 4 blocks of 512 bytes: less than any of these outputs. SIGXFSZ is ignored so that
            // write() fails with EFBIG instead of killing the process.
            result = try runInShell("trap '' XFSZ; ulimit -f 4", arguments.map { $0 == "OUT" ? output : $0 })
        }
        let reason = mounted ? "No space left on device" : "File too large"
        #expect(result.status == 3, "\(result.standardError)")
        #expect(result.standardError.contains("\(output): error: cannot write the output: \(reason)"), "\(result.standardError)")
        try expectUntouched(directory)
    }

    @Test func aReadOnlyDirectoryExitsThreeAndKeepsTheOutput() throws {
        let directory = try directoryWithAnOutput()
        let output = directory.appendingPathComponent("kept.svg").path
        let result = try ReadOnlyDirectory.with(directory) {
            try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "-o", output])
        }
        #expect(result.status == 3)
        #expect(result.standardError.contains("\(output): error: cannot write the output: "), "\(result.standardError)")
        try expectUntouched(directory)
    }

    /// `kill -9` in the middle of a render (a model that takes seconds to lay out).
    @Test func aKilledRenderLeavesTheOutputAsItWas() throws {
        let directory = try directoryWithAnOutput()
        let boundaries = (0..<20).flatMap { chain in
            (0..<3).map { "  - {id: b\(chain)_\($0), kind: generic\($0 == 0 ? "" : ", parent: b\(chain)_\($0 - 1)")}\n" }
        }.joined()
        let elements = (0..<600).map { "  - {id: e\($0), kind: process, boundary: b\($0 % 20)_\($0 % 3)}\n" }.joined()
        let flows = (0..<1500).map { "  - {from: e\($0 % 600), to: e\(($0 * 7 + 1) % 600)}\n" }.joined()
        let model = try Paths.temporaryDirectory().appendingPathComponent("large.yaml")
        try Data(("trustflow: 1\ntitle: Large\nboundaries:\n" + boundaries + "elements:\n" + elements + "flows:\n" + flows).utf8)
            .write(to: model)

        let process = Process()
        process.executableURL = Paths.trustflowExecutable
        // `dot` on 2,100 elements and flows runs for minutes, so the kill after 1 s always
        // lands mid-layout (`auto` would pick fdp, which a fast build can finish in time).
        process.arguments = ["render", model.path, "-o", directory.appendingPathComponent("kept.svg").path, "--engine", "dot"]
        process.standardError = FileHandle.nullDevice
        let started = Date()
        try process.run()
        Thread.sleep(forTimeInterval: 1.0)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "killed after \(Date().timeIntervalSince(started)) s")
        try expectUntouched(directory)
    }

    /// A temporary file can survive only a kill between its creation and its rename; the next
    /// write of that output removes it — unless its process still runs (a concurrent write).
    @Test func theNextWriteRemovesTemporaryFilesOfKilledWriters() throws {
        let directory = try directoryWithAnOutput()
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let abandoned = ".kept.svg.trustflow-\(finished.processIdentifier)-Ab12Cd"
        let concurrent = ".kept.svg.trustflow-\(getpid())-Ef34Gh"
        let unrelated = ".other.svg.trustflow-\(finished.processIdentifier)-Ij56Kl"
        for name in [abandoned, concurrent, unrelated] {
            try Data("partial".utf8).write(to: directory.appendingPathComponent(name))
        }
        let result = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "-o", directory.appendingPathComponent("kept.svg").path])
        #expect(result.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [concurrent, unrelated, "kept.svg"].sorted())
    }

    /// `-o /dev/null` as root used to replace the device with a regular file: a destination
    /// that is not a file is written into, never replaced. (A named pipe stands in for the
    /// device, so a regression cannot break the machine running the tests.)
    @Test func aNamedPipeIsWrittenIntoNotReplaced() throws {
        let directory = try Paths.temporaryDirectory()
        let pipe = directory.appendingPathComponent("pipe.svg")
        #expect(mkfifo(pipe.path, 0o644) == 0)
        final class Box: @unchecked Sendable { var data = Data() }
        let received = Box()
        let done = DispatchSemaphore(value: 0)
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: pipe.path) { received.data = handle.readDataToEndOfFile() }
            done.signal()
        }
        reader.start()
        let result = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "-o", pipe.path])
        // A semaphore, not polling isFinished: ThreadSanitizer found that polling does not
        // order the reader's write before this read.
        done.wait()
        #expect(result.status == 0, "\(result.standardError)")
        var info = stat()
        #expect(lstat(pipe.path, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFIFO, "still a named pipe")
        #expect(String(decoding: received.data, as: UTF8.self).hasPrefix("<?xml"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["pipe.svg"])
    }

    @Test func aSymbolicLinkStaysALinkToTheNewFile() throws {
        let directory = try directoryWithAnOutput()
        let link = directory.appendingPathComponent("link.svg")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "kept.svg")
        let result = try TrustFlowProcess.run(["render", "Samples/minimal.yaml", "-o", link.path])
        #expect(result.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "kept.svg")
        #expect(try Paths.bytes(directory.appendingPathComponent("kept.svg")) == (try Paths.bytes(Paths.sample("minimal.svg"))))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["kept.svg", "link.svg"])
    }
}
