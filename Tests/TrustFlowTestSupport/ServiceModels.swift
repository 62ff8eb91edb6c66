import Foundation
import TrustFlowModel

/// The models of `Benchmarks/generate_model.py` — a production cluster of namespaces of
/// services, each in its own pod with `--shape pods`, users at the edge, flows within and
/// across namespaces — so tests see the shapes the benchmarks measure.
public enum ServiceModels {
    /// The YAML the generator writes for `arguments` (`--services 200 --shape pods …`).
    public static func yaml(_ arguments: [String]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Paths.root.appendingPathComponent("Benchmarks/generate_model.py").path] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, !data.isEmpty else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "generate_model.py \(arguments) failed"])
        }
        return Array(data)
    }

    /// The generated model, loaded and validated.
    public static func model(_ arguments: [String]) throws -> Model {
        try ModelLoader().load(yaml(arguments), file: "generated.yaml", format: .yaml).model
    }
}
