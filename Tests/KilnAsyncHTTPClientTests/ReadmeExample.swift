import AsyncHTTPClient
import Foundation
import IServ
import KilnAsyncHTTPClient

/// README.md "Using a generated client", the AsyncHTTPClient transport. Compiled here rather than in
/// Tests/Downstream so CI builds AsyncHTTPClient once; ReadmeExampleTests reads this folder too.
func asyncHTTPClientExample(url: URL) async throws {
    let iserv = IServClient(baseURL: url, transport: AsyncHTTPClientTransport())
    _ = try await iserv.groups.list()
}

/// README.md "Streaming": a client of the app's own with the shared client's streaming reads.
func ownHTTPClientExample(url: URL) async throws {
    let client = HTTPClient(configuration: AsyncHTTPClientTransport.clientConfiguration())
    let iserv = IServClient(baseURL: url, transport: AsyncHTTPClientTransport(client: client))
    _ = try await iserv.groups.list()
    try await client.shutdown()
}
