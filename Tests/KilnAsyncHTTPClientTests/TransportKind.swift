import Foundation
import KilnAsyncHTTPClient
import KilnRuntime
import Testing

/// The transports every test in this target runs over.
enum TransportKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case urlSession, asyncHTTPClient

    func make() -> any HTTPTransport {
        switch self {
        case .urlSession: URLSessionTransport()
        case .asyncHTTPClient: AsyncHTTPClientTransport()
        }
    }

    var testDescription: String { rawValue }
}

/// Values appended from several tasks (a reader's events, a middleware's log).
final class Recorded<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Element] = []

    func append(_ element: Element) { lock.withLock { storage.append(element) } }
    var values: [Element] { lock.withLock { storage } }
}

func elements<S: AsyncSequence>(of sequence: S) async throws -> [S.Element] {
    var result: [S.Element] = []
    for try await element in sequence { result.append(element) }
    return result
}

/// A file of `count` patterned bytes in the temporary folder; the caller removes it.
func temporaryFile(bytes count: Int, named name: String = "kiln-upload-\(UUID().uuidString).bin") throws -> (URL, Data) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
    let data = Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) })
    try data.write(to: url)
    return (url, data)
}
