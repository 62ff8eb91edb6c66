import ArgumentParser
import Glibc
import TrustFlow

@main
struct TrustFlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trustflow",
        abstract: "Threat-model data-flow diagrams with Kubernetes trust boundaries.",
        discussion: """
            Exit codes: 0 success; 1 a finding at or above --fail-on (check) or a new one at or \
            above --fail-on-new (diff), or an output out of date (--check); 2 invalid model or \
            arguments; 3 rendering or writing the output failed.
            """,
        version: TrustFlowVersion.withGraphviz,
        subcommands: [
            RenderCommand.self, CheckCommand.self, DriftCommand.self, DiffCommand.self, ReportCommand.self, ConvertCommand.self,
            SchemaCommand.self, ImportCommand.self, ExportCommand.self,
        ]
    )

    /// Runs the command and maps every way out to a documented exit code: argument errors
    /// are exit 2, not ArgumentParser's 64.
    static func main() {
        Graphviz.capturesStandardError = true
        GraphvizCrash.install()
        let code: Int32
        do {
            var command = try parseAsRoot()
            try command.run()
            code = 0
        } catch let exit as ExitCode {
            code = exit.rawValue
        } catch {
            let exit = exitCode(for: error)
            let message = fullMessage(for: error)
            if exit == .success {
                print(message)
                code = 0
            } else {
                Console().passThrough(message)
                code = CLIExit.invalidInput.rawValue
            }
        }
        Glibc.exit(code)
    }
}

enum TrustFlowVersion {
    static let current = "0.1.0"

    /// `--version`: this version, the Graphviz it was built with, and which of TrustFlow's
    /// reproducibility guarantees hold with it.
    static var withGraphviz: String {
        let guarantees = Graphviz.guaranteesThatHold
        return "\(current)\nGraphviz \(Graphviz.headerVersion) (reproducibility checked with \(Graphviz.checkedVersions)):\n"
            + guarantees.description.split(separator: "\n").map { "  - \($0)" }.joined(separator: "\n")
    }
}
