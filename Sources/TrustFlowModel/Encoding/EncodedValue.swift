/// A model as the file format writes it: mappings with their keys in ``ModelKeys`` order,
/// lists, and scalars. Both writers print this one tree, so JSON and YAML cannot disagree
/// about what is written or in which order. The exports to other tools' JSON formats (OTM,
/// Threat Dragon) build the same tree, so one writer owns JSON's escaping.
package indirect enum EncodedValue: Equatable {
    case mapping([Entry])
    case list([EncodedValue])
    case string(String)
    case integer(Int)
    case boolean(Bool)
    /// Only in `x-` data: `null`, and numbers written as ``ExtensionValue/number(_:)`` holds them.
    case null
    case number(String)

    package struct Entry: Equatable {
        package var key: String
        package var value: EncodedValue

        package init(key: String, value: EncodedValue) {
            self.key = key
            self.value = value
        }
    }

    /// Whether this is a string, number or boolean.
    var isScalar: Bool {
        switch self {
        case .string, .integer, .boolean, .null, .number: true
        case .mapping, .list: false
        }
    }
}

/// The entries of one mapping, collected in any order and written in the order of a
/// ``ModelKeys`` list, so that list stays the single definition of key order.
struct EncodedMapping {
    private let keys: [String]
    private var values: [String: EncodedValue] = [:]

    init(keys: [String]) { self.keys = keys }

    /// Sets a key, which must be one of the mapping's keys.
    subscript(key: String) -> EncodedValue? {
        get { values[key] }
        set {
            precondition(keys.contains(key), "'\(key)' is not a key of this mapping")
            values[key] = newValue
        }
    }

    /// Sets a string, leaving the key out when the value is absent.
    mutating func set(_ key: String, _ text: String?) { self[key] = text.map(EncodedValue.string) }

    /// Sets a list, leaving the key out when it is empty.
    mutating func set(_ key: String, nonEmpty items: [EncodedValue]) { self[key] = items.isEmpty ? nil : .list(items) }

    /// Sets a list of strings, leaving the key out when it is empty.
    mutating func set(_ key: String, nonEmpty texts: [String]) { set(key, nonEmpty: texts.map(EncodedValue.string)) }

    var value: EncodedValue {
        .mapping(keys.compactMap { key in values[key].map { EncodedValue.Entry(key: key, value: $0) } })
    }
}
