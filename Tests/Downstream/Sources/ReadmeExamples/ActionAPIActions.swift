import ActionAPI
import KilnRuntime

/// README.md "Actions" and "Query builders".
func actionExamples(actionAPI: ActionAPIClient, name: String, password: String, code: String) async throws {
    do {
        _ = try await actionAPI.auth(kname: name, kpass: password)
    } catch let error as ActionError where error.sessionToken != nil {
        _ = try await actionAPI.verifyAuth(token: error.sessionToken!, twoFactorCode: code)
    }
    _ = try await actionAPI.list(model: "Subaccount", filters: [.field("age", .gte(27))], limit: 100)
    _ = Filter.field("age", .gte(27))
}
