/// A short hash of a text that is the same on every machine and run (Swift's `Hasher` is
/// seeded per process): what makes a shortened id stable across imports.
enum StableHash {
    /// FNV-1a (64 bits), written in base 36, `length` characters.
    static func of(_ text: String, length: Int = 8) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        var result = ""
        for _ in 0..<length {
            result.append(digits[Int(hash % 36)])
            hash /= 36
        }
        return result
    }
}
