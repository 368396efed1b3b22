import Foundation

/// One step of a response body the server sends with `Transfer-Encoding: chunked`, piece by piece.
public enum StreamStep: Sendable, Equatable {
    /// Sends these bytes as one chunk (an empty one is skipped: it would end the body).
    case chunk(Data)
    /// Waits this many seconds before the next step; a client that closes meanwhile is noticed.
    case pause(TimeInterval)
    /// Closes the connection without the terminating chunk: a server that stops mid-stream.
    case abort

    /// Text sent as one chunk.
    public static func text(_ text: String) -> StreamStep {
        .chunk(Data(text.utf8))
    }
}

/// How a streamed body ended.
enum StreamOutcome {
    /// Every step ran and the terminating chunk was sent.
    case completed
    /// An `.abort` step closed the connection.
    case aborted
    /// The client closed the connection (a write failed or it hung up during a pause).
    case closedByClient
    /// The server is stopping.
    case stopped
}

extension KilnTestServer {
    /// Writes `steps` in chunked transfer coding on `fd`; `sent` hears the size of each chunk written.
    static func send(_ steps: [StreamStep], on fd: Int32, wakeFD: Int32, sent: (Int) -> Void = { _ in }) -> StreamOutcome {
        for step in steps {
            switch step {
            case .chunk(let data) where data.isEmpty:
                continue
            case .chunk(let data):
                let framed = Array(String(data.count, radix: 16).utf8) + [0x0D, 0x0A] + Array(data) + [0x0D, 0x0A]
                guard Socket.sendAll(fd, framed) else { return .closedByClient }
                sent(data.count)
            case .pause(let seconds):
                switch Socket.pause(fd, unlessWoken: wakeFD, milliseconds: Int32(seconds * 1000)) {
                case .elapsed: continue
                case .peerClosed: return .closedByClient
                case .woken: return .stopped
                }
            case .abort:
                return .aborted
            }
        }
        return Socket.sendAll(fd, Array("0\r\n\r\n".utf8)) ? .completed : .closedByClient
    }
}
