// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "TrustFlow",
    products: [
        .executable(name: "trustflow", targets: ["TrustFlowCLI"]),
        .library(name: "TrustFlow", targets: ["TrustFlow"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Only the tests use Yams (a second YAML reader); TrustFlow reads YAML with libyaml.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Pipeline stages, one module each (see "How it is built" in CONTRIBUTING.md).
        .target(
            name: "TrustFlowModel",
            dependencies: ["CLibYAML"]
        ),
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "TrustFlowAnalysis", dependencies: ["TrustFlowModel"]),
        .target(name: "TrustFlowDiff", dependencies: ["TrustFlowModel", "TrustFlowAnalysis"]),
        // Kubernetes manifests in: the inventory they hold, and the model imported from it.
        .target(name: "TrustFlowKubernetes", dependencies: ["TrustFlowModel", "TrustFlowAnalysis"]),
        .target(name: "TrustFlowDOT", dependencies: ["TrustFlowModel", "TrustFlowAnalysis", "TrustFlowDiff"]),
        // Reports of models, of diffs, and of the drift check (which needs the Kubernetes module).
        .target(
            name: "TrustFlowReport",
            dependencies: ["TrustFlowModel", "TrustFlowAnalysis", "TrustFlowDiff", "TrustFlowKubernetes"]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // What TrustFlow adds around libgvc in C: graph reading with deterministic IDs and
        // ordered memory (fenced: compiled and used only with the Graphviz versions it was
        // checked against), and the crash guard.
        .target(name: "CGraphvizSupport", dependencies: ["CGraphviz"]),
        .target(name: "TrustFlowGraphviz", dependencies: ["CGraphviz", "CGraphvizSupport"]),
        // Threagile, Threat Dragon and OTM in and out; DOT only for the diagram's ids, which
        // tie Graphviz's layout back to the model.
        .target(name: "TrustFlowInterop", dependencies: ["TrustFlowModel", "TrustFlowDOT"]),
        .target(
            name: "TrustFlow",
            dependencies: [
                "TrustFlowModel", "TrustFlowAnalysis", "TrustFlowDiff", "TrustFlowDOT", "TrustFlowGraphviz", "TrustFlowReport",
                "TrustFlowInterop", "TrustFlowKubernetes",
            ]
        ),
        // pipe2 and posix_spawn_file_actions_addclosefrom_np, which need _GNU_SOURCE.
        .target(name: "CSpawn"),
        .executableTarget(
            name: "TrustFlowCLI",
            dependencies: [
                "TrustFlow", "CSpawn",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // The three-tier sample declared with the Swift DSL (`swift run ThreeTierDSL`).
        .executableTarget(name: "ThreeTierDSL", dependencies: ["TrustFlow"], path: "Samples/ThreeTierDSL"),

        // Benchmarks: TrustFlow's own stages, timed in process (see BENCHMARKS.md).
        .executableTarget(name: "TrustFlowBench", dependencies: ["TrustFlow"], path: "Benchmarks/TrustFlowBench"),

        // Tests.
        .target(name: "TrustFlowTestSupport", dependencies: ["TrustFlowModel"], path: "Tests/TrustFlowTestSupport"),
        .testTarget(name: "TrustFlowModelTests", dependencies: ["TrustFlowModel", "TrustFlowTestSupport"]),
        .testTarget(name: "TrustFlowAnalysisTests", dependencies: ["TrustFlowAnalysis", "TrustFlowTestSupport"]),
        .testTarget(name: "TrustFlowDiffTests", dependencies: ["TrustFlow", "TrustFlowTestSupport"]),
        .testTarget(
            name: "TrustFlowKubernetesTests",
            dependencies: ["TrustFlow", "TrustFlowKubernetes", "TrustFlowTestSupport"],
            exclude: ["Golden", "Fixtures"]
        ),
        .testTarget(
            name: "TrustFlowReportTests",
            dependencies: ["TrustFlow", "TrustFlowTestSupport"],
            exclude: ["Golden", "Resources"]
        ),
        .testTarget(
            name: "TrustFlowDOTTests",
            dependencies: ["TrustFlow", "TrustFlowTestSupport"],
            exclude: ["Golden", "Fixtures"]
        ),
        .testTarget(name: "TrustFlowGraphvizTests", dependencies: ["TrustFlow", "TrustFlowTestSupport"]),
        .testTarget(
            name: "TrustFlowDSLTests",
            dependencies: [
                "TrustFlow", "ThreeTierDSL", "TrustFlowTestSupport", .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "TrustFlowInteropTests",
            dependencies: ["TrustFlow", "TrustFlowTestSupport"],
            exclude: ["Golden", "Fixtures"]
        ),
        .testTarget(
            name: "TrustFlowCLITests",
            dependencies: [
                "TrustFlow", "TrustFlowCLI", "TrustFlowTestSupport", .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Golden"]
        ),
    ]
)
