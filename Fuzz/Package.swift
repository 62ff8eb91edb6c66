// swift-tools-version: 6.0
// Security tooling, a package of its own so that `swift build` and `swift test` of
// TrustFlow never build it: the libFuzzer harness only links with `-sanitize=fuzzer`, and
// the render loop is for valgrind. See SECURITY.md, `make fuzz`,
// `make fuzz-long` and `make leak-check`.
import PackageDescription

let package = Package(
    name: "TrustFlowFuzz",
    dependencies: [.package(name: "TrustFlow", path: "..")],
    targets: [
        .executableTarget(
            name: "TrustFlowFuzz",
            dependencies: [.product(name: "TrustFlow", package: "TrustFlow")]
        ),
        // Renders a model N times in one process: the leak measurement under valgrind
        // (`make leak-check`). Builds without sanitizers: `--product TrustFlowRenderLoop`.
        .executableTarget(
            name: "TrustFlowRenderLoop",
            dependencies: [.product(name: "TrustFlow", package: "TrustFlow")]
        ),
    ]
)
