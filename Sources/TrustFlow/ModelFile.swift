import Foundation

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
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw fileError(path, "no such file")
        }
        if isDirectory.boolValue { throw fileError(path, "is a directory, not a model file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > limit {
            throw fileError(path, "the file is \(size) bytes, more than the limit of \(limit)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw fileError(path, "cannot be read (permission denied?)") }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            if data.count > limit {
                throw fileError(path, "the file is more than the limit of \(limit) bytes")
            }
            return Array(data)
        } catch let error as ModelError {
            throw error
        } catch {
            throw fileError(path, "cannot be read: \(error.localizedDescription)")
        }
    }

    static func fileError(_ path: String, _ message: String) -> ModelError {
        ModelError(diagnostics: [Diagnostic(.error, message, location: SourceLocation(file: path))])
    }
}
