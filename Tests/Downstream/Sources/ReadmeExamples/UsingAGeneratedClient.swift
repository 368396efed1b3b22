import IServ
import KilnRuntime

/// README.md "Using a generated client": the code block is the text between the README markers, verbatim
/// (ReadmeExampleTests compares them), so the README shows code that compiles.
func usingAGeneratedClient(secret: String) async throws {
    // README begin
    let iserv = IServClient(
        baseURL: IServClient.serverURL(host: "school.example.org"),
        middlewares: [IServClient.basicAuth(username: "admin", password: secret), RetryMiddleware()])
    let groups = try await iserv.groups.list()                  // [Group], decoded
    let users = try await iserv.users.list(extended: true)      // with the IDs of related entities

    do { try await iserv.groups.delete(id: "old") }
    catch let error as APIError where error.code == .notFound { /* documented statuses are matchable */ }
    let raw = try await iserv.groups.listRaw()                   // status and headers with the body
    // README end
    _ = (groups, users, raw)
}
