/// The two file syntaxes of the model format.
public enum ModelFormat: String, CaseIterable, Sendable {
    case json, yaml

    /// The format for a file name by its extension (`.json`, `.yaml`, `.yml`), or `nil`.
    public init?(fileName: String) {
        let lowered = fileName.lowercased()
        if lowered.hasSuffix(".json") {
            self = .json
        } else if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") {
            self = .yaml
        } else {
            return nil
        }
    }
}

/// A model that passed decoding and validation, with where its parts were written and any
/// warnings.
public struct LoadedModel: Sendable {
    /// The model.
    public var model: Model
    /// Where each part was written.
    public var sourceMap: SourceMap
    /// Warnings (never errors), sorted by location.
    public var warnings: [Diagnostic]

    /// Creates a loaded model.
    public init(model: Model, sourceMap: SourceMap, warnings: [Diagnostic] = []) {
        self.model = model
        self.sourceMap = sourceMap
        self.warnings = warnings
    }
}

/// Reads a model from the bytes of a JSON or YAML file: parse → decode → validate.
///
/// Touches no file: the caller reads the bytes and names the file for messages.
public struct ModelLoader: Sendable {
    /// The limits applied.
    public var limits: ModelLimits

    /// Creates a loader.
    public init(limits: ModelLimits = .standard) { self.limits = limits }

    /// Decodes and validates a model.
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - file: the name used in diagnostics, as the user gave it.
    ///   - format: JSON or YAML.
    /// - Throws: ``ModelError`` with every error (and warning) of the file.
    public func load(_ bytes: [UInt8], file: String, format: ModelFormat) throws(ModelError) -> LoadedModel {
        func fail(_ message: String, _ position: SourcePosition) -> ModelError {
            ModelError(diagnostics: [
                Diagnostic(.error, message, location: SourceLocation(file: file, line: position.line, column: position.column))
            ])
        }
        if bytes.count > limits.maxFileBytes {
            throw fail("the file is \(bytes.count) bytes, more than the limit of \(limits.maxFileBytes)",
                SourcePosition(line: 1, column: 1))
        }
        let root: SourceNode
        do {
            switch format {
            case .json: root = try JSONSourceParser(limits: limits).parse(bytes)
            case .yaml: root = try YAMLSourceParser(limits: limits).parse(bytes)
            }
        } catch {
            throw fail(error.message, error.position)
        }
        let decoded = ModelDecoder(file: file).decode(root)
        return try LoadedModel.validated(decoded.model, sourceMap: decoded.sourceMap, reported: decoded.reportedPaths,
            after: decoded.diagnostics, limits: limits)
    }
}

extension LoadedModel {
    /// The last step of loading, from a file or the Swift DSL alike: the model validated, its
    /// diagnostics and `earlier` ones (from decoding or assembling) sorted together.
    /// - Throws: ``ModelError`` with every diagnostic when any is an error.
    static func validated(
        _ model: Model, sourceMap: SourceMap, reported: Set<ModelPath>, after earlier: [Diagnostic], limits: ModelLimits
    ) throws(ModelError) -> LoadedModel {
        let validation = ModelValidator(limits: limits).validate(model, sourceMap: sourceMap, reported: reported)
        let diagnostics = Diagnostic.sorted(earlier + validation)
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw ModelError(diagnostics: diagnostics)
        }
        return LoadedModel(model: model, sourceMap: sourceMap, warnings: diagnostics)
    }
}
