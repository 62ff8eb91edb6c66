import ArgumentParser
import TrustFlow

struct ExportOTMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "otm",
        abstract: "Export a model as an Open Threat Model (OTM 0.2.0) JSON file.",
        discussion: """
            Boundaries become trust zones, elements components, flows dataflows; technology, \
            URL, protocol, port, encryption, authentication, data and classification go into \
            OTM's attributes. OTM cannot hold controls, threat actors or accepted risks; it \
            requires a trust rating, written as 50, and a parent zone for every component, so \
            elements outside every boundary go into one extra zone. \
            \(ExportOptions.commonDiscussion)
            """
    )

    @OptionGroup var options: ExportOptions

    func run() throws {
        try options.run { loaded in OTMWriter().write(loaded.model, sourceMap: loaded.sourceMap) }
    }
}
