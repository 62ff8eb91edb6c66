import ArgumentParser
import TrustFlow

struct ImportOTMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "otm",
        abstract: "Import an Open Threat Model (OTM) file (JSON, or YAML by its .yaml or .yml extension).",
        discussion: """
            Trust zones become boundaries, components elements, dataflows flows carrying their \
            assets' names as data; the attributes TrustFlow's own export writes are read back. \
            \(ImportOptions.commonDiscussion)
            """
    )

    @OptionGroup var options: ImportOptions

    func run() throws {
        try options.run { bytes, file throws(ModelError) in try OTMReader().read(bytes, file: file) }
    }
}
