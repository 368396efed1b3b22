import KilnDiagnostics
import KilnYAML

/// `nameOverrides` in kiln.json: a JSON pointer to a component schema, a property, an operation or a
/// parameter -> the Swift name to use. Applied by setting `x-kiln-name` on the object the pointer
/// designates, so one place in the generator decides names and the same rules hold as for a name the spec
/// chose itself. A parameter is designated by its index in the list or by its name.
public struct NameOverride: Sendable {
    public var pointer: LocatedText
    public var name: LocatedText

    public init(pointer: LocatedText, name: LocatedText) {
        self.pointer = pointer
        self.name = name
    }
}

enum NameOverrides {
    /// Applies every override that designates something; returns the canonical pointer of each applied one.
    static func apply(
        _ overrides: [NameOverride], to document: inout OpenAPIDocument, diagnostics: DiagnosticCollector
    ) -> [(canonical: String, entry: LocatedText)] {
        var applied: [(String, LocatedText)] = []
        for override in overrides {
            guard let pointer = OverridePointer(override.pointer, diagnostics: diagnostics) else { continue }
            let node = YAMLNode(.scalar(YAMLScalar(text: override.name.text, style: .doubleQuoted)), at: override.name.location)
            if let canonical = rename(&document, pointer, node, diagnostics) { applied.append((canonical, override.pointer)) }
        }
        return applied
    }

    private static func rename(
        _ document: inout OpenAPIDocument, _ pointer: OverridePointer, _ name: YAMLNode, _ diagnostics: DiagnosticCollector
    ) -> String? {
        let segments = pointer.segments
        func missing(_ index: Int, _ candidates: [String]) -> String? {
            pointer.missing(at: index, among: candidates, diagnostics: diagnostics)
            return nil
        }
        switch segments.first {
        case "components":
            guard segments.count >= 3 else { return missing(segments.count, []) }
            switch segments[1] {
            case "schemas":
                guard var schema = document.components.schemas[segments[2]] else {
                    return missing(2, document.components.schemas.keys)
                }
                guard SchemaPointerEdit.edit(&schema, pointer, from: 3, diagnostics: diagnostics, { $0.extensions["x-kiln-name"] = name })
                else { return nil }
                document.components.schemas[segments[2]] = schema
                return pointer.prefix(segments.count)
            case "parameters":
                guard case .value(var parameter)? = document.components.parameters[segments[2]] else {
                    return missing(2, document.components.parameters.keys)
                }
                guard segments.count == 3 else { return missing(3, []) }
                parameter.extensions["x-kiln-name"] = name
                document.components.parameters[segments[2]] = .value(parameter)
                return pointer.prefix(3)
            default:
                return missing(1, ["schemas", "parameters"])
            }
        case "paths":
            guard segments.count >= 2, var item = document.paths[segments[1]] else { return missing(1, document.paths.keys) }
            let methods = item.operations.map(\.method.rawValue)
            guard segments.count >= 3 else { return missing(2, methods + ["parameters"]) }
            defer { document.paths[segments[1]] = item }
            if segments[2] == "parameters" {
                guard segments.count == 4, let index = parameterIndex(segments[3], in: item.parameters, document) else {
                    return missing(3, parameterNames(item.parameters, document))
                }
                item.parameters[index] = renamed(item.parameters[index], name, document)
                return pointer.prefix(3) + "/\(index)"
            }
            guard let position = item.operations.firstIndex(where: { $0.method.rawValue == segments[2] }) else {
                return missing(2, methods + ["parameters"])
            }
            var operation = item.operations[position].operation
            defer { item.operations[position].operation = operation }
            if segments.count == 3 {
                operation.extensions["x-kiln-name"] = name
                return pointer.prefix(3)
            }
            guard segments[3] == "parameters" else { return missing(3, ["parameters"]) }
            guard segments.count == 5, let index = parameterIndex(segments[4], in: operation.parameters, document) else {
                return missing(4, parameterNames(operation.parameters, document))
            }
            operation.parameters[index] = renamed(operation.parameters[index], name, document)
            return pointer.prefix(4) + "/\(index)"
        default:
            return missing(0, ["components", "paths"])
        }
    }

    /// An index into the list, or the name of a parameter in it.
    private static func parameterIndex(_ segment: String, in list: [Referenceable<Parameter>], _ document: OpenAPIDocument) -> Int? {
        if let index = Int(segment) { return list.indices.contains(index) ? index : nil }
        return list.firstIndex { document.resolve($0)?.name == segment }
    }

    private static func parameterNames(_ list: [Referenceable<Parameter>], _ document: OpenAPIDocument) -> [String] {
        list.compactMap { document.resolve($0)?.name }
    }

    /// A referenced parameter is copied in place, so renaming this use leaves other operations' alone.
    private static func renamed(
        _ value: Referenceable<Parameter>, _ name: YAMLNode, _ document: OpenAPIDocument
    ) -> Referenceable<Parameter> {
        guard var parameter = document.resolve(value) else { return value }
        parameter.extensions["x-kiln-name"] = name
        return .value(parameter)
    }
}
