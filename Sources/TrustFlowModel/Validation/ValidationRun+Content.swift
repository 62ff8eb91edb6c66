extension ValidationRun {
    /// Checks list sizes, text lengths and required text.
    mutating func checkSizes() {
        if model.title.trimmingWhitespace.isEmpty {
            report(.error, "the title must not be empty", at: "title")
        }
        checkLength(model.title, at: "title")
        if let description = model.description { checkLength(description, at: "description", description: true) }
        let lists: [(String, Int)] = [
            ("controls", model.controls.count), ("boundaries", model.boundaries.count),
            ("elements", model.elements.count), ("flows", model.flows.count),
            ("threatActors", model.threatActors.count), ("acceptedRisks", model.acceptedRisks.count),
        ]
        for (name, count) in lists where count > limits.maxItemsPerList {
            report(.error, "\(count) \(name) is more than the limit of \(limits.maxItemsPerList)", at: ModelPath(stringLiteral: name))
        }
        if model.elements.isEmpty {
            report(.error, "a model needs at least one element", at: "elements")
        }
        for (position, control) in model.controls.enumerated() {
            let path = ModelPath("controls").appending(position)
            checkLength(control.label, at: path.appending("label"))
            checkLength(control.kind.rawValue, at: path.appending("kind"))
            control.description.map { checkLength($0, at: path.appending("description"), description: true) }
        }
        for (position, boundary) in model.boundaries.enumerated() {
            let path = ModelPath("boundaries").appending(position)
            checkLength(boundary.label, at: path.appending("label"))
            boundary.description.map { checkLength($0, at: path.appending("description"), description: true) }
        }
        for (position, element) in model.elements.enumerated() {
            let path = ModelPath("elements").appending(position)
            checkLength(element.label, at: path.appending("label"))
            element.technology.map { checkLength($0, at: path.appending("technology")) }
            element.description.map { checkLength($0, at: path.appending("description"), description: true) }
            element.url.map { checkLength($0, at: path.appending("url"), description: true) }
        }
        for (position, flow) in model.flows.enumerated() {
            let path = ModelPath("flows").appending(position)
            flow.label.map { checkLength($0, at: path.appending("label")) }
            flow.protocol.map { checkLength($0, at: path.appending("protocol")) }
            for (itemPosition, item) in flow.data.enumerated() {
                checkLength(item, at: path.appending("data").appending(itemPosition))
            }
            flow.description.map { checkLength($0, at: path.appending("description"), description: true) }
            if let port = flow.port, !(1...65535).contains(port) {
                report(.error, "expected a port number from 1 to 65535, found \(port)", at: path.appending("port"))
            }
        }
        for (position, actor) in model.threatActors.enumerated() {
            let path = ModelPath("threatActors").appending(position)
            checkLength(actor.label, at: path.appending("label"))
            actor.description.map { checkLength($0, at: path.appending("description"), description: true) }
        }
        for (position, risk) in model.acceptedRisks.enumerated() {
            checkLength(risk.reason, at: ModelPath("acceptedRisks").appending(position).appending("reason"), description: true)
        }
    }

    mutating func checkLength(_ text: String, at path: ModelPath, description: Bool = false) {
        let limit = description ? limits.maxDescriptionLength : limits.maxLabelLength
        let count = text.unicodeScalars.count
        if count > limit {
            report(.error, "text of \(count) characters is longer than the limit of \(limit)", at: path)
        }
        // The decoder rejects these in files; a model built in Swift meets the same rule here, so
        // it can always be written out as a file that loads again.
        if let bad = text.unicodeScalars.first(where: MappingReader.isForbiddenControl) {
            report(.error,
                "text contains the control character U+\(EscapedCharacters.hex(bad.value)), which a model may not contain",
                at: path)
        }
    }

    /// Checks element URLs: only `https:`, `http:` and relative links, only URL characters.
    mutating func checkElements() {
        for (position, element) in model.elements.enumerated() {
            guard let url = element.url else { continue }
            if let problem = ValidationRun.urlProblem(url) {
                report(.error, problem, at: ModelPath("elements").appending(position).appending("url"))
            }
        }
    }

    /// Why `url` is not accepted, or `nil` when it is.
    static func urlProblem(_ url: String) -> String? {
        if url.isEmpty { return "the url is empty" }
        // RFC 3986 characters only: no spaces, quotes, angle brackets, backslashes or controls,
        // which also rules out tricks like "java\tscript:" that browsers would normalise.
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%".unicodeScalars)
        if let bad = url.unicodeScalars.first(where: { !allowed.contains($0) }) {
            let shown = bad.properties.generalCategory == .control || bad == " "
                ? "U+\(EscapedCharacters.hex(bad.value))" : "'\(bad)'"
            return "the url contains \(shown); percent-encode it (only http:, https: and relative URLs are accepted)"
        }
        if let colon = url.firstIndex(of: ":") {
            let scheme = url[..<colon]
            let isScheme = !scheme.isEmpty && scheme.unicodeScalars.first!.isASCIILetter
                && scheme.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) }
            let beforeSlash = !url[..<colon].contains("/") && !url[..<colon].contains("?") && !url[..<colon].contains("#")
            if isScheme && beforeSlash {
                let lowered = scheme.lowercased()
                guard lowered == "http" || lowered == "https" else {
                    return "the url scheme '\(scheme):' is not allowed; only http:, https: and relative URLs are accepted"
                }
            }
        }
        return nil
    }

    /// Warns about unknown control kinds that look like a known one, and controls nothing uses.
    mutating func checkControls() {
        var used = Set(model.boundaries.flatMap(\.controls))
        used.formUnion(model.elements.flatMap(\.controls))
        used.formUnion(model.flows.flatMap(\.controls))
        for (position, control) in model.controls.enumerated() where !used.contains(control.id) {
            report(.warning, "control '\(SourceNode.excerpt(control.id))' is declared but no boundary, element or flow lists it",
                at: ModelPath("controls").appending(position).appending("id"))
        }
        for (position, control) in model.controls.enumerated() {
            let path = ModelPath("controls").appending(position).appending("kind")
            if control.kind.rawValue.trimmingWhitespace.isEmpty {
                report(.error, "the control kind must not be empty", at: path)
                continue
            }
            guard !control.kind.isKnown, let known = ValidationRun.knownKind(resembling: control.kind) else { continue }
            report(.warning,
                "unknown control kind '\(control.kind)'; did you mean '\(known)'? Rules only recognise the known kinds",
                at: path)
        }
    }

    static func knownKind(resembling kind: ControlKind) -> ControlKind? {
        let folded = String(kind.rawValue.lowercased().unicodeScalars.filter { $0.isASCIILetter || ("0"..."9").contains($0) })
        if let synonym = ControlKind.synonyms[folded] { return synonym }
        if let exact = ControlKind.known.first(where: { $0.rawValue.replacingHyphens == folded }) { return exact }
        let singular = folded.hasSuffix("s") ? String(folded.dropLast()) : folded
        if let plural = ControlKind.known.first(where: { $0.rawValue.replacingHyphens == singular }) { return plural }
        return Suggestion.closest(to: kind.rawValue, among: ControlKind.known.map(\.rawValue)).map(ControlKind.init(rawValue:))
    }

    /// Checks accepted risks' dates and text.
    mutating func checkAcceptedRisks() {
        for (position, risk) in model.acceptedRisks.enumerated() {
            let path = ModelPath("acceptedRisks").appending(position)
            if risk.rule.trimmingWhitespace.isEmpty { report(.error, "the rule must not be empty", at: path.appending("rule")) }
            checkLength(risk.rule, at: path.appending("rule"))
            if risk.reason.trimmingWhitespace.isEmpty {
                report(.error, "the reason must not be empty: say why the risk is accepted", at: path.appending("reason"))
            }
            if let until = risk.until, let problem = CalendarDate.problem(with: until) {
                report(.error, "\(problem), found '\(SourceNode.excerpt(until))'", at: path.appending("until"))
            }
        }
    }
}

extension String {
    var trimmingWhitespace: Substring {
        let trimmed = drop { $0.isWhitespace }
        return trimmed.dropLast(trimmed.reversed().prefix { $0.isWhitespace }.count)
    }

    var replacingHyphens: String { String(unicodeScalars.filter { $0 != "-" }) }
}
