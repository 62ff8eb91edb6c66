import TrustFlowModel

/// What OTM's free-form fields mean to TrustFlow, both ways: key orders for the export, the
/// `attributes` that carry TrustFlow's fields OTM has no key for, and how a component type
/// names an element kind.
enum OTMVocabulary {
    /// The version written; the import reads any.
    static let version = "0.2.0"

    /// Component `attributes` the export writes and the import reads.
    static let componentAttributes = ["technology", "url"]
    /// Dataflow `attributes` the export writes and the import reads.
    static let dataflowAttributes = ["protocol", "port", "encryption", "authentication", "data", "classification"]

    /// The trust zone an export puts elements outside every boundary in (a component needs a
    /// parent), marked by `attributes: {trustflow: outside}`; the import puts its members
    /// outside every boundary again.
    static let outsideMarkerKey = "trustflow"
    static let outsideMarkerValue = "outside"
    static let outsideZoneName = "Outside every trust boundary"

    /// OTM requires a trust rating for each zone; TrustFlow has none, so the export writes
    /// the middle of the 0–100 scale.
    static let neutralTrustRating = 50

    /// The element kind a component's type names: a TrustFlow kind as is, else by the words
    /// in it (`CD-MICROSOFT-AZURE-DB-POSTGRESQL` is a data store, `android-device-client` an
    /// external system), else a process.
    static func elementKind(forType type: String) -> ElementKind {
        if let kind = ElementKind(rawValue: type) { return kind }
        let words = Set(type.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init))
        if !words.isDisjoint(with: datastoreWords) { return .datastore }
        if !words.isDisjoint(with: actorWords) { return .actor }
        if !words.isDisjoint(with: externalWords) { return .external }
        return .process
    }

    static let datastoreWords: Set<String> = [
        "database", "db", "datastore", "store", "storage", "bucket", "queue", "sql", "mysql", "postgresql", "postgres",
        "mongodb", "mongo", "redis", "cache", "s3", "blob", "filesystem", "file", "table", "cosmosdb", "dynamodb",
    ]
    static let actorWords: Set<String> = ["user", "actor", "person", "human", "customer", "operator", "administrator", "admin"]
    static let externalWords: Set<String> = ["client", "browser", "device", "mobile", "android", "ios", "external", "internet", "saas"]
}
