import Glibc

/// Reading Kubernetes manifests from disk and standard input, for `trustflow import k8s`.
public enum ManifestFiles {
    /// The extensions of manifest files in a directory.
    public static let extensions = [".yaml", ".yml", ".json"]

    /// Reads manifests: a file as it is, a directory's `.yaml`, `.yml` and `.json` files at
    /// any depth in name order, `-` standard input. Each is named for the model relative to the
    /// directory given (a file by its own name), so an import reads the same wherever it runs;
    /// names that two inputs share fall back to the paths as given.
    /// - Throws: ``ManifestError`` for a missing, unreadable or too large file, or a directory
    ///   without manifests; every such problem at once.
    public static func read(_ paths: [String], limits: ManifestLimits = .standard) throws(ManifestError) -> [ManifestSource] {
        var sources: [ManifestSource] = []
        var diagnostics: [Diagnostic] = []
        func fail(_ path: String, _ message: String) { diagnostics.append(Diagnostic(.error, message, location: SourceLocation(file: path))) }
        for path in paths {
            if path == "-" {
                guard let bytes = FileSystem.read(STDIN_FILENO, limit: limits.parser.maxFileBytes + 1) else {
                    fail("<stdin>", "standard input cannot be read (\(String(cString: strerror(errno))))")
                    continue
                }
                sources.append(ManifestSource(path: "<stdin>", name: "stdin", bytes: bytes))
                continue
            }
            if FileSystem.isDirectory(path) {
                let found = FileSystem.files(below: path)
                    .filter { name in extensions.contains { name.lowercased().hasSuffix($0) } }.sorted()
                if found.isEmpty { fail(path, "no manifest files (\(extensions.joined(separator: ", "))) in this directory") }
                for name in found {
                    let file = FileSystem.appending(name, to: path)
                    if let bytes = contents(of: file, limit: limits.parser.maxFileBytes, fail: fail) {
                        sources.append(ManifestSource(path: file, name: name, bytes: bytes))
                    }
                }
                continue
            }
            if let bytes = contents(of: path, limit: limits.parser.maxFileBytes, fail: fail) {
                sources.append(ManifestSource(path: path, name: FileSystem.fileName(path), bytes: bytes))
            }
        }
        if !diagnostics.isEmpty { throw ManifestError(diagnostics: diagnostics) }
        var counts: [String: Int] = [:]
        for source in sources { counts[source.file.name, default: 0] += 1 }
        return sources.map { source in
            counts[source.file.name]! > 1 ? ManifestSource(path: source.file.path, name: source.file.path, bytes: source.bytes) : source
        }
    }

    /// A file's bytes, refused before reading when it is over the limit; problems as for a model file.
    private static func contents(of path: String, limit: Int, fail: (String, String) -> Void) -> [UInt8]? {
        do {
            return try ModelFile.read(path, limit: limit)
        } catch {
            for diagnostic in error.diagnostics { fail(path, diagnostic.message) }
            return nil
        }
    }
}
