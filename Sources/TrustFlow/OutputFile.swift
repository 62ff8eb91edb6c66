import Glibc
import TrustFlowModel

/// What ``OutputFile/write(_:to:)`` did.
public enum WriteOutcome: Sendable, Equatable {
    /// The file was created or replaced.
    case written
    /// The file already held exactly these bytes and was left alone (not even touched).
    case unchanged
}

/// A file that could not be written; any existing file is left as it was.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { diagnostic.description }

    /// The error as a diagnostic, for printing with others.
    public var diagnostic: Diagnostic { Diagnostic(.error, "cannot write the output: \(reason)", location: SourceLocation(file: path)) }
}

/// Writing outputs so that nothing is ever half-written.
public enum OutputFile {
    /// Writes `bytes` to `path` atomically: into a temporary file in the same directory,
    /// flushed to disk, then renamed over the destination. When the destination already
    /// holds these bytes nothing is written, so timestamps and reviews stay quiet.
    ///
    /// A symbolic link is followed, and the file it points to is replaced. A destination
    /// that is not a file — `/dev/null`, `/dev/stdout`, a named pipe — is written into
    /// directly rather than replaced (replacing `/dev/null` as root would destroy it).
    ///
    /// Temporary files are named `.NAME.trustflow-PID-XXXXXX`. One can only survive its
    /// writer being killed between creating and renaming it (`kill -9`, a power cut); the
    /// next write of the same output removes those whose process no longer runs.
    /// - Throws: ``OutputError``; the destination is then unchanged and no temporary file remains.
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) -> WriteOutcome {
        let target = resolvingSymbolicLink(path)
        let directory = FileSystem.directory(of: target)
        let prefix = "." + FileSystem.fileName(target) + ".trustflow-"
        var info = stat()
        let exists = stat(target, &info) == 0
        if exists {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                if Int(info.st_size) == bytes.count, fileHolds(bytes, at: target) {
                    removeAbandonedTemporaryFiles(in: directory, prefix: prefix)
                    return .unchanged
                }
            case S_IFDIR:
                throw OutputError(path: path, reason: "it is a directory")
            default:
                try writeThrough(bytes, to: target, reportedAs: path)
                return .written
            }
        }
        guard FileSystem.isDirectory(directory) else {
            throw OutputError(path: path, reason: "the directory \(directory) does not exist")
        }
        removeAbandonedTemporaryFiles(in: directory, prefix: prefix)
        var template = Array((directory + "/" + prefix + "\(getpid())-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        // A replaced file keeps its permissions; a new one is readable by all, as with a umask of 022.
        fchmod(descriptor, exists ? info.st_mode & 0o7777 : 0o644)
        let failure = writeAll(bytes, to: descriptor) ?? (fsync(descriptor) == 0 ? nil : String(cString: strerror(errno)))
        close(descriptor)
        if let failure { throw OutputError(path: path, reason: failure) }
        guard rename(temporary, target) == 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        succeeded = true
        // Make the rename itself durable; failing here loses nothing that was there before.
        let directoryDescriptor = open(directory, O_RDONLY)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
        return .written
    }

    /// Whether ``write(_:to:)`` would leave the file at `path` alone: it is a regular file (or a
    /// symbolic link to one) that already holds exactly `bytes`. `--check` asks this.
    public static func isCurrent(_ bytes: [UInt8], at path: String) -> Bool {
        let target = resolvingSymbolicLink(path)
        var info = stat()
        guard stat(target, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        return fileHolds(bytes, at: target)
    }

    /// Whether the file at `path` holds exactly `bytes`, read a piece at a time so that a big
    /// output is not held in memory twice.
    static func fileHolds(_ bytes: [UInt8], at path: String) -> Bool {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var piece = [UInt8](repeating: 0, count: 1 << 16)
        var offset = 0
        while true {
            let count = piece.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return false }
            if count == 0 { return offset == bytes.count }
            guard offset + count <= bytes.count, piece[..<count].elementsEqual(bytes[offset..<offset + count]) else {
                return false
            }
            offset += count
        }
    }

    /// The file a symbolic link points to (so that the link survives), else `path` itself.
    static func resolvingSymbolicLink(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) else {
            return path
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Writes into something that is not a regular file, which cannot be replaced.
    static func writeThrough(_ bytes: [UInt8], to target: String, reportedAs path: String) throws(OutputError) {
        let descriptor = open(target, O_WRONLY | O_TRUNC)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        if let failure = writeAll(bytes, to: descriptor) { throw OutputError(path: path, reason: failure) }
    }

    /// Writes every byte, retrying after interruptions; the error text on failure.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        var written = 0
        return bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                written += result
            }
            return nil
        }
    }

    /// Removes `PREFIX<pid>-XXXXXX` files left by writers that were killed: only those whose
    /// process is gone, so a concurrent write of the same output is never disturbed.
    static func removeAbandonedTemporaryFiles(in directory: String, prefix: String) {
        guard let names = FileSystem.names(in: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(directory + "/" + name) }
        }
    }
}
