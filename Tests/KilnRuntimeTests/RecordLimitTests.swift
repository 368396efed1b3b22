import Foundation
import Testing
@testable import KilnRuntime

/// A stream that never sends a separator must not grow memory without bound: the reader fails at the
/// record that reaches the limit, after delivering the complete ones before it.
@Suite struct RecordLimitTests {
    @Test func aRecordLongerThanTheLimitFailsTheStreamAfterTheCompleteOnes() async throws {
        let body = ResponseBody(chunks: [Data("ok\n".utf8), Data(String(repeating: "x", count: 40).utf8), Data("\nnever\n".utf8)])
        var reader = RecordReader(body, separators: .lineFeed, keepsTail: true, operationID: "op", maximumLength: 16)
        #expect(try await reader.next()?.text == "ok")
        let error = await #expect(throws: ClientError.self) { try await reader.next() }
        #expect(error?.kind == .decoding)
        #expect(error?.message == "line 2 (byte 3) is longer than 16 bytes without a separator; the stream is not read further: \"xxxxxxxxxxxxxxxx\"")
        #expect(try await reader.next() == nil)
    }

    @Test func recordsUpToTheLimitPass() async throws {
        let body = ResponseBody(chunks: [Data((String(repeating: "y", count: 16) + "\n").utf8)])
        var reader = RecordReader(body, separators: .lineFeed, keepsTail: true, operationID: "op", maximumLength: 16)
        #expect(try await reader.next()?.bytes.count == 16)
        #expect(try await reader.next() == nil)
    }
}
