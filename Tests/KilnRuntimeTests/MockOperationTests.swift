import KilnRuntime
import Testing

@Suite struct MockOperationTests {
    @Test func recordsCallsAndAnswersWithTheHandler() async throws {
        let stub = MockOperation<(id: String, limit: Int?), [String]>("listThings")
        stub.handler = { arguments in Array(repeating: arguments.id, count: arguments.limit ?? 1) }
        #expect(try await stub.call((id: "a", limit: 2)) == ["a", "a"])
        #expect(try await stub.call((id: "b", limit: nil)) == ["b"])
        #expect(stub.calls.map(\.id) == ["a", "b"])
        #expect(stub.callCount == 2)
    }

    @Test func withoutAHandlerItThrowsAndStillRecords() async {
        let stub = MockOperation<Void, Void>("deleteThing")
        await #expect(throws: MockError.noHandler(operationID: "deleteThing")) { try await stub.call(()) }
        #expect(stub.callCount == 1)
    }

    @Test func concurrentCallsAreAllRecorded() async throws {
        let stub = MockOperation<Int, Int>("double")
        stub.handler = { $0 * 2 }
        try await withThrowingTaskGroup(of: Int.self) { group in
            for value in 0..<100 { group.addTask { try await stub.call(value) } }
            var sum = 0
            for try await result in group { sum += result }
            #expect(sum == 9900)
        }
        #expect(Set(stub.calls) == Set(0..<100))
    }
}
