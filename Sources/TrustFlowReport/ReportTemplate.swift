import Mustache

/// The language a report template writes, which decides how every `{{value}}` is escaped.
public enum ReportLanguage: String, Sendable {
    case markdown, html

    /// The Mustache content type registered for the language.
    fileprivate var contentType: String {
        switch self {
        case .markdown: "TRUSTFLOW_MARKDOWN"
        case .html: "TRUSTFLOW_HTML"
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

    public var description: String { line > 0 ? "\(file):\(line):\(column): error: \(message)" : "\(file): error: \(message)" }
}

/// A Mustache report template. Every `{{value}}` is escaped for the template's language by
/// this project's one escaping function for it (``MarkdownText/escape(_:)``,
/// ``HTMLText/escape(_:)``); only `{{{triple}}}` values — which TrustFlow uses for its own
/// SVG — go out as they are.
public struct ReportTemplate: Sendable {
    private let template: MustacheTemplate
    private let partials: MustacheLibrary

    /// Parses a template written in `language`; `partials` are named templates it may include
    /// with `{{> name}}`.
    /// - Throws: ``TemplateError`` with the line and column of a syntax error.
    public init(_ text: String, file: String, language: ReportLanguage, partials: [String: String] = [:]) throws(TemplateError) {
        ReportContentTypes.registerOnce()
        // The pragma sets the escaping; it is prepended on its own line, so error lines are shifted back.
        func parse(_ text: String, file: String) throws(TemplateError) -> MustacheTemplate {
            do {
                return try MustacheTemplate(string: "{{% CONTENT_TYPE: \(language.contentType) }}\n" + text)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(file: file, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                    message: "invalid template: \(error.error)")
            } catch {
                throw TemplateError(file: file, line: 1, column: 1, message: "invalid template: \(error)")
            }
        }
        template = try parse(text, file: file)
        var library = MustacheLibrary()
        for (name, partial) in partials.sorted(by: { $0.key < $1.key }) {
            library.register(try parse(partial, file: name), named: name)
        }
        self.partials = library
    }

    /// Renders the template with a context of dictionaries, arrays, strings, numbers and booleans.
    public func render(_ context: [String: Any]) -> String {
        template.render(context, library: partials)
    }
}

/// Registers TrustFlow's escaping with Mustache, once per process.
enum ReportContentTypes {
    private static let registered: Bool = {
        MustacheContentTypes.register(MarkdownContentType(), named: ReportLanguage.markdown.contentType)
        MustacheContentTypes.register(HTMLContentType(), named: ReportLanguage.html.contentType)
        return true
    }()

    static func registerOnce() { _ = registered }

    struct MarkdownContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { MarkdownText.escape(text) }
    }

    struct HTMLContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLText.escape(text) }
    }
}
