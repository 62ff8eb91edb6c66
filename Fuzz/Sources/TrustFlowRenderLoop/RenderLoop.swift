import Foundation
import TrustFlow

/// Loads and renders one model N times in one process, for leak measurements under
/// valgrind (`make leak-check`): what leaks per render shows up as growth between N = 10
/// and N = 1,000. Not part of the product.
///
///     TrustFlowRenderLoop MODEL COUNT [svg|png|pdf]
@main
enum RenderLoop {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 3, let count = Int(arguments[2]) else {
            FileHandle.standardError.write(Data("usage: TrustFlowRenderLoop MODEL COUNT [svg|png|pdf]\n".utf8))
            exit(2)
        }
        let format = arguments.count > 3 ? DiagramFormat(rawValue: arguments[3]) ?? .svg : .svg
        var bytes = 0
        for _ in 0..<count {
            let loaded = try ModelFile.load(arguments[1])
            bytes += try DiagramRenderer.render(loaded.model, options: RenderOptions(format: format)).bytes.count
        }
        print("\(count) renders, \(bytes) bytes")
    }
}
