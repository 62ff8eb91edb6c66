import Foundation
import Testing

@testable import TrustFlowCLI

/// The posix_spawn runner behind `--jobs` workers and `git`.
@Suite struct ChildProcessTests {
    @Test func bothStreamsAreCollectedInFullAndTheExitStatusKept() throws {
        // 200 KB on each stream: more than a pipe holds, so both must be drained together.
        let script = "head -c 200000 /dev/zero; head -c 200000 /dev/zero >&2; exit 7"
        let result = try #require(ChildProcess.run("/bin/sh", ["-c", script], keepOutput: true))
        #expect(result.output.count == 200_000 && result.error.count == 200_000)
        #expect(result.status == 7 && !result.signaled)
    }

    @Test func aSignalIsReportedAsSuch() throws {
        let result = try #require(ChildProcess.run("/bin/sh", ["-c", "kill -SEGV $$"], keepOutput: false))
        #expect(result.signaled && result.status == SIGSEGV)
    }

    @Test func aChildInheritsOnlyItsStandardStreams() throws {
        // A descriptor this process leaves open on exec must not reach the child.
        // (A high number, so that it cannot be the descriptor `ls` opens for the directory.)
        let devNull = open("/dev/null", O_RDONLY)
        let stray = dup2(devNull, 100)
        close(devNull)
        defer { close(stray) }
        #expect(stray == 100)
        let result = try #require(ChildProcess.run("/bin/sh", ["-c", "ls /proc/self/fd"], keepOutput: true))
        let open = String(decoding: result.output, as: UTF8.self).split(separator: "\n").compactMap { Int32($0) }.sorted()
        // 0-2, and the descriptor `ls` itself opens to read the directory.
        #expect(!open.contains(stray), "\(open)")
        #expect(open.filter { $0 > 2 }.count <= 1, "\(open)")
    }

    @Test func aProgramThatCannotStartIsNil() {
        #expect(ChildProcess.run("/nonexistent/program", [], keepOutput: false) == nil)
        #expect(errno == ENOENT)
    }
}
