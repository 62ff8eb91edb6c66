import Foundation

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
    public var description: String { "\(path): error: cannot write the output: \(reason)" }
}

/// Writing outputs so that nothing is ever half-written.
public enum OutputFile {
    /// Writes `bytes` to `path` atomically: into a temporary file in the same directory,
    /// flushed to disk, then renamed over the destination. When the destination already
    /// holds these bytes nothing is written, so timestamps and reviews stay quiet.
    /// - Throws: ``OutputError``; the destination is then unchanged and no temporary file remains.
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) -> WriteOutcome {
        if let existing = FileManager.default.contents(atPath: path), existing.count == bytes.count,
            existing.elementsEqual(bytes)
        {
            return .unchanged
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError(path: path, reason: "the directory \(directory) does not exist")
        }
        var template = Array((directory + "/." + url.lastPathComponent + ".trustflow-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        let permissions = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0o644
        fchmod(descriptor, mode_t(permissions))
        var written = 0
        let failure: String? = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                written += result
            }
            return fsync(descriptor) == 0 ? nil : String(cString: strerror(errno))
        }
        close(descriptor)
        if let failure { throw OutputError(path: path, reason: failure) }
        guard rename(temporary, path) == 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        succeeded = true
        return .written
    }
}
