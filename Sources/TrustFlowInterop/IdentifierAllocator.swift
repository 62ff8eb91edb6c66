import TrustFlowModel

/// Gives every imported item a valid TrustFlow id, unique in the model's one namespace, the
/// same for the same input.
///
/// Another tool's id is kept when it is already valid (``reserve(_:)`` them all first, so a
/// derived id never takes one a later item owns). Otherwise the id is derived from the item's
/// name — `Web Service` → `web-service` — or, without a name, from the original id with a
/// prefix naming the kind (`element-5170eb10-…`, since an id starts with a letter); a taken
/// id gets `-2`, `-3`, … in file order.
struct IdentifierAllocator {
    /// Longest id of the format.
    static let maxLength = 64
    /// Derived ids are cut here, leaving room for a `-NNNN` suffix.
    static let stemLength = 56

    private var taken: Set<String> = []
    /// The next suffix to try per stem, so that ten thousand items of one name do not each
    /// try every suffix before theirs.
    private var nextSuffix: [String: Int] = [:]

    /// Claims a valid original id. Returns `false` when it is taken already (the caller
    /// then allocates another).
    mutating func reserve(_ id: String) -> Bool {
        guard ModelValidator.isValidIdentifier(id) else { return false }
        return taken.insert(id).inserted
    }

    /// A new id: `verbatim` when it is a valid id that is free (a flow's default
    /// `FROM-to-TO`), else from the first usable candidate text, each turned into an id stem
    /// (``stem(_:prefix:)``), the first non-empty one made unique.
    mutating func allocate(from candidates: [String?], prefix: String, verbatim: String? = nil) -> String {
        if let verbatim, ModelValidator.isValidIdentifier(verbatim), taken.insert(verbatim).inserted { return verbatim }
        let stem = candidates.lazy.compactMap { $0 }.map { Self.stem($0, prefix: prefix) }.first { !$0.isEmpty }
            ?? verbatim.map { Self.stem($0, prefix: prefix) }.flatMap { $0.isEmpty ? nil : $0 } ?? prefix
        var id = stem
        var number = nextSuffix[stem] ?? 2
        while taken.contains(id) {
            id = "\(stem)-\(number)"
            number += 1
        }
        nextSuffix[stem] = number
        taken.insert(id)
        return id
    }

    /// `text` as an id stem: ASCII letters and digits lower-cased, every run of other
    /// characters one `-`, cut to ``stemLength``; `prefix-` in front when it would start
    /// with a digit. Empty when the text has no ASCII letter or digit.
    static func stem(_ text: String, prefix: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let isWord = scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
            guard isWord else {
                pendingDash = !result.isEmpty
                continue
            }
            if pendingDash { result += "-" }
            pendingDash = false
            result.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value)).lowercasedASCII)
            if result.unicodeScalars.count >= stemLength { break }
        }
        guard let first = result.unicodeScalars.first else { return "" }
        if ("0"..."9").contains(first) {
            result = String((prefix + "-" + result).unicodeScalars.prefix(stemLength))
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }
}

extension Unicode.Scalar {
    /// The lower-case letter for an ASCII capital; anything else unchanged.
    fileprivate var lowercasedASCII: Unicode.Scalar {
        ("A"..."Z").contains(self) ? Unicode.Scalar(value + 32)! : self
    }
}
