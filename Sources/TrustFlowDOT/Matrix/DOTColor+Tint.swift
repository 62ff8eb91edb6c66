extension DOTColor {
    /// This colour mixed with white: `strength` 1 is the colour, 0 white. A matrix cell is
    /// tinted so its words, in the full colour, stay readable on it.
    public func tinted(_ strength: Double) -> DOTColor {
        let digits = Array(hex.unicodeScalars.dropFirst())
        var mixed = "#"
        for channel in 0..<3 {
            let value = Int(String(String.UnicodeScalarView(digits[(channel * 2)..<(channel * 2 + 2)])), radix: 16) ?? 255
            let tint = Int((Double(value) * strength + 255 * (1 - strength)).rounded())
            let text = String(min(255, max(0, tint)), radix: 16)
            mixed += text.count == 1 ? "0" + text : text
        }
        return DOTColor(mixed) ?? self
    }
}
