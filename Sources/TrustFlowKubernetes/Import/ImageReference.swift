/// A container image reference (`registry/path/name:tag@sha256:…`) taken apart: what the
/// model's technology, element kind and image rules need.
public struct ImageReference: Hashable, Sendable {
    /// The reference as written.
    public var text: String
    /// The last path component, without tag or digest (`redis`, `frontend`).
    public var name: String
    /// The tag; `nil` when none is written (which means `latest`).
    public var tag: String?
    /// The digest (`sha256:…`); `nil` when none is written.
    public var digest: String?

    /// Takes a reference apart.
    public init(_ text: String) {
        self.text = text
        var rest = Substring(text)
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        // A colon after the last slash separates the tag; one before it belongs to a registry port.
        let lastSlash = rest.lastIndex(of: "/")
        if let colon = rest.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        name = String(rest.split(separator: "/").last ?? rest)
    }

    /// How firmly the reference names one image.
    public enum Pinning: Hashable, Sendable {
        /// By digest: always the same bytes.
        case digest
        /// By a tag other than `latest`, which can be moved to another image.
        case tag(String)
        /// By `latest`, or by no tag at all.
        case latest
    }

    public var pinning: Pinning {
        if digest != nil { return .digest }
        guard let tag, tag != "latest" else { return .latest }
        return .tag(tag)
    }

    /// `redis:alpine`, `frontend:v0.10.6`, `busybox:1.38.0` — the model's technology.
    public var technology: String { name + (tag.map { ":" + $0 } ?? "") }

    /// Data stores and queues recognised by a word of the image's name: `redis`, `mongo`,
    /// `postgres`, … (`gb-redis-follower`), unless another word says it is a tool beside one
    /// (`rabbitmq-exporter`, `mongo-express`).
    static let stores: Set<String> = [
        "mysql", "mariadb", "percona", "postgres", "postgresql", "postgis", "redis", "valkey", "keydb", "memcached",
        "mongo", "mongodb", "cassandra", "scylla", "couchdb", "couchbase", "elasticsearch", "opensearch", "solr",
        "influxdb", "clickhouse", "cockroach", "cockroachdb", "neo4j", "etcd", "zookeeper", "rabbitmq", "kafka", "nats",
        "minio", "mssql", "oracle", "db2", "timescaledb", "dynamodb", "arangodb", "rethinkdb", "questdb",
    ]
    static let tools: Set<String> = [
        "exporter", "operator", "proxy", "client", "cli", "ui", "admin", "dashboard", "backup", "metrics", "sidecar",
        "commander", "insight", "connect", "init", "browser", "gui", "manager", "express", "web", "console", "migrate",
    ]

    /// Ports that only data stores and queues listen on by default: MySQL, PostgreSQL, Redis,
    /// MongoDB, Cassandra, memcached, AMQP, Kafka, etcd, Elasticsearch, CockroachDB, Neo4j,
    /// SQL Server, Oracle, CouchDB.
    static let storePorts: Set<Int> = [3306, 5432, 6379, 27017, 9042, 11211, 5672, 9092, 2379, 9200, 26257, 7687, 1433, 1521, 5984]

    /// Whether the image is a known data store.
    public var isKnownStore: Bool { ImageReference.isStore(name: name) }

    /// Whether a name (an image's, or a container port's) names a known store.
    static func isStore(name: String) -> Bool {
        let words = name.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).map(String.init)
        return words.contains(where: stores.contains) && !words.contains(where: tools.contains)
    }
}

extension Container {
    /// Whether the container keeps data, as its image's name, a port's name or a store's
    /// well-known port says: the importer makes it a `datastore`.
    var isKnownStore: Bool {
        image.map(ImageReference.init)?.isKnownStore == true || ports.contains { port in
            port.name.map(ImageReference.isStore) ?? false || ImageReference.storePorts.contains(port.number)
        }
    }
}
