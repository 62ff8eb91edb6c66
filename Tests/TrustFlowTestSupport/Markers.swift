/// Source text with position markers (`1️⃣`, `2️⃣`, …) in the style of swift-format's tests:
/// the markers are removed and their line and column remembered, so a test can say "the
/// error is here" inside the input itself.
public struct MarkedSource {
    /// The text without markers.
    public let text: String
    /// Marker name → (line, column), both 1-based, columns in Unicode scalars.
    public let positions: [String: (line: Int, column: Int)]

    public static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    public init(_ marked: String) {
        var text = ""
        var positions: [String: (Int, Int)] = [:]
        var line = 1
        var column = 1
        var rest = Substring(marked)
        outer: while let character = rest.first {
            for marker in MarkedSource.markers where rest.hasPrefix(marker) {
                positions[marker] = (line, column)
                rest = rest.dropFirst(marker.count)
                continue outer
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
            rest = rest.dropFirst()
        }
        self.text = text
        self.positions = positions
    }

    public var bytes: [UInt8] { Array(text.utf8) }

    /// The position of a marker; fails loudly for a marker the text does not contain.
    public subscript(_ marker: String) -> (line: Int, column: Int) {
        guard let position = positions[marker] else { preconditionFailure("no marker \(marker) in the text") }
        return position
    }
}
