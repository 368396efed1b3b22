import AsyncHTTPClient
import NIOCore

extension AsyncHTTPClientTransport {
    /// The process-wide client the transport sends through unless given one: `HTTPClient.shared`'s
    /// configuration with reads of up to 1 MiB (`clientConfiguration()`). Never shut down, like
    /// `HTTPClient.shared`: a static lives as long as the process.
    public static let sharedClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: clientConfiguration())

    /// `base` with each HTTP/1 connection reading the socket in pieces of up to `readBufferSize` bytes.
    ///
    /// AsyncHTTPClient hands a streamed body over one read at a time and reads the next only once the reader
    /// took the last, so every read costs a round trip between the event loop and the reader's task. NIO's
    /// default reads are at most 64 KiB: a 1 GiB loopback download then ran at 60% of curl's rate, and with
    /// 1 MiB reads as fast as curl (stream-1gib.sh). The buffer adapts: a trickle of events uses small reads.
    /// For a client of your own: `HTTPClient(configuration: AsyncHTTPClientTransport.clientConfiguration())`.
    public static func clientConfiguration(
        _ base: HTTPClient.Configuration = .singletonConfiguration, readBufferSize: Int = 1 << 20
    ) -> HTTPClient.Configuration {
        var configuration = base
        let previous = base.http1_1ConnectionDebugInitializer
        let allocator = AdaptiveRecvByteBufferAllocator(minimum: 64, initial: min(64 << 10, readBufferSize), maximum: readBufferSize)
        configuration.http1_1ConnectionDebugInitializer = { channel in
            let tuned = channel.setOption(ChannelOptions.recvAllocator, value: allocator)
            guard let previous else { return tuned }
            return tuned.flatMap { previous(channel) }
        }
        return configuration
    }
}
