import TrustFlowModel

/// One import in progress: the other tool's file parsed, the errors found in it, the model
/// being built with where each part came from, the ids handed out, and the notes on what
/// could not be carried over. Readers share it so that every format reports alike.
final class ImportContext {
    /// The two syntaxes other tools write.
    enum Syntax {
        case json, yaml
    }

    /// What an item to be given an id brings: its own id, its name, and where it is written.
    struct Identity {
        /// The other tool's id, if it has one.
        var original: String?
        /// The item's name, from which a readable id is derived when the original is unusable.
        var name: String?
        /// Put before a derived id that would start with a digit, and used alone when nothing
        /// else gives an id: `element`, `boundary`, `flow`.
        var prefix: String
        /// An id to use as is when it is valid and free (a flow's default `FROM-to-TO`).
        var verbatim: String?
        /// Where the item is written.
        var position: SourcePosition

        init(original: String? = nil, name: String?, prefix: String, verbatim: String? = nil, position: SourcePosition) {
            self.original = original
            self.name = name
            self.prefix = prefix
            self.verbatim = verbatim
            self.position = position
        }
    }

    /// The file as the user named it.
    let file: String
    /// The other tool's name, for notes such as `Threat Dragon id: …`.
    let formatName: String
    /// The limits of reading and of the model built.
    let limits: ModelLimits
    /// Located errors, in the form the model format's own decoder reports them.
    let decoding: DecodingContext
    /// YAML types `2020` as a number; another tool reading its own file takes it as text
    /// where it expects text, so the YAML readers accept scalars of every type as text.
    let scalarsAsText: Bool
    /// The model being built.
    var model: Model
    /// What could not be carried over, in file order.
    private(set) var notes: [InteropNote] = []
    private var sourceMap: SourceMap
    private var ids = IdentifierAllocator()
    /// How many more "did you mean" suggestions among a file's ids may be made: each scans
    /// every id, and a hostile file can hold tens of thousands of dangling references.
    private var suggestionBudget = 100

    /// Starts an import of the file named `file`.
    init(file: String, formatName: String, syntax: Syntax, limits: ModelLimits) {
        self.file = file
        self.formatName = formatName
        self.limits = limits
        self.decoding = DecodingContext(file: file)
        self.scalarsAsText = syntax == .yaml
        self.model = Model(title: "")
        self.sourceMap = SourceMap(fallback: SourceLocation(file: file, line: 1, column: 1))
    }

    /// Parses the file's bytes.
    /// - Throws: ``ModelError`` when the file is too large or not well-formed JSON or YAML.
    func parse(_ bytes: [UInt8], syntax: Syntax, expecting what: String) throws(ModelError) -> SourceNode {
        func failure(_ message: String, _ position: SourcePosition) -> ModelError {
            ModelError(diagnostics: [Diagnostic(.error, message, location: location(position))])
        }
        if bytes.count > limits.maxFileBytes {
            throw failure("the file is \(bytes.count) bytes, more than the limit of \(limits.maxFileBytes)",
                SourcePosition(line: 1, column: 1))
        }
        do {
            switch syntax {
            case .json: return try JSONSourceParser(limits: limits).parse(bytes)
            case .yaml: return try YAMLSourceParser(limits: limits).parse(bytes)
            }
        } catch {
            // The parsers' own message for an empty file asks for a TrustFlow model.
            let message = error.message.hasPrefix("the file is empty") ? "the file is empty; expected \(what)" : error.message
            throw failure(message, error.position)
        }
    }

    /// The location of a position in the file.
    func location(_ position: SourcePosition) -> SourceLocation {
        SourceLocation(file: file, line: position.line, column: position.column)
    }

    /// Reports an error in the other tool's file; the import then writes nothing.
    func error(_ message: String, path: ModelPath, at position: SourcePosition) {
        decoding.error(message, path: path, at: position)
    }

    /// `"; did you mean 'x'?"` for a reference to an id that does not exist, while the budget
    /// lasts; afterwards the empty string.
    func suggestion(for id: String, among ids: @autoclosure () -> [String]) -> String {
        guard suggestionBudget > 0 else { return "" }
        suggestionBudget -= 1
        return Suggestion.clause(for: id, among: ids())
    }

    /// Whether any error was reported.
    var hasErrors: Bool { decoding.diagnostics.contains { $0.severity == .error } }

    /// Notes what could not be carried over.
    func note(_ category: InteropNote.Category, _ message: String, at position: SourcePosition?) {
        notes.append(InteropNote(category, message, location: position.map(location)))
    }

    /// Notes every entry of `mapping` that says something and whose key is not in `mapped`,
    /// as `'owner': key: value`.
    func noteUnused(_ mapping: ForeignMapping, besides mapped: Set<String>, owner: String?, as category: InteropNote.Category) {
        for entry in mapping.unused(besides: mapped) {
            let subject = owner.map { "'\(SourceNode.excerpt($0, limit: 60))': " } ?? ""
            note(category, "\(subject)\(SourceNode.excerpt(entry.key.text)): \(ForeignMapping.summary(entry.value))",
                at: entry.key.position)
        }
    }

    /// Records where a part of the model came from, so that problems with it point there.
    func record(_ position: SourcePosition, for path: ModelPath) {
        sourceMap.record(location(position), for: path)
    }

    /// Adds a boundary to the model, remembering where it came from.
    func add(_ boundary: Boundary, at position: SourcePosition) { append(boundary, to: \.boundaries, "boundaries", position) }
    /// Adds an element to the model, remembering where it came from.
    func add(_ element: Element, at position: SourcePosition) { append(element, to: \.elements, "elements", position) }
    /// Adds a flow to the model, remembering where it came from.
    func add(_ flow: Flow, at position: SourcePosition) { append(flow, to: \.flows, "flows", position) }
    /// Adds a control to the model, remembering where it came from.
    func add(_ control: Control, at position: SourcePosition) { append(control, to: \.controls, "controls", position) }
    /// Adds an accepted risk to the model, remembering where it came from.
    func add(_ risk: AcceptedRisk, at position: SourcePosition) { append(risk, to: \.acceptedRisks, "acceptedRisks", position) }

    private func append<Item>(_ item: Item, to list: WritableKeyPath<Model, [Item]>, _ key: String, _ position: SourcePosition) {
        record(position, for: ModelPath(components: [.key(key), .index(model[keyPath: list].count)]))
        model[keyPath: list].append(item)
    }

    /// Claims the valid original ids of `items`, in order, and says for each whether it
    /// keeps its own. Called once with every item of the model before any id is derived, so a
    /// derived id never takes an id a later item already had. A UUID is valid when it starts
    /// with a letter, but no person reads it: it is renamed like an invalid one.
    func reserveOriginalIDs(_ items: [Identity]) -> [Bool] {
        items.map { item in item.original.map { !Self.isUUID($0) && ids.reserve($0) } ?? false }
    }

    /// Whether `id` has the shape of a UUID: 8-4-4-4-12 hexadecimal digits.
    static func isUUID(_ id: String) -> Bool {
        let groups = id.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// The id of an item: its original when it kept it (see ``reserveOriginalIDs(_:)``), else
    /// one derived from its name, noted as renamed when it had an id of its own.
    func allocateID(_ item: Identity, kept: Bool) -> String {
        if kept, let original = item.original { return original }
        let id = ids.allocate(from: [item.name, item.original], prefix: item.prefix, verbatim: item.verbatim)
        if let original = item.original {
            note(Self.renamedID, "'\(SourceNode.excerpt(original, limit: 60))' is now '\(id)'", at: item.position)
        }
        return id
    }

    /// The description of an item whose id changed, with the original id added where the user
    /// sees it, unless the label already shows it.
    func description(_ description: String?, originalID: String?, id: String, label: String) -> String? {
        guard let originalID, originalID != id, originalID != label else { return description }
        let line = "\(formatName) id: \(originalID)"
        guard let description, !description.isEmpty else { return line }
        return description + "\n\n" + line
    }

    /// The finished import: the model checked as any model file is, its problems located in
    /// the other tool's file.
    /// - Throws: ``ModelError`` with every error, when the file had any or the model is invalid.
    func finish() throws(ModelError) -> ImportResult {
        if hasErrors { throw ModelError(diagnostics: decoding.diagnostics) }
        let diagnostics = ModelValidator(limits: limits).validate(model, sourceMap: sourceMap)
        if diagnostics.contains(where: { $0.severity == .error }) { throw ModelError(diagnostics: diagnostics) }
        return ImportResult(model: model, sourceMap: sourceMap, warnings: diagnostics, notes: notes)
    }

    /// The file's name without its directory and extension, a title of last resort.
    var fileStem: String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return name }
        return String(name[..<dot])
    }

    static let renamedID = InteropNote.Category("renamed id", treatment: .changed)
    static let changedTitle = InteropNote.Category("title", treatment: .changed)
}
