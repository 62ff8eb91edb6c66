import Glibc

/// Report templates by name or path.
public enum ReportTemplates {
    /// The built-in template names and the files they stand for.
    public static let builtIn: [String: String] = [
        "markdown": "report.md.mustache", "html": "report.html.mustache", "diff-html": "diff.html.mustache",
    ]

    /// Loads `--template NAME|PATH` (a value with a `/` or ending in `.mustache` is a file)
    /// with the partials (`partials/*.mustache`) the locator finds.
    /// - Throws: ``TemplateError`` for an unknown name, an unreadable file or a syntax error.
    public static func load(_ nameOrPath: String, language: ReportLanguage, locator: ResourceLocator = .standard)
        throws(TemplateError) -> ReportTemplate
    {
        let text: String
        let origin: String
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".mustache") {
            guard let data = try? FileSystem.contents(of: nameOrPath).get() else {
                throw TemplateError(file: nameOrPath, line: 0, column: 0, message: "cannot read the template")
            }
            text = String(decoding: data, as: UTF8.self)
            origin = nameOrPath
        } else if let found = locator.text(builtIn[nameOrPath] ?? "\(nameOrPath).mustache") {
            (text, origin) = found
        } else {
            let known = (Array(builtIn.keys) + locator.names(in: ".", extension: "mustache")).sorted()
            throw TemplateError(file: nameOrPath, line: 0, column: 0,
                message: "unknown template '\(nameOrPath)' (templates: \(Set(known).sorted().joined(separator: ", ")); or give a path to a .mustache file)")
        }
        var partials: [String: String] = [:]
        for name in locator.names(in: "partials", extension: "mustache") {
            partials[name] = locator.text("partials/\(name).mustache")?.text
        }
        return try ReportTemplate(text, file: origin, language: language, partials: partials)
    }
}
