import ArgumentParser
import TrustFlow

struct ImportThreatDragonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threat-dragon",
        abstract: "Import an OWASP Threat Dragon v2 model (JSON).",
        discussion: """
            Actors, processes and stores become elements, data flows flows, trust boundary boxes \
            boundaries. Threat Dragon records no members for its boundaries: a box holds what \
            lies inside it, nested boxes are nested boundaries, and a trust boundary curve, which \
            has no inside, is reported with the flows that cross it. \
            \(ImportOptions.commonDiscussion)
            """
    )

    @OptionGroup var options: ImportOptions

    func run() throws {
        try options.run { bytes, file throws(ModelError) in try ThreatDragonReader().read(bytes, file: file) }
    }
}
