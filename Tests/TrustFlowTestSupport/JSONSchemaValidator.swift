import Foundation

/// Validates JSON documents against a JSON Schema with Python's `jsonschema` package — the
/// reference implementation — so that "valid SARIF" means what the standard means. `make
/// test` installs the package; a missing one fails the test rather than skipping it.
public enum JSONSchemaValidator {
    /// The validation errors of `document` against the schema file, empty when valid.
    public static func errors(of document: [UInt8], schema: URL) throws -> [String] {
        try errors(ofEach: [document], schema: schema)[0]
    }

    /// The validation errors of each document, in one run of the validator: property tests
    /// check hundreds of documents, and starting Python for each would take most of their time.
    public static func errors(ofEach documents: [[UInt8]], schema: URL) throws -> [[String]] {
        let directory = try Paths.temporaryDirectory()
        var paths: [String] = []
        for (index, document) in documents.enumerated() {
            let documentURL = directory.appendingPathComponent("document-\(index).json")
            try Data(document).write(to: documentURL)
            paths.append(documentURL.path)
        }
        // One line per document: its index, then its errors separated by a tab.
        let script = """
            import json, sys
            import jsonschema
            schema = json.load(open(sys.argv[1]))
            cls = jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
            validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
            for index, path in enumerate(sys.argv[2:]):
                document = json.load(open(path))
                errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
                line = ["/".join(str(p) for p in e.absolute_path) + ": " + e.message.replace("\\t", " ").replace("\\n", " ") for e in errors]
                print("\\t".join([str(index)] + line))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema.path] + paths
        let output = Pipe()
        let failure = Pipe()
        process.standardOutput = output
        process.standardError = failure
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = failure.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidatorUnavailable(message: String(decoding: complaint, as: UTF8.self))
        }
        var result = [[String]](repeating: [], count: documents.count)
        for line in String(decoding: printed, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let index = Int(fields[0]), result.indices.contains(index) else { continue }
            result[index] = Array(fields.dropFirst())
        }
        return result
    }

    public struct ValidatorUnavailable: Error, CustomStringConvertible {
        public var message: String
        public var description: String { "python3 with jsonschema is needed (make test installs it): \(message)" }
    }
}
