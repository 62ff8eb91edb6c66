import FoundationEssentials

/// Default output paths.
enum OutputPath {
    /// `path` as seen from the directory of `file` (both relative to the current directory or
    /// absolute), for links between outputs.
    static func relative(_ path: String, from file: String) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let base = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().pathComponents
        let common = zip(target, base).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: base.count - common) + target.dropFirst(common)).joined(separator: "/")
    }

    /// `dir/model.yaml` → `dir/model.svg` (`dir/model-diagram.svg` with a `suffix`).
    static func beside(_ model: String, extension newExtension: String, suffix: String = "") -> String {
        let slash = model.lastIndex(of: "/")
        let nameStart = slash.map { model.index(after: $0) } ?? model.startIndex
        if let dot = model[nameStart...].lastIndex(of: "."), dot > nameStart {
            return model[..<dot] + suffix + "." + newExtension
        }
        return model + suffix + "." + newExtension
    }
}
