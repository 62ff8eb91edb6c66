import TrustFlowModel

/// Something an import or export could not carry over as it was: an item the other format
/// has no place for, an id that had to change, or what a geometry-only boundary crosses.
///
/// Every item of the source that is not carried over gets a note, so nothing is dropped
/// silently; the command line counts them by category and lists each with `--verbose`.
public struct InteropNote: Hashable, Sendable, CustomStringConvertible {
    /// What kind of note this is, and how it is summarised.
    public struct Category: Hashable, Sendable {
        /// How the command line reports notes of a category.
        public enum Treatment: String, Hashable, Sendable {
            /// Information the target cannot hold; counted, and listed with `--verbose`.
            case notKept
            /// Something kept in another form (an id renamed, its original in the
            /// description); counted, and listed with `--verbose`.
            case changed
            /// Always shown one by one: it says something the user should read.
            case shown
        }

        /// One item, e.g. `threat`.
        public var singular: String
        /// Several items, e.g. `threats`.
        public var plural: String
        /// How notes of this category are reported.
        public var treatment: Treatment

        /// Creates a category.
        public init(_ singular: String, plural: String? = nil, treatment: Treatment = .notKept) {
            self.singular = singular
            self.plural = plural ?? singular + "s"
            self.treatment = treatment
        }

        /// `1 threat`, `3 threats`.
        public func counted(_ count: Int) -> String { "\(count) \(count == 1 ? singular : plural)" }
    }

    /// What kind of note this is.
    public var category: Category
    /// What the note is about, e.g. `'SQL injection' on 'Web Service'`.
    public var message: String
    /// Where the item is written in the source file, when known.
    public var location: SourceLocation?

    /// Creates a note.
    public init(_ category: Category, _ message: String, location: SourceLocation? = nil) {
        self.category = category
        self.message = message
        self.location = location
    }

    /// `file:line:col: note: <category>: <message>`.
    public var description: String { diagnostic.description }

    /// The note as a diagnostic of severity `note`, for the diagnostics printer.
    public var diagnostic: Diagnostic {
        let prefix = switch category.treatment {
        case .notKept: "not kept: \(category.singular): "
        case .changed: "\(category.singular): "
        case .shown: ""
        }
        return Diagnostic(.note, prefix + message, location: location)
    }

    /// The notes of the categories counted rather than shown, as `(category, count)` in the
    /// order their first note came, so a summary is as deterministic as the notes.
    public static func counts(_ notes: [InteropNote], treatment: Category.Treatment) -> [(Category, Int)] {
        var order: [Category] = []
        var counts: [Category: Int] = [:]
        for note in notes where note.category.treatment == treatment {
            if counts[note.category] == nil { order.append(note.category) }
            counts[note.category, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }
    }
}
