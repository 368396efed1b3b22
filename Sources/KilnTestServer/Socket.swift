#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the POSIX socket calls the server needs, hiding Glibc/Darwin differences.
enum Socket {
    struct Failure: Error, CustomStringConvertible {
        let operation: String
        let code: Int32
        var description: String { "\(operation) failed: errno \(code)" }
    }

    /// Creates a listening TCP socket bound to 127.0.0.1 on an ephemeral port.
    static func listenOnLoopback() throws(Failure) -> (fd: Int32, port: Int) {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(operation: "socket", code: errno) }
        var reuse: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))

        var address = sockaddr_in()
        #if canImport(Darwin)
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw Failure(operation: "bind", code: code)
        }
        guard listen(fd, 64) == 0 else {
            let code = errno
            close(fd)
            throw Failure(operation: "listen", code: code)
        }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            let code = errno
            close(fd)
            throw Failure(operation: "getsockname", code: code)
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// A pipe whose write end is used once to wake every blocked `poll` when the server stops.
    static func makePipe() throws(Failure) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw Failure(operation: "pipe", code: errno) }
        return (fds[0], fds[1])
    }

    /// Blocks until `fd` is readable (true) or `wakeFD` signals shutdown (false).
    static func waitReadable(_ fd: Int32, unlessWoken wakeFD: Int32) -> Bool {
        var fds = [
            pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let ready = poll(&fds, 2, -1)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0, fds[1].revents == 0 else { return false }
            return fds[0].revents != 0
        }
    }

    enum PauseOutcome { case elapsed, peerClosed, woken }

    /// Waits `milliseconds` unless the server stops or the peer hangs up (seen as end of stream, peeked
    /// so bytes of a next request stay unread).
    static func pause(_ fd: Int32, unlessWoken wakeFD: Int32, milliseconds: Int32) -> PauseOutcome {
        var fds = [
            pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0),
        ]
        let deadline = ContinuousClock.now + .milliseconds(Int(milliseconds))
        while true {
            let left = ContinuousClock.now.duration(to: deadline).components
            let timeout = max(0, Int32(left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000))
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 { return .elapsed }
            if ready < 0 || fds[1].revents != 0 { return .woken }
            var byte: UInt8 = 0
            let peeked = recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
            if peeked <= 0 && !(peeked < 0 && (errno == EAGAIN || errno == EINTR)) { return .peerClosed }
            // Readable with data (a pipelined request): sleep out the rest without polling the socket.
            fds[0].events = 0
        }
    }

    static func accept(_ listenFD: Int32) -> Int32? {
        #if canImport(Glibc)
        let fd = Glibc.accept(listenFD, nil, nil)
        #else
        let fd = Darwin.accept(listenFD, nil, nil)
        #endif
        guard fd >= 0 else { return nil }
        #if canImport(Darwin)
        // Darwin has no MSG_NOSIGNAL; a per-socket option prevents SIGPIPE instead.
        var on: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
        return fd
    }

    /// Reads what is available; nil on end of stream or error.
    static func receive(_ fd: Int32, maxCount: Int = 65_536) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: maxCount)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, maxCount, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            return Array(chunk[0..<count])
        }
    }

    /// Writes all bytes; false if the peer went away. Never raises SIGPIPE.
    @discardableResult
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL)
        #else
        let flags: Int32 = 0
        #endif
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                send(fd, $0.baseAddress! + offset, bytes.count - offset, flags)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    static func signal(_ fd: Int32) {
        var byte: UInt8 = 1
        _ = write(fd, &byte, 1)
    }

    static func close(_ fd: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }
}
