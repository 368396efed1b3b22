/// Renders the IR to final Swift text: the only place that knows Swift's spelling and layout.
public enum SwiftRenderer {
    public static func render(_ file: SwiftFile) -> String {
        assemble(headerComment: file.headerComment, imports: file.imports, declarations: file.declarations.map(render))
    }

    /// One top-level declaration as text, so callers can size declarations before placing them in files.
    public static func render(_ declaration: Declaration) -> String {
        var printer = CodePrinter()
        render(declaration, into: &printer)
        return printer.compactText
    }

    /// A file from declarations rendered earlier, separated by blank lines.
    public static func assemble(headerComment: [String], imports: [String], declarations: [String]) -> String {
        assemble(headerComment: headerComment, importLines: imports.map { "import \($0)" }, declarations: declarations)
    }

    /// As above, with each import line given whole (`@testable import IServ`).
    static func assemble(headerComment: [String], importLines: [String], declarations: [String]) -> String {
        var head = ""
        for line in headerComment { head += "// \(line)".trimmingTrailingSpaces + "\n" }
        if !headerComment.isEmpty { head += "\n" }
        for line in importLines { head += line + "\n" }
        if !importLines.isEmpty && !declarations.isEmpty { head += "\n" }
        // Sized up front: a large spec's file is hundreds of KB, and growing it by doubling (or joining
        // first) held up to three copies at generation's peak memory.
        var text = ""
        text.reserveCapacity(head.utf8.count + declarations.reduce(declarations.count) { $0 + $1.utf8.count })
        text += head
        for (index, declaration) in declarations.enumerated() {
            if index > 0 { text += "\n" }
            text += declaration
        }
        return text
    }

    private static func render(_ declarations: [Declaration], separated: Bool, into printer: inout CodePrinter) {
        for (index, declaration) in declarations.enumerated() {
            if index > 0 && (separated || needsBlankLine(declarations[index - 1], declaration)) { printer.blank() }
            render(declaration, into: &printer)
        }
    }

    /// Stored properties and cases stay together; anything with a body gets air around it.
    private static func needsBlankLine(_ previous: Declaration, _ next: Declaration) -> Bool {
        switch (previous, next) {
        case (.enumCase, .enumCase), (.associatedType, .associatedType), (.associatedType, .variable): false
        case (.variable(let a), .variable(let b)): a.getter != nil || b.getter != nil || !b.info.documentation.isEmpty
        default: true
        }
    }

    private static func render(_ declaration: Declaration, into printer: inout CodePrinter) {
        switch declaration {
        case .type(let type): render(type, into: &printer)
        case .extension(let ext): render(ext, into: &printer)
        case .typealias(let alias):
            header(alias.info, into: &printer)
            printer.line("\(alias.info.access.prefix)typealias \(alias.name) = \(alias.type)")
        case .function(let function): render(function, into: &printer)
        case .variable(let variable): render(variable, into: &printer)
        case .initializer(let initializer): render(initializer, into: &printer)
        case .enumCase(let enumCase): render(enumCase, into: &printer)
        case .associatedType(let name, let constraint): printer.line("associatedtype \(name): \(constraint)")
        }
    }

    private static func header(_ info: DeclarationInfo, into printer: inout CodePrinter) {
        for line in info.documentation { printer.line("/// \(line)".trimmingTrailingSpaces) }
        for attribute in info.attributes { printer.line(attribute) }
    }

    private static func conformanceList(_ conformances: [String]) -> String {
        conformances.isEmpty ? "" : ": " + conformances.joined(separator: ", ")
    }

    private static func render(_ type: TypeDeclaration, into printer: inout CodePrinter) {
        header(type.info, into: &printer)
        let opening = "\(type.info.access.prefix)\(type.kind.rawValue) \(type.name)\(conformanceList(type.conformances))"
        members(type.members, opening: opening, into: &printer)
    }

    private static func render(_ ext: ExtensionDeclaration, into printer: inout CodePrinter) {
        header(ext.info, into: &printer)
        var opening = "\(ext.info.access.prefix)extension \(ext.extendedType)\(conformanceList(ext.conformances))"
        if let whereClause = ext.whereClause { opening += " where \(whereClause)" }
        members(ext.members, opening: opening, into: &printer)
    }

    private static func members(_ members: [Declaration], opening: String, into printer: inout CodePrinter) {
        if members.isEmpty {
            printer.line(opening + " {}")
            return
        }
        printer.line(opening + " {")
        printer.indented { render(members, separated: false, into: &$0) }
        printer.line("}")
    }

    private static func parameterList(_ parameters: [Parameter]) -> String {
        parameters.map { parameter in
            var text = parameter.label.map { $0 == parameter.name ? $0 : "\($0) \(parameter.name)" } ?? parameter.name
            text += ": \(parameter.type)"
            if let value = parameter.defaultValue { text += " = \(value)" }
            return text
        }.joined(separator: ", ")
    }

    private static func render(_ function: FunctionDeclaration, into printer: inout CodePrinter) {
        header(function.info, into: &printer)
        var signature = function.info.access.prefix + function.modifiers.map { $0 + " " }.joined()
        signature += "func \(function.name)\(function.genericParameters.map { "<\($0)>" } ?? "")"
        signature += "(\(parameterList(function.parameters)))"
        if function.isAsync { signature += " async" }
        if let throwsClause = function.throwsClause { signature += " \(throwsClause)" }
        if let returnType = function.returnType { signature += " -> \(returnType)" }
        if let whereClause = function.whereClause { signature += " where \(whereClause)" }
        body(function.body, signature: signature, into: &printer)
    }

    private static func render(_ initializer: InitializerDeclaration, into printer: inout CodePrinter) {
        header(initializer.info, into: &printer)
        var signature = initializer.info.access.prefix + "init\(initializer.isFailable ? "?" : "")"
        signature += "(\(parameterList(initializer.parameters)))"
        if let throwsClause = initializer.throwsClause { signature += " \(throwsClause)" }
        body(initializer.body, signature: signature, into: &printer)
    }

    private static func body(_ statements: [Statement]?, signature: String, into printer: inout CodePrinter) {
        guard let statements else {
            printer.line(signature)
            return
        }
        if statements.isEmpty {
            printer.line(signature + " {}")
            return
        }
        printer.line(signature + " {")
        printer.indented { render(statements, into: &$0) }
        printer.line("}")
    }

    private static func render(_ variable: VariableDeclaration, into printer: inout CodePrinter) {
        header(variable.info, into: &printer)
        var text = variable.info.access.prefix + variable.modifiers.map { $0 + " " }.joined()
        text += "\(variable.isLet ? "let" : "var") \(variable.name)"
        if let type = variable.type { text += ": \(type)" }
        if let requirement = variable.requirement {
            printer.line(text + " \(requirement)")
        } else if let getter = variable.getter {
            body(getter, signature: text, into: &printer)
        } else {
            if let value = variable.initialValue { text += " = \(value)" }
            printer.line(text)
        }
    }

    private static func render(_ enumCase: EnumCaseDeclaration, into printer: inout CodePrinter) {
        header(enumCase.info, into: &printer)
        var text = "case \(enumCase.name)"
        if !enumCase.associatedValues.isEmpty {
            text += "(" + enumCase.associatedValues.map(\.description).joined(separator: ", ") + ")"
        }
        if let raw = enumCase.rawValue { text += " = \(raw)" }
        printer.line(text)
    }

    static func render(_ statements: [Statement], into printer: inout CodePrinter) {
        for statement in statements {
            switch statement {
            case .line(let code):
                printer.line(code)
            case .blank:
                printer.blank()
            case .block(let header, let body, let footer):
                printer.line(header + " {")
                printer.indented { render(body, into: &$0) }
                printer.line(footer)
            case .opened(let opening, let body, let closing):
                printer.line(opening)
                printer.indented { render(body, into: &$0) }
                printer.line(closing)
            case .switch(let subject, let cases):
                printer.line("switch \(subject) {")
                for switchCase in cases {
                    printer.line(switchCase.label + ":")
                    printer.indented { render(switchCase.body, into: &$0) }
                }
                printer.line("}")
            }
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
