// swift-tools-version: 6.0
// The libFuzzer harness, a package of its own so that `swift build` and `swift test` of
// TrustFlow never build it: it only links with `-sanitize=fuzzer` (libFuzzer brings `main`).
// See the README's Security section, and `make fuzz` / `make fuzz-long`.
import PackageDescription

let package = Package(
    name: "TrustFlowFuzz",
    dependencies: [.package(name: "TrustFlow", path: "..")],
    targets: [
        .executableTarget(
            name: "TrustFlowFuzz",
            dependencies: [.product(name: "TrustFlow", package: "TrustFlow")]
        )
    ]
)
