import Foundation

/// Typed builders for the `query` parameter of the Admin API's list endpoints, one per endpoint because each
/// accepts different properties:
///
///     let query = try PrimedocsQuery.Users().title(.startsWith("John")).field("User.EmailField", .endsWith("foobar.com"))
///     try await client.users.list(query: query.rendered)   // title:"John*" field[User.EmailField]:"*foobar.com"
///
/// The source document's grammar: `property:filter` terms separated by a space and AND-combined; a filter may
/// be wrapped in double quotes (needed when it contains spaces); some properties take `*` at the start and/or
/// end of the filter as a wildcard. The document defines no escape for `"` or for a literal `*`, so a text
/// containing either is refused rather than sent with a meaning nobody specified. Setting a property again
/// replaces its term: the document combines different properties only.
public enum PrimedocsQuery {
    /// A text filter; `*` appears only where the case puts it, so a wildcard in the middle cannot be built.
    public enum Match: Hashable, Sendable {
        case exactly(String)
        case startsWith(String)
        case endsWith(String)
        case contains(String)
    }

    public enum InvalidQuery: Error, Hashable {
        /// Empty text, `"`, or `*` in a text: the grammar cannot express it.
        case unsupportedText(property: String, text: String)
        /// A user field id must be non-empty and free of spaces, `[`, `]`, `"` and `:`.
        case invalidFieldId(String)
        /// No tags, an empty group, or a tag that is empty or contains `;`, `|` or `"`.
        case invalidTags([[String]])
    }

    /// `/Users`: title, primarySid and configurable user fields, all with wildcards.
    public struct Users: Hashable, Sendable, CustomStringConvertible {
        var terms = Terms()
        public init() {}
        public func title(_ match: Match) throws(InvalidQuery) -> Self { try setting(self, "title", match) }
        public func primarySid(_ match: Match) throws(InvalidQuery) -> Self { try setting(self, "primarySid", match) }
        /// `field[User.FirstName]:"..."`; the document's example also writes `Field[...]`, its option list `field[...]`.
        public func field(_ fieldId: String, _ match: Match) throws(InvalidQuery) -> Self {
            let forbidden = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "[]\":"))
            guard !fieldId.isEmpty, fieldId.rangeOfCharacter(from: forbidden) == nil else {
                throw .invalidFieldId(fieldId)
            }
            return try setting(self, "field[\(fieldId)]", match)
        }
        public var rendered: String { terms.rendered }
        public var description: String { rendered }
    }

    /// `/Groups` (UserGroups): title and primarySid, with wildcards.
    public struct Groups: Hashable, Sendable, CustomStringConvertible {
        var terms = Terms()
        public init() {}
        public func title(_ match: Match) throws(InvalidQuery) -> Self { try setting(self, "title", match) }
        public func primarySid(_ match: Match) throws(InvalidQuery) -> Self { try setting(self, "primarySid", match) }
        public var rendered: String { terms.rendered }
        public var description: String { rendered }
    }

    /// `/AppUserGroups`: the same options as `/Groups` (title and primarySid, with wildcards).
    public typealias AppUserGroups = Groups

    /// The organization unit lists and tree. The document lists no options for them; `title` (with wildcards)
    /// and `sid` come from its script prompt "e.g. title:*Sales* or sid:OU-123", as in the spec.
    public struct OrganizationUnits: Hashable, Sendable, CustomStringConvertible {
        var terms = Terms()
        public init() {}
        public func title(_ match: Match) throws(InvalidQuery) -> Self { try setting(self, "title", match) }
        public func sid(_ sid: String) throws(InvalidQuery) -> Self { try setting(self, "sid", .exactly(sid)) }
        public var rendered: String { terms.rendered }
        public var description: String { rendered }
    }

    /// `/Templates`. GUIDs, booleans and states cannot contain spaces, so they go unquoted as in the document.
    public struct Templates: Hashable, Sendable, CustomStringConvertible {
        var terms = Terms()
        public init() {}
        public func templateId(_ id: UUID) -> Self { setting(self, "templateId", guid(id)) }
        public func metaTemplateId(_ id: UUID) -> Self { setting(self, "metaTemplateId", guid(id)) }
        public func templateGroupId(_ id: UUID) -> Self { setting(self, "templateGroupId", guid(id)) }
        /// false finds inactive (deleted) templates.
        public func active(_ active: Bool) -> Self { setting(self, "active", active ? "true" : "false") }
        /// Spelled `templatestate` in the document.
        public func templateState(_ state: TemplateState) -> Self { setting(self, "templatestate", String(state.rawValue)) }
        public func localizedName(_ match: Match) throws(InvalidQuery) -> Self { try setting(self, "localizedName", match) }
        public func localizedDescription(_ match: Match) throws(InvalidQuery) -> Self {
            try setting(self, "localizedDescription", match)
        }
        /// Templates carrying every tag of at least one group: `[["ProjectX", "Finance"], ["Controlling"]]`
        /// renders `tags:ProjectX;Finance|Controlling` (`;` is AND and binds tighter than `|`, OR, as the
        /// document's example shows). Quoted as a whole only when a tag contains whitespace.
        public func tags(anyOf groups: [[String]]) throws(InvalidQuery) -> Self {
            let valid = !groups.isEmpty && groups.allSatisfy { group in
                !group.isEmpty && group.allSatisfy { !$0.isEmpty && $0.rangeOfCharacter(from: tagForbidden) == nil }
            }
            guard valid else { throw .invalidTags(groups) }
            let expression = groups.map { $0.joined(separator: ";") }.joined(separator: "|")
            let needsQuotes = expression.rangeOfCharacter(from: .whitespacesAndNewlines) != nil
            return setting(self, "tags", needsQuotes ? "\"\(expression)\"" : expression)
        }
        /// Templates carrying all of `tags` (`tags:A;B`).
        public func tags(allOf tags: [String]) throws(InvalidQuery) -> Self { try self.tags(anyOf: [tags]) }
        public var rendered: String { terms.rendered }
        public var description: String { rendered }
    }
}

private let tagForbidden = CharacterSet(charactersIn: ";|\"")

extension PrimedocsQuery {
    /// The terms in the order first set; a property set again keeps its place and takes the new filter.
    /// Nested so that it cannot clash with a generated model name.
    struct Terms: Hashable, Sendable {
        private struct Term: Hashable, Sendable { var key, filter: String }
        private var terms: [Term] = []

        mutating func set(_ key: String, _ filter: String) {
            if let index = terms.firstIndex(where: { $0.key == key }) {
                terms[index].filter = filter
            } else {
                terms.append(Term(key: key, filter: filter))
            }
        }

        var rendered: String { terms.map { "\($0.key):\($0.filter)" }.joined(separator: " ") }
    }
}

/// The builders share storage by shape, not by a public protocol, so `terms` stays internal.
private protocol TermHolder { var terms: PrimedocsQuery.Terms { get set } }
extension PrimedocsQuery.Users: TermHolder {}
extension PrimedocsQuery.Groups: TermHolder {}
extension PrimedocsQuery.OrganizationUnits: TermHolder {}
extension PrimedocsQuery.Templates: TermHolder {}

private func setting<Query: TermHolder>(_ query: Query, _ key: String, _ filter: String) -> Query {
    var copy = query
    copy.terms.set(key, filter)
    return copy
}

/// Text filters are always quoted: harmless per the document, and spaces or `:` in the text stay inside.
private func setting<Query: TermHolder>(
    _ query: Query, _ key: String, _ match: PrimedocsQuery.Match
) throws(PrimedocsQuery.InvalidQuery) -> Query {
    let (text, pattern): (String, String)
    switch match {
    case .exactly(let value): (text, pattern) = (value, value)
    case .startsWith(let value): (text, pattern) = (value, value + "*")
    case .endsWith(let value): (text, pattern) = (value, "*" + value)
    case .contains(let value): (text, pattern) = (value, "*" + value + "*")
    }
    guard !text.isEmpty, !text.contains("\""), !text.contains("*") else {
        throw .unsupportedText(property: key, text: text)
    }
    return setting(query, key, "\"\(pattern)\"")
}

/// .NET's default GUID format: lowercase with hyphens.
private func guid(_ id: UUID) -> String { id.uuidString.lowercased() }
