import Foundation

extension MockOperation where Result == Data {
    /// A binary operation's `to:` overload in a mock: the handler's bytes written to `destination`
    /// (replacing a file there), so code that downloads to a file runs against the mock unchanged.
    public func call(_ arguments: Arguments, writingTo destination: URL) async throws -> URL {
        try await call(arguments).write(to: destination, options: .atomic)
        return destination
    }

    /// A binary operation's chunk sequence in a mock: the handler's bytes as one chunk.
    public func chunks(_ arguments: Arguments) async throws -> ResponseBody {
        ResponseBody(try await call(arguments))
    }
}
