import Glibc

/// Themes by name or path.
public enum Themes {
    /// Loads `--theme NAME|PATH`: a value with a `/` or ending in `.json` is a file path,
    /// anything else the name of a theme the ``ResourceLocator`` finds in `themes/`.
    /// - Throws: ``ModelError`` — an unknown name (listing the known ones), an unreadable
    ///   file, or every problem of an invalid theme, located.
    public static func load(_ nameOrPath: String, locator: ResourceLocator = .standard) throws(ModelError) -> DiagramTheme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".json") {
            let bytes = try ModelFile.read(nameOrPath, limit: 1 << 20)
            return try DiagramTheme.decode(bytes, file: nameOrPath)
        }
        guard let found = locator.text("themes/\(nameOrPath).json") else {
            let known = locator.names(in: "themes", extension: "json")
            let suggestion = Suggestion.clause(for: nameOrPath, among: known)
            throw ModelError(diagnostics: [Diagnostic(.error,
                "unknown theme '\(nameOrPath)'\(suggestion) (themes: \(known.joined(separator: ", ")); or give a path to a .json file)")])
        }
        return try DiagramTheme.decode(Array(found.text.utf8), file: found.origin)
    }
}
