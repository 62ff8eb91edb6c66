import ArgumentParser
import TrustFlow

/// `--quiet` and `--verbose`, which every command takes: how much its ``Console`` says.
struct ReportingOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print what Graphviz said while laying out, and each item an import or export could not keep.")
    var verbose = false

    /// Where this command's errors, warnings and notes go.
    var console: Console { Console(quiet: quiet, verbose: verbose) }

    /// The steps commands share, speaking through ``console``.
    var steps: CommandSteps { CommandSteps(console: console) }
}
