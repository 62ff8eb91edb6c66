import Glibc

/// Reading model files from disk.
public enum ModelFile {
    /// Reads, decodes and validates a model file; the format comes from the extension.
    /// - Parameters:
    ///   - path: the path as the user wrote it; diagnostics repeat it unchanged.
    ///   - limits: the limits applied while reading, decoding and validating.
    /// - Throws: ``ModelError`` for an unreadable file, an unknown extension, or an invalid model.
    public static func load(_ path: String, limits: ModelLimits = .standard) throws(ModelError) -> LoadedModel {
        guard let format = ModelFormat(fileName: path) else {
            throw fileError(path, "cannot tell the model format from the file name; use .json, .yaml or .yml")
        }
        let bytes = try read(path, limit: limits.maxFileBytes)
        return try ModelLoader(limits: limits).load(bytes, file: path, format: format)
    }

    /// Reads a file's bytes, refusing one larger than `limit` before reading it.
    /// - Throws: ``ModelError`` when the file is missing, unreadable, a directory or too big.
    public static func read(_ path: String, limit: Int) throws(ModelError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw fileError(path, errno == ENOENT || errno == ENOTDIR ? "no such file" : "cannot be read (\(String(cString: strerror(errno))))")
        }
        if info.st_mode & S_IFMT == S_IFDIR { throw fileError(path, "is a directory, not a model file") }
        let size = Int(info.st_size)
        if size > limit {
            throw fileError(path, "the file is \(size) bytes, more than the limit of \(limit)")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw fileError(path, "cannot be read (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        guard let bytes = FileSystem.read(descriptor, limit: limit + 1, expected: size) else {
            throw fileError(path, "cannot be read: \(String(cString: strerror(errno)))")
        }
        if bytes.count > limit {
            throw fileError(path, "the file is more than the limit of \(limit) bytes")
        }
        return bytes
    }

    static func fileError(_ path: String, _ message: String) -> ModelError {
        ModelError(diagnostics: [Diagnostic(.error, message, location: SourceLocation(file: path))])
    }
}
