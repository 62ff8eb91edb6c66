/// The bytes of DOT text being written. Appending to a byte array costs a fraction of
/// appending to a `String` (which re-checks capacity, counts and ASCII-ness on every append),
/// and writing a 1000-service diagram is a few hundred thousand appends.
struct DOTBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// The text written so far. Everything appended is valid UTF-8 (whole strings, or runs
    /// of a string cut at scalar boundaries), so decoding repairs nothing.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    static func += (buffer: inout DOTBuffer, text: String) {
        // Through the contiguous bytes: the generic sequence append copies byte by byte.
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { buffer.bytes.append(contentsOf: $0) }
        if copied == nil { buffer.bytes.append(contentsOf: text.utf8) }
    }

    /// Appends `text` with each scalar for which `replacement` returns a value replaced by
    /// it. `replacement` must return `nil` for printable ASCII other than `& < > " ' \`:
    /// runs of those bytes are copied without decoding them.
    mutating func append(_ text: String, replacing replacement: (Unicode.Scalar) -> String?) {
        var text = text
        text.withUTF8 { utf8 in
            var pending = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte >= 0x20 && byte < 0x7F && !Self.isMarkup(byte) {
                    index += 1
                    continue
                }
                let (scalar, length) = Self.decode(utf8, at: index)
                if let replaced = replacement(scalar) {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[pending..<index]))
                    self += replaced
                    pending = index + length
                }
                index += length
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[pending...]))
        }
    }

    private static func isMarkup(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"),
            UInt8(ascii: "\\"):
            true
        default: false
        }
    }

    /// The scalar starting at `index` of valid UTF-8, and its length in bytes.
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(utf8[index])
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = length == 1 ? lead : lead & (0x7F >> length)
        for offset in 1..<length {
            value = value << 6 | UInt32(utf8[index + offset] & 0x3F)
        }
        // Swift strings hold valid UTF-8, so every decoded value is a scalar.
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
