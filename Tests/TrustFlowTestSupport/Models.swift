import Foundation
import TrustFlowModel

/// Loading test models.
public enum Models {
    /// Loads and validates a model file; fails the test with its diagnostics when invalid.
    public static func load(_ url: URL) throws -> Model {
        let format = ModelFormat(fileName: url.lastPathComponent) ?? .yaml
        return try ModelLoader().load(Paths.bytes(url), file: url.lastPathComponent, format: format).model
    }

    /// A sample by file name.
    public static func sample(_ name: String) throws -> Model { try load(Paths.sample(name)) }

    /// A model written inline as YAML, loaded and validated as a file called `m.yaml`.
    public static func yaml(_ text: String) throws -> Model {
        try ModelLoader().load(Array(text.utf8), file: "m.yaml", format: .yaml).model
    }

    /// A test fixture by file name.
    public static func fixture(_ name: String) throws -> Model { try load(Paths.fixtures.appendingPathComponent(name)) }
}
