import TrustFlowModel

/// How Threagile's enumerations map onto TrustFlow's.
enum ThreagileVocabulary {
    /// Threagile's confidentiality levels, lowest first (its `confidentiality.go`): note that
    /// its `restricted` ranks *below* `confidential`.
    static let confidentialityOrder = ["public", "internal", "restricted", "confidential", "strictly-confidential"]

    /// A confidentiality level mapped by rank onto TrustFlow's four classifications, which
    /// order public < internal < confidential < restricted: the lowest two and the highest
    /// keep their place, and Threagile's two middle levels share TrustFlow's `confidential`.
    static func classification(forConfidentiality level: String) -> Classification? {
        switch confidentialityOrder.firstIndex(of: level) {
        case 0: .public
        case 1: .internal
        case 2, 3: .confidential
        case 4: .restricted
        default: nil
        }
    }

    /// Threagile's link authentication, mapped where TrustFlow has the same idea;
    /// `externalized` (done by another component) has no counterpart.
    static func authentication(_ value: String) -> Authentication? {
        switch value {
        case "none": Authentication.none
        case "credentials": .password
        case "session-id": .session
        case "token": .apiToken
        case "client-certificate": .certificate
        case "two-factor": .twoFactor
        default: nil
        }
    }

    static let authentications = ["none", "credentials", "session-id", "token", "client-certificate", "two-factor", "externalized"]

    /// Protocols Threagile counts as encrypted (its `IsEncrypted`): TrustFlow's `tls`, which
    /// stands for an encrypted transport.
    static let encryptedProtocols: Set<String> = [
        "https", "wss", "reverse-proxy-web-protocol-encrypted", "jdbc-encrypted", "odbc-encrypted",
        "sql-access-protocol-encrypted", "nosql-access-protocol-encrypted", "binary-encrypted", "text-encrypted", "ssh",
        "ssh-tunnel", "smtp-encrypted", "pop3-encrypted", "imap-encrypted", "ftps", "sftp", "scp", "ldaps", "smb-encrypted",
        "iiop-encrypted", "jrmp-encrypted",
    ]

    /// Calls inside one machine (Threagile's `IsProcessLocal`) and the unknown protocol: no
    /// network, so no transport encryption to speak of.
    static let localProtocols: Set<String> = [
        "unknown-protocol", "local-file-access", "in-process-library-call", "inter-process-communication", "container-spawning",
    ]

    /// The transport encryption a protocol implies: `tls` for encrypted ones, `none` for the
    /// other network protocols, unknown for local calls and protocols Threagile does not list.
    static func encryption(ofProtocol value: String) -> Encryption? {
        if encryptedProtocols.contains(value) { return .tls }
        if localProtocols.contains(value) || !networkProtocols.contains(value) { return nil }
        return Encryption.none
    }

    static let networkProtocols: Set<String> = encryptedProtocols.union([
        "http", "ws", "reverse-proxy-web-protocol", "mqtt", "jdbc", "odbc", "sql-access-protocol", "nosql-access-protocol",
        "binary", "text", "smtp", "pop3", "imap", "ftp", "ldap", "jms", "nfs", "smb", "nrpe", "xmpp", "iiop", "jrmp",
    ])

    /// A trust boundary type as a boundary kind: the network ones `network`, namespace
    /// isolation `namespace`, anything else (an execution environment) `generic`.
    static func boundaryKind(_ type: String?) -> BoundaryKind {
        guard let type else { return .generic }
        if type == "network-policy-namespace-isolation" { return .namespace }
        return type.hasPrefix("network-") ? .network : .generic
    }

    /// A technical asset's type as an element kind; an external entity a person uses as a
    /// client is an actor.
    static func elementKind(_ type: String, usedByHuman: Bool) -> ElementKind? {
        switch type {
        case "external-entity": usedByHuman ? .actor : .external
        case "process": .process
        case "datastore": .datastore
        default: nil
        }
    }

    /// A technical asset's encryption at rest; anything but `none` is encrypted.
    static let assetEncryptions = [
        "none", "transparent", "data-with-symmetric-shared-key", "data-with-asymmetric-shared-key",
        "data-with-end-user-individual-key",
    ]

    static let assetTypes = ["external-entity", "process", "datastore"]

    /// The id Threagile gives a communication link (`createDataFlowId`): the source asset's id,
    /// `>`, and the title lower-cased with each run of other characters as one `-`; risk ids
    /// name links this way.
    static func linkID(source: String, title: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in title.lowercased().unicodeScalars {
            if scalar.isASCII, ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash, !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return source + ">" + slug
    }
}
