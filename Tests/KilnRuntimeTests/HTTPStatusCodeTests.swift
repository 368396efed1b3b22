import KilnRuntime
import Testing

@Suite struct HTTPStatusCodeTests {
    @Test func documentedStatusesAreMatchableCases() {
        let error = APIError(operationID: "getGroup", status: 404)
        #expect(error.code == .notFound)
        #expect(error.code != .forbidden)
        switch error.code {
        case .forbidden: Issue.record("404 matched .forbidden")
        case .notFound: break
        default: Issue.record("404 matched no case")
        }
        #expect(error.code.isClientError)
        #expect(!error.code.isServerError)
        #expect(HTTPStatusCode(503).isServerError)
    }
}
