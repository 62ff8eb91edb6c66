import Foundation

/// Runs the built `trustflow` executable and captures what it did.
public struct TrustFlowProcess {
    public struct Result {
        public var status: Int32
        public var standardOutput: [UInt8]
        public var standardError: String
        public var output: String { String(decoding: standardOutput, as: UTF8.self) }
    }

    /// Runs `trustflow arguments…` (or another built `executable`) in `directory` (the
    /// repository root by default), with `input` on its standard input when given.
    public static func run(
        _ arguments: [String], in directory: URL = Paths.root, environment: [String: String] = [:],
        executable: URL = Paths.trustflowExecutable, input: [UInt8]? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var merged = ProcessInfo.processInfo.environment
        merged["NO_COLOR"] = "1"
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let standardInput = input.map { _ in Pipe() }
        if let standardInput { process.standardInput = standardInput }
        try process.run()
        if let standardInput, let input {
            // Written from another thread: a large input must not block while the output fills.
            let writer = standardInput.fileHandleForWriting
            DispatchQueue.global().async {
                writer.write(Data(input))
                try? writer.close()
            }
        }
        // Read both pipes while the process runs so that neither can fill up and block it.
        final class Box: @unchecked Sendable { var data = Data() }
        let outputBox = Box()
        let group = DispatchGroup()
        group.enter()
        let reader = output.fileHandleForReading
        DispatchQueue.global().async {
            outputBox.data = reader.readDataToEndOfFile()
            group.leave()
        }
        let errorBytes = error.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, standardOutput: Array(outputBox.data),
            standardError: String(decoding: errorBytes, as: UTF8.self))
    }
}
