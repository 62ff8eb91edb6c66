// Writes the three-tier sample's diagram from its Swift declaration (ThreeTier.swift).
//
//     swift run ThreeTierDSL [OUTPUT]
//
// OUTPUT defaults to k8s-three-tier.svg; its extension picks the format (.svg, .png, .pdf,
// .dot, or .json/.yaml/.yml to export the model itself).
import Foundation
import TrustFlow

let output = CommandLine.arguments.dropFirst().first ?? "k8s-three-tier.svg"

func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
}

do {
    let threeTier = try threeTierModel()
    report(threeTier.warnings)
    let outcome = try threeTier.model.write(to: URL(fileURLWithPath: output))
    FileHandle.standardError.write(Data((outcome == .written ? "wrote \(output)\n" : "\(output) is up to date\n").utf8))
} catch let error as ModelError {
    report(error.diagnostics)
    exit(2)
} catch let error as OutputError {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(3)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(3)
}
