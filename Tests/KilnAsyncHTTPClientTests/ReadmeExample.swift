import Foundation
import IServ
import KilnAsyncHTTPClient

/// README.md "Using a generated client", the AsyncHTTPClient transport. Compiled here rather than in
/// Tests/Downstream so CI builds AsyncHTTPClient once; ReadmeExampleTests reads this folder too.
func asyncHTTPClientExample(url: URL) async throws {
    let iserv = IServClient(baseURL: url, transport: AsyncHTTPClientTransport())
    _ = try await iserv.groups.list()
}
