import ArgumentParser

/// The exit codes documented in the README and the DocC article on the command line.
enum CLIExit {
    /// Success.
    static let success = ExitCode(0)
    /// `check` found an unaccepted finding at or above `--fail-on`.
    static let findings = ExitCode(1)
    /// The model or the arguments are invalid.
    static let invalidInput = ExitCode(2)
    /// Graphviz failed, or an output could not be written.
    static let renderingFailed = ExitCode(3)
}
