/// What a filter can name in a document: its operations (paths and webhooks) and their tags with how
/// many operations each has. `kiln list` prints it; filter validation checks entries against it.
public struct OperationCatalog: Sendable {
    public struct Entry: Sendable {
        public var method: HTTPMethodName
        /// The path template, or the webhook's name.
        public var path: String
        public var isWebhook: Bool
        public var operationId: String?
        public var tags: [String]
    }

    public var operations: [Entry] = []
    /// Tags in first-use order, with their operation counts.
    public var tags: [(name: String, count: Int)] = []

    public init(document: OpenAPIDocument) {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for (path, item, isWebhook) in Self.items(document) {
            for (method, operation) in item.operations {
                operations.append(
                    Entry(method: method, path: path, isWebhook: isWebhook, operationId: operation.operationId, tags: operation.tags))
                var seen = Set<String>()
                for tag in operation.tags where seen.insert(tag).inserted {
                    if counts[tag] == nil { order.append(tag) }
                    counts[tag, default: 0] += 1
                }
            }
        }
        tags = order.map { ($0, counts[$0]!) }
    }

    public func operationCount(tag: String) -> Int {
        tags.first { $0.name == tag }?.count ?? 0
    }

    /// Component schemas in spec order, each with how many operations reach it: what keeping one of
    /// those operations generates along with it.
    public static func schemaUses(in document: OpenAPIDocument) -> [(name: String, operationCount: Int)] {
        var uses: [String: Int] = [:]
        for (_, item, _) in items(document) {
            for entry in item.operations {
                var single = item
                single.operations = [entry]
                var reach = ComponentReach(document: document)
                reach.add(pathItem: single)
                for key in reach.reached where key.kind == .schemas { uses[key.name, default: 0] += 1 }
            }
        }
        return document.components.schemas.keys.map { ($0, uses[$0] ?? 0) }
    }

    private static func items(_ document: OpenAPIDocument) -> [(String, PathItem, Bool)] {
        document.paths.map { ($0.key, $0.value, false) } + document.webhooks.map { ($0.key, $0.value, true) }
    }
}
