/// A place in a configuration value that may name a Service: `cart:7070`,
/// `http://user-db/api`, `orders.shop`, `zipkin.jaeger.svc.cluster.local:9411`.
///
/// Scanning only finds candidates; whether one names a Service is decided against the
/// inventory (``KubernetesImporter``), so a value that merely looks like an address (a Java
/// property, a ratio) names nothing.
struct ServiceAddress: Hashable {
    /// How the host was written.
    enum Form: Hashable {
        /// `name` — a Service of the same namespace, if there is one.
        case name
        /// `name.namespace`.
        case namespaced
        /// `name.namespace.svc` or `name.namespace.svc.<cluster domain>`: certainly a Service.
        case serviceDomain
    }

    var name: String
    var namespace: String?
    var form: Form
    /// The port written, or the default of the URL's scheme.
    var port: Int?
    /// Whether the port came from the scheme rather than being written.
    var portFromScheme: Bool
    /// The URL scheme, lower case.
    var scheme: String?
    /// Whether a URL gives a password (`scheme://user:password@host`): the value is a secret.
    var hasPassword: Bool

    /// Default ports of URL schemes that services are reached with.
    static let schemePorts: [String: Int] = [
        "http": 80, "https": 443, "ws": 80, "wss": 443, "redis": 6379, "rediss": 6379, "mongodb": 27017, "mysql": 3306,
        "postgres": 5432, "postgresql": 5432, "amqp": 5672, "amqps": 5671, "nats": 4222, "kafka": 9092,
        "memcached": 11211, "ldap": 389, "ldaps": 636, "smtp": 25,
    ]

    /// Protocol names of URL schemes, for the flow's `protocol`.
    static let schemeProtocols: [String: String] = [
        "http": "HTTP", "https": "HTTPS", "ws": "WebSocket", "wss": "WebSocket over TLS", "grpc": "gRPC", "redis": "Redis",
        "rediss": "Redis over TLS", "mongodb": "MongoDB", "mysql": "MySQL", "postgres": "PostgreSQL",
        "postgresql": "PostgreSQL", "amqp": "AMQP", "amqps": "AMQPS", "nats": "NATS", "kafka": "Kafka",
        "memcached": "memcached", "ldap": "LDAP", "ldaps": "LDAPS", "smtp": "SMTP",
    ]

    /// Every candidate in `text`. It is cut at blanks, quotes and list punctuation; a piece
    /// that holds `://` is a URL from its scheme on (its user part may hold `$(VAR)`), any
    /// other piece is cut further at brackets and `=` (`-Dhost=cart:7070`, `(cart:7070)`).
    static func scan(_ text: String) -> [ServiceAddress] {
        let separators: Set<Character> = [" ", "\t", "\n", "\r", ",", ";", "\"", "'", "<", ">", "|", "`"]
        let brackets: Set<Character> = ["(", ")", "[", "]", "{", "}", "="]
        var found: [ServiceAddress] = []
        for chunk in text.split(whereSeparator: separators.contains) {
            if let separator = chunk.firstRange(of: "://") {
                var start = separator.lowerBound
                while start > chunk.startIndex, isSchemeCharacter(chunk[chunk.index(before: start)]) {
                    start = chunk.index(before: start)
                }
                if start < separator.lowerBound, let address = parse(chunk[start...]) { found.append(address) }
                continue
            }
            for piece in chunk.split(whereSeparator: brackets.contains) {
                if let address = parse(piece) { found.append(address) }
            }
        }
        return found
    }

    static func isSchemeCharacter(_ character: Character) -> Bool {
        character.isLetterOrDigitASCII || ("A"..."Z").contains(character) || character == "+" || character == "-" || character == "."
    }

    /// One token: a URL, `host:port`, or a host in a Service's DNS form.
    static func parse(_ token: Substring) -> ServiceAddress? {
        var rest = token
        var scheme: String?
        var hasPassword = false
        if let separator = rest.firstRange(of: "://") {
            scheme = rest[..<separator.lowerBound].lowercased()
            rest = rest[separator.upperBound...]
            if let end = rest.firstIndex(where: { "/?#".contains($0) }) { rest = rest[..<end] }
            if let at = rest.lastIndex(of: "@") {
                hasPassword = isPassword(rest[..<at])
                rest = rest[rest.index(after: at)...]
            }
            // A URL written inside brackets, `(http://cart:80)`.
            if let end = rest.firstIndex(where: { ")]}".contains($0) }) { rest = rest[..<end] }
        } else if let slash = rest.firstIndex(of: "/") {
            rest = rest[..<slash]
        }
        var port: Int?
        var portFromScheme = false
        if let colon = rest.lastIndex(of: ":") {
            let digits = rest[rest.index(after: colon)...]
            guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy(\.isASCIIDigitCharacter), let number = Int(digits),
                (1...65535).contains(number)
            else { return nil }
            port = number
            rest = rest[..<colon]
        } else if let scheme, let known = schemePorts[scheme] {
            port = known
            portFromScheme = true
        }
        let host = rest.lowercased()
        guard isDNSName(host), host != "localhost", !host.allSatisfy({ $0.isASCIIDigitCharacter || $0 == "." }) else { return nil }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let form: Form
        var namespace: String?
        switch labels.count {
        case 1:
            // A bare word is an address only with a port or as a URL's host.
            guard port != nil || scheme != nil else { return nil }
            form = .name
        case 2:
            form = .namespaced
            namespace = labels[1]
        default:
            guard labels[2] == "svc" else { return nil }
            form = .serviceDomain
            namespace = labels[1]
        }
        return ServiceAddress(name: labels[0], namespace: namespace, form: form, port: port, portFromScheme: portFromScheme,
            scheme: scheme, hasPassword: hasPassword)
    }

    /// Lower-case letters, digits and `-` in dot-separated labels that start and end with a
    /// letter or digit: a Service name, optionally followed by its namespace and domain.
    static func isDNSName(_ host: String) -> Bool {
        guard !host.isEmpty, host.count <= 253 else { return false }
        return host.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            guard let first = label.first, let last = label.last, label.count <= 63 else { return false }
            return first.isLetterOrDigitASCII && last.isLetterOrDigitASCII
                && label.allSatisfy { $0.isLetterOrDigitASCII || $0 == "-" }
        }
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
    var isLetterOrDigitASCII: Bool { ("a"..."z").contains(self) || ("0"..."9").contains(self) }
}

extension ServiceAddress {
    /// Whether `text` holds a URL with a password (`scheme://user:password@host`), to any host.
    static func containsURLPassword(_ text: String) -> Bool {
        var rest = Substring(text)
        while let separator = rest.firstRange(of: "://") {
            rest = rest[separator.upperBound...]
            let authority = rest.prefix { !"/?# \t\n\"'".contains($0) }
            if let at = authority.lastIndex(of: "@"), isPassword(authority[..<at]) { return true }
        }
        return false
    }

    /// Whether a URL's user part (`user:password`) holds a password written out: not empty,
    /// and not a `$(VAR)` that Kubernetes fills in from another variable (a Secret's, say).
    static func isPassword(_ userInfo: Substring) -> Bool {
        guard let colon = userInfo.firstIndex(of: ":") else { return false }
        let password = userInfo[userInfo.index(after: colon)...]
        return !password.isEmpty && !(password.hasPrefix("$(") && password.hasSuffix(")"))
    }
}
