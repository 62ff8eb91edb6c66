import TrustFlowModel

/// The language a report template writes, which decides how every `{{value}}` is escaped.
public enum ReportLanguage: String, Sendable {
    case markdown, html

    /// This project's one escaping function for the language.
    var escape: @Sendable (String) -> String {
        switch self {
        case .markdown: MarkdownText.escape
        case .html: HTMLText.escape
        }
    }
}

/// A template that could not be read, located like a model error.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { diagnostic.description }

    /// The error as a diagnostic, for printing with the model's.
    public var diagnostic: Diagnostic { Diagnostic(.error, message, location: SourceLocation(file: file, line: line, column: column)) }
}

/// A Mustache report template. Every `{{value}}` is escaped for the template's language by
/// this project's one escaping function for it (``MarkdownText/escape(_:)``,
/// ``HTMLText/escape(_:)``); only `{{{triple}}}` values — which TrustFlow uses for its own
/// SVG — go out as they are.
public struct ReportTemplate: Sendable {
    private let template: MustacheTemplate
    private let partials: [String: MustacheTemplate]
    private let language: ReportLanguage

    /// Parses a template written in `language`; `partials` are named templates it may include
    /// with `{{> name}}`.
    /// - Throws: ``TemplateError`` with the line and column of a syntax error.
    public init(_ text: String, file: String, language: ReportLanguage, partials: [String: String] = [:]) throws(TemplateError) {
        template = try MustacheTemplate(text, file: file)
        var parsed: [String: MustacheTemplate] = [:]
        for (name, partial) in partials.sorted(by: { $0.key < $1.key }) {
            parsed[name] = try MustacheTemplate(partial, file: name)
        }
        self.partials = parsed
        self.language = language
    }

    /// Renders the template with a context of dictionaries, arrays, strings, numbers and booleans.
    /// - Throws: ``TemplateError`` when it would take more than 50 million steps (a hostile
    ///   template: sections nested over lists, partials that include each other).
    public func render(_ context: [String: Any]) throws(TemplateError) -> String {
        try template.render(context, partials: partials, escape: language.escape)
    }
}
