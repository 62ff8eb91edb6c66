import ArgumentParser
import TrustFlow

struct ImportThreagileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threagile",
        abstract: "Import a Threagile model (YAML).",
        discussion: """
            Technical assets become elements, communication links flows (protocol, the encryption \
            it implies, authentication, data assets as data, the highest confidentiality as the \
            classification, mapped by rank: public and internal as such, restricted and \
            confidential as confidential, strictly-confidential as restricted), trust boundaries \
            boundaries nested as in the file, risks tracked as accepted accepted risks. \
            \(ImportOptions.commonDiscussion)
            """
    )

    @OptionGroup var options: ImportOptions

    func run() throws {
        try options.run { bytes, file throws(ModelError) in try ThreagileReader().read(bytes, file: file) }
    }
}
