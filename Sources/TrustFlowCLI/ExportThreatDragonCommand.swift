import ArgumentParser
import TrustFlow

struct ExportThreatDragonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threat-dragon",
        abstract: "Export a model as an OWASP Threat Dragon v2 JSON file.",
        discussion: """
            One diagram, laid out as TrustFlow's own diagram (the default engine), each boundary \
            a trust boundary box around its members. Threat Dragon cannot hold boundary kinds, \
            controls, threat actors, accepted risks, technologies, URLs, ports, authentication, \
            data or classifications, and only a yes/no for encryption; external systems become \
            actors. \(ExportOptions.commonDiscussion)
            """
    )

    @OptionGroup var options: ExportOptions

    func run() throws {
        try options.run { loaded in try ThreatDragonWriter().write(loaded.model, sourceMap: loaded.sourceMap) }
    }
}
