import Foundation
@testable import KilnRuntime

/// A deterministic generator (SplitMix64), so "random" chunkings are the same in every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// `bytes` cut into chunks of 1...`maxChunk` bytes, sizes drawn from `generator`.
func randomChunks(_ bytes: [UInt8], maxChunk: Int, using generator: inout SeededGenerator) -> [Data] {
    var chunks: [Data] = []
    var start = 0
    while start < bytes.count {
        let end = min(bytes.count, start + Int.random(in: 1...maxChunk, using: &generator))
        chunks.append(Data(bytes[start..<end]))
        start = end
    }
    return chunks
}

/// Every event of a stream delivered in `chunks`, data as text.
func textEvents(_ chunks: [String]) async throws -> [ServerSentEvent<String>] {
    try await collect(ServerSentEventStream<String>(ResponseBody(chunks: chunks.map { Data($0.utf8) }), operationID: "op"))
}

func collect<S: AsyncSequence>(_ sequence: S) async throws -> [S.Element] {
    var elements: [S.Element] = []
    for try await element in sequence { elements.append(element) }
    return elements
}
