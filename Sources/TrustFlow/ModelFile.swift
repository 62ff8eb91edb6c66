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
        switch FileSystem.contents(of: path, limit: limit) {
        case .success(let bytes): return bytes
        case .failure(.missing): throw fileError(path, "no such file")
        case .failure(.directory): throw fileError(path, "is a directory, not a model file")
        case .failure(.tooLarge(let size?)): throw fileError(path, "the file is \(size) bytes, more than the limit of \(limit)")
        case .failure(.tooLarge(nil)): throw fileError(path, "the file is more than the limit of \(limit) bytes")
        case .failure(.unreadable(let reason)): throw fileError(path, "cannot be read (\(reason))")
        }
    }

    static func fileError(_ path: String, _ message: String) -> ModelError {
        ModelError(diagnostics: [Diagnostic(.error, message, location: SourceLocation(file: path))])
    }
}
