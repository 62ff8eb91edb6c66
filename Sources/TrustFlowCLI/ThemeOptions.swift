import ArgumentParser
import TrustFlow

/// `--theme NAME|PATH`, shared by the commands that draw.
struct ThemeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Visual theme: default, colorblind, mono, another installed name, or a path to a theme .json "
        + "file.", valueName: "name|path"))
    var theme: String?

    /// The theme, or exit 2 with its errors.
    func load(console: Console) throws -> DiagramTheme {
        guard let theme else { return .standard }
        do {
            return try Themes.load(theme)
        } catch {
            console.print(error.diagnostics)
            throw CLIExit.invalidInput
        }
    }
}
