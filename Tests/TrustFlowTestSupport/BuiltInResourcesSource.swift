import Foundation

/// Writes the Swift source that embeds `Templates/` in the binary, so the built-in copies
/// can never drift from the files: a test compares the committed source with this.
public enum BuiltInResourcesSource {
    public static let path = Paths.root.appendingPathComponent("Sources/TrustFlow/BuiltInResources.swift")

    public static func generate() throws -> String {
        let templates = Paths.root.appendingPathComponent("Templates")
        let enumerator = FileManager.default.enumerator(at: templates, includingPropertiesForKeys: nil)
        var files: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(String(url.standardizedFileURL.path.dropFirst(templates.standardizedFileURL.path.count + 1)))
            }
        }
        var source = "// Generated from Templates/ by the test BuiltInResourcesTests (run `make samples`); do not edit.\n"
        source += "enum BuiltInResources {\n    static let files: [String: String] = [\n"
        for file in files.sorted() {
            let text = try String(contentsOf: templates.appendingPathComponent(file), encoding: .utf8)
            var hashes = "#"
            while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
            source += "        \"\(file)\": \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes),\n"
        }
        source += "    ]\n}\n"
        return source
    }
}
