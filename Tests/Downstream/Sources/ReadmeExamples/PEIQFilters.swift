import PEIQUsers

/// README.md "Query builders".
func peiqExamples(peiq: PEIQClient) async throws {
    _ = try await peiq.users.list(filter: PEIQUserFilter(lastName: "Mustermann", lockState: .locked))
}
