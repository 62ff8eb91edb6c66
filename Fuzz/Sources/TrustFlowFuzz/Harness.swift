import Foundation
import TrustFlow

/// libFuzzer's entry point: one input through the whole pipeline (``PipelineOracle``, shared
/// with the tests). A violated property aborts, which libFuzzer records as a crash with the
/// input that caused it; so does a Swift runtime trap or an AddressSanitizer report.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let violations = PipelineOracle.violations(of: bytes)
    if !violations.isEmpty { fatalError("pipeline property violated:\n" + violations.joined(separator: "\n")) }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's `main` to this entry point, so it hands over to libFuzzer's
/// driver itself (the same thing libFuzzer's own `main` does).
@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
}
