/// A place in a source file: a model file, or a Swift file for a DSL-built model.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The file as the user named it (never made absolute).
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A location naming only the file, for problems with the file as a whole.
    public init(file: String) { self.init(file: file, line: 0, column: 0) }

    /// `file:line:col`, or just `file` when the line is unknown (0).
    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A line and column inside one file.
public struct SourcePosition: Hashable, Comparable, Sendable {
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
