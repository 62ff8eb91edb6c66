import Foundation

/// Validates JSON documents against a JSON Schema with Python's `jsonschema` package — the
/// reference implementation — so that "valid SARIF" means what the standard means. `make
/// test` installs the package; a missing one fails the test rather than skipping it.
public enum JSONSchemaValidator {
    /// The validation errors of `document` against the schema file, empty when valid.
    public static func errors(of document: [UInt8], schema: URL) throws -> [String] {
        let directory = try Paths.temporaryDirectory()
        let documentURL = directory.appendingPathComponent("document.json")
        try Data(document).write(to: documentURL)
        let script = """
            import json, sys
            import jsonschema
            schema = json.load(open(sys.argv[1]))
            document = json.load(open(sys.argv[2]))
            cls = jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
            for error in sorted(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(document), key=lambda e: list(e.path)):
                print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema.path, documentURL.path]
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
        return String(decoding: printed, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    public struct ValidatorUnavailable: Error, CustomStringConvertible {
        public var message: String
        public var description: String { "python3 with jsonschema is needed (make test installs it): \(message)" }
    }
}
