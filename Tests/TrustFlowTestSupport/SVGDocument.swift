import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG file parsed with an XML parser, so tests check structure rather than substrings.
public struct SVGDocument {
    /// One element: its name, attributes and the text directly inside it.
    public struct Element {
        public var name: String
        public var attributes: [String: String]
        public var text: String
        /// How many elements enclose it.
        public var depth = 0
    }

    /// Every element, in document order.
    public let elements: [Element]

    /// Parses `bytes`; throws when the SVG is not well-formed XML.
    public init(_ bytes: [UInt8]) throws {
        let collector = Collector()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = collector
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            throw SVGError(message: parser.parserError.map { "\($0)" } ?? "not well-formed XML")
        }
        elements = collector.elements
    }

    /// `<g class="…">` groups whose id starts with `prefix`.
    public func groups(class className: String, idPrefix prefix: String) -> [Element] {
        elements.filter { $0.name == "g" && $0.attributes["class"] == className && ($0.attributes["id"] ?? "").hasPrefix(prefix) }
    }

    /// The elements inside the element with this `id` attribute, in document order.
    public func contents(ofID id: String) -> [Element] {
        guard let start = elements.firstIndex(where: { $0.attributes["id"] == id }) else { return [] }
        let depth = elements[start].depth
        return Array(elements[(start + 1)...].prefix { $0.depth > depth })
    }

    /// The text of every `<text>` element.
    public var texts: [String] { elements.filter { $0.name == "text" }.map(\.text) }

    /// Every attribute name and value in the document.
    public var allAttributes: [(name: String, value: String)] {
        elements.flatMap { element in element.attributes.map { ($0.key, $0.value) } }
    }

    public struct SVGError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:])
        {
            elements.append(Element(name: name, attributes: attributes, text: "", depth: open.count))
            open.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            _ = open.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let current = open.last { elements[current].text += string }
        }
    }
}
