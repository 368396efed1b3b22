/// One header line as it appeared on the wire (name case preserved).
public struct TestHeader: Sendable, Hashable {
    /// Name, as sent.
    public var name: String
    /// Value, as sent.
    public var value: String

    /// A name/value pair.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == TestHeader {
    /// The first value of the header named `name`, compared case-insensitively.
    public func value(for name: String) -> String? {
        first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// All values of the header named `name`, in wire order.
    public func values(for name: String) -> [String] {
        filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }
}
