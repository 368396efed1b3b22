import Foundation
import KilnRuntime
import StreamingClient
import StreamingClientMocks

/// README.md "Streaming".
func streamingExamples(client: StreamingClient, mock: StreamingClientMock) async throws {
    for try await event in try await client.streamTicks() { print(event.event, event.data.count, event.id ?? "") }
    for try await user in try await client.exportUsers() { print(user.name) }
    let ticks = try await client.streamTicksRaw()
    print(ticks.status, ticks.headers["Content-Type"] ?? "")
    mock.streamTicksStub.handler = { _ in ServerSentEventStream(ResponseBody(Data("data: {\"count\": 1}\n\n".utf8)), operationID: "streamTicks") }
}
