import KilnText
import KilnDiagnostics
import KilnYAML

/// Resolves every `$ref` of a document and bundles it: objects from other files, and objects a ref
/// points to outside `components`, are imported into `components`, and every ref is rewritten to
/// `#/components/<kind>/<name>`. Later stages then need only one kind of lookup.
/// Dangling or ill-formed refs are reported at the ref's own line and column.
final class ReferenceResolver {
    private var document: OpenAPIDocument
    private let mainFile: String
    private let diagnostics: DiagnosticCollector
    private let references: NodeReferences
    /// "kind file#pointer" of an imported object -> its component name.
    private var imported: [String: String] = [:]
    /// Names given to imports, reserved before the object is stored so recursive refs find them.
    private var reservedNames: [ComponentKind: Set<String>] = [:]
    /// Pure `$ref`s followed in a row by `rewrite`; bounded so a cycle of them ends.
    private var chainDepth = 0

    init(document: OpenAPIDocument, references: NodeReferences, diagnostics: DiagnosticCollector) {
        self.document = document
        self.mainFile = NodeReferences.normalize(document.file)
        self.references = references
        self.diagnostics = diagnostics
    }

    func resolve() -> OpenAPIDocument {
        adoptExternalSchemaComponents()
        var components = document.components
        for (name, schema) in components.schemas { components.schemas[name] = resolveSchema(schema) }
        for (name, value) in components.responses {
            components.responses[name] = resolveRef(value, .responses, resolveResponse)
        }
        for (name, value) in components.parameters {
            components.parameters[name] = resolveRef(value, .parameters, resolveParameter)
        }
        for (name, value) in components.examples {
            components.examples[name] = resolveRef(value, .examples) { $0 }
        }
        for (name, value) in components.requestBodies {
            components.requestBodies[name] = resolveRef(value, .requestBodies, resolveRequestBody)
        }
        for (name, value) in components.headers {
            components.headers[name] = resolveRef(value, .headers, resolveHeader)
        }
        for (name, value) in components.securitySchemes {
            components.securitySchemes[name] = resolveRef(value, .securitySchemes) { $0 }
        }
        for (name, value) in components.callbacks {
            components.callbacks[name] = resolveRef(value, .callbacks, resolveCallback)
        }
        for (name, item) in components.pathItems { components.pathItems[name] = resolvePathItem(item) }
        // Imports made while resolving are already in `document.components`; merge the resolved originals in.
        mergeResolved(components)

        for (path, item) in document.paths { document.paths[path] = resolvePathItem(item) }
        for (name, item) in document.webhooks { document.webhooks[name] = resolvePathItem(item) }
        return document
    }

    /// `Pet: {$ref: 'pet.yaml'}` in components.schemas (how multi-file specs list their models) names the
    /// file's schema `Pet`: the target takes the component's place, so it is not imported a second time
    /// as `pet` behind an alias.
    private func adoptExternalSchemaComponents() {
        for (name, schema) in document.components.schemas where schema.isPureReference {
            guard let ref = schema.ref, !ref.ref.hasPrefix("#"),
                let target = references.parse(ref.ref, at: ref.location, expecting: "a schema"),
                target.file != mainFile, imported["schemas \(target.key)"] == nil,
                let node = references.node(at: target, ref: ref.ref, at: ref.location),
                NodeReferences.refText(of: node) == nil,
                let adopted = SchemaParser.parse(
                    node, ParseContext(version: document.version, diagnostics: diagnostics, references: references))
            else { continue }
            imported["schemas \(target.key)"] = name
            var merged = adopted
            merged.description = merged.description ?? schema.description
            document.components.schemas[name] = merged
        }
    }

    private func mergeResolved(_ resolved: Components) {
        for (name, value) in resolved.schemas { document.components.schemas[name] = value }
        for (name, value) in resolved.responses { document.components.responses[name] = value }
        for (name, value) in resolved.parameters { document.components.parameters[name] = value }
        for (name, value) in resolved.examples { document.components.examples[name] = value }
        for (name, value) in resolved.requestBodies { document.components.requestBodies[name] = value }
        for (name, value) in resolved.headers { document.components.headers[name] = value }
        for (name, value) in resolved.securitySchemes { document.components.securitySchemes[name] = value }
        for (name, value) in resolved.callbacks { document.components.callbacks[name] = value }
        for (name, value) in resolved.pathItems { document.components.pathItems[name] = value }
    }

    // MARK: - Walking the model

    private func resolveRef<T>(
        _ value: Referenceable<T>, _ kind: ComponentKind, _ walk: (T) -> T
    ) -> Referenceable<T> {
        switch value {
        case .value(let inner):
            return .value(walk(inner))
        case .reference(let reference):
            return .reference(rewrite(reference, kind))
        }
    }

    private func resolvePathItem(_ item: PathItem) -> PathItem {
        var item = item
        item.parameters = item.parameters.map { resolveRef($0, .parameters, resolveParameter) }
        item.operations = item.operations.map { ($0.method, resolveOperation($0.operation)) }
        if let ref = item.ref {
            item.ref = rewrite(ref, .pathItems)
            inlineReferencedItem(into: &item)
        }
        return item
    }

    /// A path item that is a `$ref` gets the target's operations, parameters and texts, so later stages
    /// never drop an operation behind a ref. The item's own fields win, as 3.1 allows siblings of `$ref`.
    private func inlineReferencedItem(into item: inout PathItem) {
        guard let name = item.ref?.componentName, let target = document.components.pathItems[name] else { return }
        let own = Set(item.operations.map(\.method))
        item.operations = target.operations.filter { !own.contains($0.method) } + item.operations
        let ownParameters = Set(item.parameters.compactMap { document.resolve($0).map { "\($0.location):\($0.name)" } })
        item.parameters = target.parameters.filter { parameter in
            guard let resolved = document.resolve(parameter) else { return true }
            return !ownParameters.contains("\(resolved.location):\(resolved.name)")
        } + item.parameters
        item.summary = item.summary ?? target.summary
        item.description = item.description ?? target.description
        item.servers = item.servers ?? target.servers
    }

    private func resolveOperation(_ operation: Operation) -> Operation {
        var operation = operation
        operation.parameters = operation.parameters.map { resolveRef($0, .parameters, resolveParameter) }
        operation.requestBody = operation.requestBody.map { resolveRef($0, .requestBodies, resolveRequestBody) }
        operation.responses = operation.responses.mapValues { resolveRef($0, .responses, resolveResponse) }
        operation.callbacks = operation.callbacks.mapValues { resolveRef($0, .callbacks, resolveCallback) }
        return operation
    }

    private func resolveCallback(_ callback: OrderedMap<PathItem>) -> OrderedMap<PathItem> {
        callback.mapValues { resolvePathItem($0) }
    }

    private func resolveParameter(_ parameter: Parameter) -> Parameter {
        var parameter = parameter
        parameter.schema = parameter.schema.map { resolveSchema($0) }
        parameter.content = parameter.content.mapValues { resolveMediaType($0) }
        parameter.examples = parameter.examples.mapValues { resolveRef($0, .examples) { $0 } }
        return parameter
    }

    private func resolveHeader(_ header: Header) -> Header {
        var header = header
        header.schema = header.schema.map { resolveSchema($0) }
        header.content = header.content.mapValues { resolveMediaType($0) }
        header.examples = header.examples.mapValues { resolveRef($0, .examples) { $0 } }
        return header
    }

    private func resolveRequestBody(_ body: RequestBody) -> RequestBody {
        var body = body
        body.content = body.content.mapValues { resolveMediaType($0) }
        return body
    }

    private func resolveResponse(_ response: Response) -> Response {
        var response = response
        response.headers = response.headers.mapValues { resolveRef($0, .headers, resolveHeader) }
        response.content = response.content.mapValues { resolveMediaType($0) }
        return response
    }

    private func resolveMediaType(_ media: MediaType) -> MediaType {
        var media = media
        media.schema = media.schema.map { resolveSchema($0) }
        if let itemSchema = media.itemSchema { media.itemSchema = resolveSchema(itemSchema) }
        media.examples = media.examples.mapValues { resolveRef($0, .examples) { $0 } }
        media.encoding = media.encoding.mapValues { encoding in
            var encoding = encoding
            encoding.headers = encoding.headers.mapValues { resolveRef($0, .headers, resolveHeader) }
            return encoding
        }
        return media
    }

    private func resolveSchema(_ schema: Schema) -> Schema {
        var schema = schema
        // Assign only what exists: the first assignment copies the schema's fields (copy on write), and most
        // schemas are leaves with nothing to rewrite, which then stay shared with the parsed document.
        if let ref = schema.ref { schema.ref = rewrite(ref, .schemas) }
        if !schema.properties.isEmpty { schema.properties = schema.properties.mapValues { resolveSchema($0) } }
        if case .schema(let nested) = schema.additionalProperties {
            schema.additionalProperties = .schema(resolveSchema(nested))
        }
        if let items = schema.items { schema.items = resolveSchema(items) }
        if !schema.prefixItems.isEmpty { schema.prefixItems = schema.prefixItems.map { resolveSchema($0) } }
        if !schema.allOf.isEmpty { schema.allOf = schema.allOf.map { resolveSchema($0) } }
        if !schema.oneOf.isEmpty { schema.oneOf = schema.oneOf.map { resolveSchema($0) } }
        if !schema.anyOf.isEmpty { schema.anyOf = schema.anyOf.map { resolveSchema($0) } }
        if let not = schema.not { schema.not = resolveSchema(not) }
        if var discriminator = schema.discriminator {
            for (value, target) in discriminator.mapping {
                let location = discriminator.mappingLocations[value] ?? discriminator.location
                discriminator.mapping[value] = resolveDiscriminatorTarget(target, at: location)
            }
            schema.discriminator = discriminator
        }
        return schema
    }

    /// Mapping values are refs (`#/components/schemas/Dog`, `dog.yaml`) or bare component names (`Dog`).
    private func resolveDiscriminatorTarget(_ target: String, at location: SourceLocation) -> String {
        let looksLikeReference = target.contains("#") || target.contains("/") || target.hasSuffix(".yaml")
            || target.hasSuffix(".yml") || target.hasSuffix(".json")
        if looksLikeReference {
            return rewrite(Reference(target, at: location), .schemas).ref
        }
        // A bare name in another file names a component of that file, which Kiln does not bundle by name.
        if NodeReferences.normalize(location.file) == mainFile && document.components.schemas[target] == nil {
            diagnostics.error(
                "discriminator mapping names '\(target)', but there is no schema '\(target)' in components.schemas",
                at: location)
        }
        return "#/components/schemas/\(JSONPointer.escape(target))"
    }

    // MARK: - Rewriting one reference

    /// A ref resolves against the file that holds it, which its location names.
    private func rewrite(_ reference: Reference, _ kind: ComponentKind) -> Reference {
        let text = reference.ref
        guard let target = references.parse(text, at: reference.location, expecting: kind.singular, section: kind.rawValue)
        else { return reference }
        if target.file == mainFile, target.segments.count == 3, target.segments[0] == "components",
            let resolved = rewriteComponentReference(reference, kind: kind, section: target.segments[1], name: target.segments[2])
        {
            return resolved
        }
        let key = "\(kind.rawValue) \(target.key)"
        if let name = imported[key] {
            return Reference(Self.componentRef(kind, name), at: reference.location)
        }
        guard let node = references.node(at: target, ref: text, at: reference.location) else { return reference }
        // A target that is itself only a `$ref` stands for what that names: no alias component in between.
        if node.mapping?.count == 1, let next = NodeReferences.refText(of: node), let nextNode = node["$ref"],
            chainDepth < NodeReferences.maximumExpansionDepth
        {
            chainDepth += 1
            defer { chainDepth -= 1 }
            return Reference(rewrite(Reference(next, at: nextNode.location), kind).ref, at: reference.location)
        }
        return importObject(node, kind: kind, key: key, segments: target.segments, file: target.file, from: reference)
    }

    /// A ref to `#/components/<section>/<name>`. One to a component of another kind with a fitting shape
    /// (a request body used as a response) returns nil after a warning: the caller imports the target as
    /// the expected kind.
    private func rewriteComponentReference(
        _ reference: Reference, kind: ComponentKind, section: String, name: String
    ) -> Reference? {
        guard section == kind.rawValue else {
            guard let found = ComponentKind(rawValue: section), kind != .schemas, found != .schemas else {
                let found = ComponentKind(rawValue: section).map { "points to \($0.singular)" } ?? "points into 'components.\(section)'"
                diagnostics.error(
                    "$ref '\(reference.ref)' \(found), but \(kind.singular) is expected here", at: reference.location)
                return reference
            }
            diagnostics.warning(
                "$ref '\(reference.ref)' points to \(found.singular), but \(kind.singular) is expected here; "
                    + "reading it as \(kind.singular)",
                at: reference.location)
            return nil
        }
        guard document.components.contains(kind, name) else {
            diagnostics.error(
                "$ref '\(reference.ref)' points to nothing: there is no '\(name)' in components.\(kind.rawValue)",
                at: reference.location)
            return reference
        }
        return Reference(Self.componentRef(kind, name), at: reference.location)
    }

    private func importObject(
        _ node: YAMLNode, kind: ComponentKind, key: String, segments: [String], file: String, from reference: Reference
    ) -> Reference {
        let baseName = segments.last ?? FilePaths.removingExtension(FilePaths.fileName(of: file))
        let name = uniqueName(Self.componentName(baseName), kind)
        imported[key] = name
        reservedNames[kind, default: []].insert(name)
        let context = ParseContext(version: document.version, diagnostics: diagnostics, references: references)
        switch kind {
        case .schemas:
            guard let schema = SchemaParser.parse(node, context) else { break }
            document.components.schemas[name] = schema
            document.components.schemas[name] = resolveSchema(schema)
        case .responses:
            importValue(node, context, OperationParser.response, resolveResponse) {
                document.components.responses[name] = $0
            }
        case .parameters:
            importValue(node, context, OperationParser.parameter, resolveParameter) {
                document.components.parameters[name] = $0
            }
        case .examples:
            importValue(node, context, OperationParser.example, { $0 }) {
                document.components.examples[name] = $0
            }
        case .requestBodies:
            importValue(node, context, OperationParser.requestBody, resolveRequestBody) {
                document.components.requestBodies[name] = $0
            }
        case .headers:
            importValue(node, context, OperationParser.header, resolveHeader) {
                document.components.headers[name] = $0
            }
        case .securitySchemes:
            importValue(node, context, SecuritySchemeParser.parse, { $0 }) {
                document.components.securitySchemes[name] = $0
            }
        case .callbacks:
            importValue(node, context, OperationParser.callback, resolveCallback) {
                document.components.callbacks[name] = $0
            }
        case .pathItems:
            if let item = OperationParser.pathItem(node, context) {
                document.components.pathItems[name] = item
                document.components.pathItems[name] = resolvePathItem(item)
            }
        case .links:
            document.components.links[name] = node
        }
        return Reference(Self.componentRef(kind, name), at: reference.location)
    }

    private func importValue<T>(
        _ node: YAMLNode, _ context: ParseContext,
        _ parse: (YAMLNode, ParseContext) -> T?, _ walk: (T) -> T,
        _ store: (Referenceable<T>) -> Void
    ) {
        guard let parsed = context.referenceable(node, { parse($0, context) }) else { return }
        store(parsed)
        store(resolveRef(parsed, kindOf(parsed), walk))
    }

    /// Nested `$ref`s inside an imported non-schema object keep the object's own kind.
    private func kindOf<T>(_ value: Referenceable<T>) -> ComponentKind {
        switch T.self {
        case is Response.Type: .responses
        case is Parameter.Type: .parameters
        case is Example.Type: .examples
        case is RequestBody.Type: .requestBodies
        case is Header.Type: .headers
        case is SecurityScheme.Type: .securitySchemes
        default: .callbacks
        }
    }

    private func uniqueName(_ name: String, _ kind: ComponentKind) -> String {
        var candidate = name
        var counter = 2
        while document.components.contains(kind, candidate) || reservedNames[kind]?.contains(candidate) == true {
            candidate = "\(name)\(counter)"
            counter += 1
        }
        return candidate
    }

    // MARK: - Names and paths

    private static func componentRef(_ kind: ComponentKind, _ name: String) -> String {
        "#/components/\(kind.rawValue)/\(JSONPointer.escape(name))"
    }

    /// Component names allow `[A-Za-z0-9._-]` only.
    private static func componentName(_ raw: String) -> String {
        let allowed = raw.unicodeScalars.map { scalar -> Character in
            let value = scalar.value
            let ok = (48...57).contains(value) || (65...90).contains(value) || (97...122).contains(value)
                || scalar == "." || scalar == "_" || scalar == "-"
            return ok ? Character(scalar) : "_"
        }
        let name = String(allowed)
        return name.isEmpty ? "Imported" : name
    }
}
