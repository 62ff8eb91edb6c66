import Glibc
import TrustFlow

/// Model arguments as files: directories are searched for model files (recursively, sorted)
/// and glob patterns are expanded (the shell usually does that; quoted patterns work too).
enum ModelInputs {
    struct Input: Equatable {
        /// The path to read.
        var path: String
        /// Its name under `--output-dir`: the path below the directory given, or the file name.
        var relativeName: String
    }

    /// An argument that names no model file.
    struct Failure: Error {
        var argument: String
        var message: String
    }

    static func isPattern(_ path: String) -> Bool { path.contains { "*?[".contains($0) } && !FileSystem.exists(path) }

    /// ``expand(_:)``, or its error on standard error and exit 2.
    static func expandingOrExiting(_ arguments: [String], console: Console) throws -> [Input] {
        do {
            return try expand(arguments)
        } catch {
            console.invalid([Diagnostic(.error, error.message, location: SourceLocation(file: error.argument))], in: error.argument)
            throw CLIExit.invalidInput
        }
    }

    static func expand(_ arguments: [String]) throws(Failure) -> [Input] {
        var inputs: [Input] = []
        for argument in arguments {
            if FileSystem.isDirectory(argument) {
                let found = FileSystem.files(below: argument)
                    .filter { ModelFormat(fileName: $0) != nil && !FileSystem.isDirectory(FileSystem.appending($0, to: argument)) }
                    .sorted()
                if found.isEmpty { throw Failure(argument: argument, message: "no model files (.yaml, .yml, .json) in this directory") }
                inputs += found.map { Input(path: FileSystem.appending($0, to: argument), relativeName: $0) }
            } else if isPattern(argument) {
                let matches = glob(argument)
                if matches.isEmpty { throw Failure(argument: argument, message: "no file matches this pattern") }
                inputs += matches.map { Input(path: $0, relativeName: FileSystem.fileName($0)) }
            } else {
                inputs.append(Input(path: argument, relativeName: FileSystem.fileName(argument)))
            }
        }
        return inputs
    }

    /// The paths matching a shell pattern, sorted.
    static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}
