import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Manifests written in a test: file names and their text.
typealias Manifests = [(name: String, text: String)]

/// The sources of in-memory manifests, named as given.
func sources(_ manifests: Manifests) -> [ManifestSource] {
    manifests.map { ManifestSource(path: $0.name, bytes: Array($0.text.utf8)) }
}

/// Reads manifests; a failure is recorded with every diagnostic.
func reading(_ manifests: Manifests, namespace: String = "default") throws -> ManifestReading {
    do {
        return try ManifestReader(defaultNamespace: namespace).read(sources(manifests))
    } catch {
        Issue.record("reading failed:\n\(error)")
        throw error
    }
}

func inventory(_ text: String, namespace: String = "default") throws -> Inventory {
    try reading([("m.yaml", text)], namespace: namespace).inventory
}

/// The diagnostics of manifests that must not read.
func readingErrors(_ manifests: Manifests) -> [Diagnostic] {
    do {
        _ = try ManifestReader().read(sources(manifests))
        Issue.record("the manifests were read")
        return []
    } catch {
        return error.diagnostics
    }
}

/// Imports manifests and checks that the model validates.
func importing(_ manifests: Manifests, namespace: String = "default", options: KubernetesImportOptions = KubernetesImportOptions()) throws
    -> KubernetesImportResult
{
    let result = KubernetesImporter(options: options).importModel(from: try reading(manifests, namespace: namespace).inventory)
    let problems = ModelValidator().validate(result.model, sourceMap: SourceMap())
    #expect(problems.filter { $0.severity == .error } == [], "the imported model is invalid")
    return result
}

func importing(_ text: String) throws -> KubernetesImportResult { try importing([("m.yaml", text)]) }

/// The canonical YAML of a model, as text.
func yaml(_ model: Model) -> String { String(decoding: ModelEncoder().encode(model, as: .yaml), as: UTF8.self) }

extension Model {
    func element(_ id: String) -> Element? { elements.first { $0.id == id } }
    func boundary(_ id: String) -> Boundary? { boundaries.first { $0.id == id } }
    func control(_ id: String) -> Control? { controls.first { $0.id == id } }

    /// `from → to:port` for every flow, in order.
    var flowSummaries: [String] { flows.map { "\($0.from) → \($0.to):\($0.port.map(String.init) ?? "-")" } }

    /// The model without its `x-` keys: what `diff` compares.
    var withoutRecord: Model {
        var copy = self
        copy.extensions = []
        return copy
    }

    /// The kinds of the controls on a boundary.
    func controlKinds(of boundaryID: String) -> [String] {
        (boundary(boundaryID)?.controls ?? []).compactMap { control($0)?.kind.rawValue }
    }
}

enum KubernetesFixtures {
    /// `Tests/TrustFlowKubernetesTests/Fixtures/`.
    static let directory = Paths.root.appendingPathComponent("Tests/TrustFlowKubernetesTests/Fixtures")
    static let shop = directory.appendingPathComponent("shop")
    static let golden = Paths.root.appendingPathComponent("Tests/TrustFlowKubernetesTests/Golden")

    /// The shop fixture's files, named as a directory import names them.
    static func shopManifests() throws -> Manifests {
        try FileManager.default.contentsOfDirectory(atPath: shop.path).filter { $0.hasSuffix(".yaml") }.sorted().map {
            ($0, try String(contentsOf: shop.appendingPathComponent($0), encoding: .utf8))
        }
    }
}
