import Foundation
import TrustFlowModel

/// A JSON or YAML model file as the plain JSON document it stands for, read with TrustFlow's
/// own parsers (so YAML means what the decoder thinks it means), for JSON Schema validation.
public enum SourceJSON {
    public static func json(of url: URL) throws -> [UInt8] {
        let bytes = try Paths.bytes(url)
        let root = url.pathExtension == "json" ? try JSONSourceParser().parse(bytes) : try YAMLSourceParser().parse(bytes)
        return Array(write(root).utf8)
    }

    public static func json(ofYAML text: String) throws -> [UInt8] {
        Array(write(try YAMLSourceParser().parse(Array(text.utf8))).utf8)
    }

    static func write(_ node: SourceNode) -> String {
        switch node.value {
        case .mapping(let entries):
            return "{" + entries.map { quote($0.key.text) + ":" + write($0.value) }.joined(separator: ",") + "}"
        case .sequence(let items):
            return "[" + items.map(write).joined(separator: ",") + "]"
        case .scalar(let scalar):
            switch scalar.kind {
            case .string: return quote(scalar.text)
            case .integer: return Int(scalar.text).map(String.init) ?? quote(scalar.text)
            case .float: return Double(scalar.text).map { "\($0)" } ?? quote(scalar.text)
            case .boolean: return scalar.text.lowercased()
            case .null: return "null"
            }
        }
    }

    static func quote(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
