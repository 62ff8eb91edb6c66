import Glibc
import TrustFlow

/// Reads a file as it was at a git revision, with `git show REV:./PATH` (so the path is
/// relative to the current directory, from anywhere inside the repository).
enum GitRevision {
    enum Failure: Error {
        /// Not inside a git work tree, or git is missing.
        case notARepository(String)
        /// The revision does not exist.
        case unknownRevision(String)
        /// The file at that revision is larger than a model may be.
        case tooLarge(size: Int)
    }

    /// The file's bytes at `revision`, or `nil` when the file did not exist there.
    ///
    /// The old version of a model is as untrusted as the new one: its size is checked against
    /// `limit` before it is read, as for a file on disk.
    static func read(_ path: String, at revision: String, limit: Int) throws(Failure) -> [UInt8]? {
        let inside = run(["rev-parse", "--is-inside-work-tree"])
        guard inside.status == 0, inside.output.starts(with: Array("true".utf8)) else {
            throw .notARepository(inside.error.isEmpty ? "git rev-parse failed" : inside.error)
        }
        // A revision starting with '-' would be read by git as an option.
        guard !revision.hasPrefix("-") else { throw .unknownRevision(revision) }
        let commit = run(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"])
        guard commit.status == 0 else { throw .unknownRevision(revision) }
        let relative = path.hasPrefix("/") ? path : "./" + path
        let size = run(["cat-file", "-s", "\(revision):\(relative)"])
        if size.status == 0, let bytes = Int(String(decoding: size.output, as: UTF8.self).trimmingWhitespace()),
            bytes > limit
        {
            throw .tooLarge(size: bytes)
        }
        let shown = run(["show", "\(revision):\(relative)"])
        if shown.status == 0 { return shown.output }
        if shown.error.contains("does not exist") || shown.error.contains("exists on disk, but not in") { return nil }
        throw .notARepository(shown.error)
    }

    private static func run(_ arguments: [String]) -> (status: Int32, output: [UInt8], error: String) {
        guard let result = ChildProcess.run("/usr/bin/env", ["git"] + arguments, keepOutput: true) else {
            return (127, [], "git is not installed")
        }
        return (result.status, result.output, String(String(decoding: result.error, as: UTF8.self).trimmingWhitespace()))
    }
}
