/// Runs `body` with a freshly started server and always stops it afterwards, even when `body` throws.
public func withKilnTestServer<Result>(
    handler: @escaping KilnTestServer.Handler,
    _ body: (KilnTestServer) async throws -> Result
) async throws -> Result {
    let server = try KilnTestServer(handler: handler)
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}
