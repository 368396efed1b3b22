import KilnDiagnostics
import KilnOpenAPI
import KilnYAML

/// Translates schemas into Swift types: component schemas become top-level declarations, inline
/// schemas that need a declaration (objects, enums, oneOf) become nested types of their owner.
final class ModelTranslator {
    let document: OpenAPIDocument
    let access: AccessLevel
    let analysis: SchemaAnalysis
    private let recursion: RecursionGraph
    /// Component schema name -> Swift type name, decided up front so references resolve in any order.
    private(set) var componentTypeNames: [String: String] = [:]
    /// Type names at file level: components, hoisted operation types, the client.
    var topLevelScope: NameScope
    /// Types used as query, header, path or cookie parameters; they get a ParameterEncodable conformance.
    var parameterTypes = Set<String>()
    /// Names of every struct declared, to tell object-typed parameters apart.
    private(set) var structTypes = Set<String>()
    /// Enums of plain values and component aliases, to tell which parameters the runtime can encode.
    private(set) var primitiveEnumTypes = Set<String>()
    private(set) var aliasTypes: [String: SwiftType] = [:]
    /// Where the generator says what it does instead when a spec asks for something it cannot generate.
    let diagnostics: DiagnosticCollector
    /// Component schemas that are PATCH request bodies: their optional nullable fields become
    /// `PatchValue`, so "leave unchanged" (absent) and "clear" (null) are different values.
    let patchBodySchemas: Set<String>

    /// Component schemas that are existing Swift types (`typeOverrides`): referenced, never declared.
    private let typeOverrides: [String: String]

    init(
        document: OpenAPIDocument, access: AccessLevel, reservedNames: Set<String>,
        typeOverrides: [String: String] = [:], diagnostics: DiagnosticCollector = DiagnosticCollector()
    ) {
        self.typeOverrides = typeOverrides
        self.document = document
        self.diagnostics = diagnostics
        self.access = access
        self.analysis = SchemaAnalysis(document: document)
        self.recursion = RecursionGraph(analysis: analysis)
        self.topLevelScope = NameScope(reserved: reservedNames.union(SwiftNaming.reservedTypeNames))
        self.patchBodySchemas = Self.patchBodySchemas(in: document)
        // Names that are already exactly right (`OrgTitle`, or an `x-kiln-name`) are claimed first, so a
        // derived name (`Org.Title` -> `OrgTitle`) is the one that gets a number when they collide.
        componentTypeNames = typeOverrides
        let preferred = document.components.schemas.filter { typeOverrides[$0.key] == nil }.map { name, schema in
            if let chosen = schema.extensions["x-kiln-name"]?.scalar?.text {
                return (name: name, typeName: SwiftNaming.chosenTypeName(chosen), exact: true)
            }
            let typeName = SwiftNaming.typeName(name)
            return (name: name, typeName: typeName, exact: typeName == name)
        }
        for entry in preferred where entry.exact {
            componentTypeNames[entry.name] = topLevelScope.claim(entry.typeName)
        }
        for entry in preferred where !entry.exact {
            componentTypeNames[entry.name] = topLevelScope.claim(entry.typeName)
        }
    }

    private static func patchBodySchemas(in document: OpenAPIDocument) -> Set<String> {
        var names = Set<String>()
        for (_, item) in document.paths {
            for (method, operation) in item.operations where method == .patch {
                guard let body = operation.requestBody.flatMap(document.resolve) else { continue }
                for (_, media) in body.content {
                    if let name = media.schema?.ref?.componentName { names.insert(name) }
                }
            }
        }
        return names
    }

    /// Declarations for all component schemas, in spec order.
    func componentDeclarations() -> [Declaration] {
        let all = document.components.schemas.flatMap { name, schema -> [Declaration] in
            guard typeOverrides[name] == nil, let typeName = componentTypeNames[name] else { return [] }
            return declarations(
                for: schema, named: typeName, component: name, provenance: "#/components/schemas/\(name)")
        }
        let resolved = TypeCycles.resolve(all, access: access)
        structTypes.formUnion(resolved.wrappers)
        for case .typealias(let alias) in resolved.declarations { aliasTypes[alias.name] = alias.type }
        return resolved.declarations
    }

    /// Declarations for `schema` under `typeName`: a struct or an enum, or a typealias for anything that
    /// maps onto an existing type (plus, rarely, top-level types the alias needs, such as an item enum).
    func declarations(for schema: Schema, named typeName: String, component: String?, provenance: String) -> [Declaration] {
        let documentation = Documentation.lines(
            summary: schema.title, description: schema.description, provenance: provenance)
        if let kind = declarationKind(of: schema) {
            return [build(kind, schema: schema, named: typeName, component: component, documentation: documentation)]
        }
        var nested: [Declaration] = []
        var scope = topLevelScope
        // An array or map alias names its element `<Alias>Item`/`<Alias>Value` (not `<Alias>ValueValue`).
        let isContainer = schema.items != nil || schema.additionalProperties != nil
        let hint = isContainer ? typeName : typeName + "Value"
        let type = swiftType(for: schema, hint: hint, owner: component, nested: &nested, scope: &scope)
        topLevelScope = scope
        let alias = Declaration.typealias(TypeAliasDeclaration(info: info(documentation), name: typeName, type: type))
        return [alias] + nested
    }

    /// The memberwise initializer's parameters of `typeName`, the struct declared for a body's `schema` (a
    /// component reference or the inline object): what a method taking the fields one by one declares. Nil
    /// for anything else (an existing Swift type, a union).
    func initializerParameters(of typeName: String, declaredFor schema: Schema) -> [Parameter]? {
        var declared = schema
        var component: String?
        if let name = schema.ref?.componentName {
            guard typeOverrides[name] == nil, componentTypeNames[name] == typeName,
                let target = document.components.schemas[name]
            else { return nil }
            declared = target
            component = name
        }
        guard declarationKind(of: declared) == .object else { return nil }
        return StructBuilder(translator: self, schema: declared, typeName: typeName, component: component)
            .initializerParameters()
    }

    enum DeclarationKind {
        case object, enumeration, oneOf
    }

    var parameterEncodability: ParameterEncodability {
        ParameterEncodability(primitiveTypes: primitiveEnumTypes, structTypes: structTypes, aliases: aliasTypes)
    }

    /// Which declaration a schema needs, or nil when it maps onto an existing type.
    func declarationKind(of schema: Schema) -> DeclarationKind? {
        if schema.isPureReference || schema.booleanSchema != nil { return nil }
        if analysis.nullableWrapped(schema) != nil { return nil }
        if let values = schema.enumValues, EnumBuilder.rawType(of: schema, values: values) != nil {
            return .enumeration
        }
        let variants = schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf
        if !variants.isEmpty && schema.properties.isEmpty { return .oneOf }
        if analysis.isObjectWithProperties(schema) { return .object }
        return nil
    }

    private func build(
        _ kind: DeclarationKind, schema: Schema, named typeName: String, component: String?, documentation: [String]
    ) -> Declaration {
        switch kind {
        case .object:
            structTypes.insert(typeName)
            return StructBuilder(translator: self, schema: schema, typeName: typeName, component: component)
                .build(documentation: documentation)
        case .enumeration:
            primitiveEnumTypes.insert(typeName)
            return EnumBuilder(translator: self, schema: schema, typeName: typeName).build(documentation: documentation)
        case .oneOf:
            return OneOfBuilder(translator: self, schema: schema, typeName: typeName, component: component)
                .build(documentation: documentation)
        }
    }

    /// The Swift type of a schema used somewhere (a property, a parameter, a body). Inline schemas that
    /// need a declaration get one in `nested`, named from `hint` within `scope`.
    func swiftType(
        for schema: Schema, hint: String, owner: String?, nested: inout [Declaration], scope: inout NameScope
    ) -> SwiftType {
        let type = nonOptionalType(for: schema, hint: hint, owner: owner, nested: &nested, scope: &scope)
        return schema.isNullable ? type.optional : type
    }

    private func nonOptionalType(
        for schema: Schema, hint: String, owner: String?, nested: inout [Declaration], scope: inout NameScope
    ) -> SwiftType {
        if let flag = schema.booleanSchema { return flag ? .json : .json }
        if let name = schema.ref?.componentName, schema.allOf.isEmpty, schema.oneOf.isEmpty, schema.anyOf.isEmpty,
            schema.properties.isEmpty, schema.enumValues == nil
        {
            // A ref with only documentation (or 3.0's ignored siblings) beside it.
            return componentTypeNames[name].map(SwiftType.named) ?? .json
        }
        if let wrapped = analysis.nullableWrapped(schema) {
            return swiftType(for: wrapped, hint: hint, owner: owner, nested: &nested, scope: &scope).optional
        }
        if schema.allOf.count == 1, schema.properties.isEmpty, let only = schema.allOf.first,
            only.ref != nil || declarationKind(of: only) == nil
        {
            // `allOf: [$ref]` is how 3.0 specs attach a description to a reference.
            return swiftType(for: only, hint: hint, owner: owner, nested: &nested, scope: &scope)
        }
        if let kind = declarationKind(of: schema) {
            let name = scope.claim(SwiftNaming.typeName(hint))
            // Inline types keep their owner: a nested struct that stores the owner again needs indirection.
            nested.append(build(kind, schema: schema, named: name, component: owner, documentation: Documentation.lines(
                summary: schema.title, description: schema.description)))
            return .named(name)
        }
        return primitiveType(for: schema, hint: hint, owner: owner, nested: &nested, scope: &scope)
    }

    private func primitiveType(
        for schema: Schema, hint: String, owner: String?, nested: inout [Declaration], scope: inout NameScope
    ) -> SwiftType {
        var types = schema.types
        if types.isEmpty {
            if schema.items != nil { types = [.array] }
            else if schema.additionalProperties != nil { types = [.object] }
            else if let constant = schema.constValue?.scalar?.resolved {
                switch constant {
                case .string: types = [.string]
                case .integer: types = [.integer]
                case .float: types = [.number]
                case .bool: types = [.boolean]
                case .null: break
                }
            }
        }
        if Set(types) == [.integer, .number] { types = [.number] }
        // A lenient number can say so in plain JSON Schema too (`type: [integer, string]`): still a number.
        if schema.isMarkedLenientNumber, types.count == 2,
            types.contains(.string), types.contains(where: { $0 == .integer || $0 == .number })
        {
            types.removeAll { $0 == .string }
        }
        guard types.count == 1, let type = types.first else { return .json }
        switch type {
        case .string:
            return stringType(format: schema.format, contentEncoding: schema.contentEncoding)
        case .integer:
            switch schema.format {
            case "int32": return .named("Int32")
            case "int64": return .named("Int64")
            default: return .int
            }
        case .number:
            return schema.format == "float" ? .named("Float") : .double
        case .boolean:
            return .bool
        case .array:
            guard let items = schema.items else { return .array(.json) }
            return .array(swiftType(for: items, hint: hint + "Item", owner: owner, nested: &nested, scope: &scope))
        case .object:
            switch schema.additionalProperties {
            case .schema(let values)?:
                return .dictionary(
                    swiftType(for: values, hint: hint + "Value", owner: owner, nested: &nested, scope: &scope))
            default:
                return .dictionary(.json)
            }
        case .null:
            return .json
        }
    }

    func stringType(format: String?, contentEncoding: String?) -> SwiftType {
        if contentEncoding == "base64" { return .data }
        switch format {
        case "date-time": return .named("Date")
        case "date": return .named("CalendarDate")
        case "binary", "byte": return .data
        default: return .string
        }
    }

    /// Whether storing a property of `type` inside component `owner` needs indirection.
    func needsIndirection(owner: String?, propertySchema: Schema) -> Bool {
        guard let owner else { return false }
        let target = analysis.nullableWrapped(propertySchema) ?? propertySchema
        guard let name = target.ref?.componentName, typeOverrides[name] == nil,
            let component = document.components.schemas[name], declarationKind(of: component) == .object || component.isPureReference
        else { return false }
        return recursion.storingCreatesCycle(owner: owner, target: name)
    }

    /// Type names of the components that `schemas` and their inline parts refer to. Types nested in a
    /// declaration must not take these names: inside it, the nested type would shadow the component.
    func referencedComponentTypeNames(in schemas: [Schema]) -> Set<String> {
        var names = Set<String>()
        var pending = schemas
        while let schema = pending.popLast() {
            if let name = schema.ref?.componentName, let typeName = componentTypeNames[name] { names.insert(typeName) }
            pending += schema.children
        }
        return names
    }

    /// `x-kiln-lenient-number` on the property, on the schema it references (a shared `RecordId`), or on
    /// the items of an array property (`ids: [RecordId]`, decoded element by element).
    func isLenientNumber(_ property: Schema) -> Bool {
        let direct = { (schema: Schema) -> Bool in
            if schema.isMarkedLenientNumber { return true }
            guard schema.isPureReference, let target = self.document.resolve(schema) else { return false }
            return target.isMarkedLenientNumber
        }
        if direct(property) { return true }
        let resolved = document.resolve(property) ?? property
        guard resolved.types.contains(.array), let items = resolved.items, !(document.resolve(items) ?? items).isNullable
        else { return false }
        return direct(items)
    }

    func info(_ documentation: [String]) -> DeclarationInfo {
        DeclarationInfo(documentation: documentation, access: access)
    }
}

extension Schema {
    /// `x-kiln-lenient-number: true` on this schema itself (not through a reference).
    var isMarkedLenientNumber: Bool {
        extensions["x-kiln-lenient-number"]?.scalar?.resolved == .bool(true)
    }
}
