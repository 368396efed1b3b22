import Foundation

/// The request line and headers of one HTTP/1.1 request.
struct RequestHead: Sendable, Equatable {
    var method: String
    var target: String
    var httpVersion: String
    var headers: [TestHeader]

    var expectsContinue: Bool {
        headers.value(for: "Expect")?.lowercased() == "100-continue"
    }

    var isChunked: Bool {
        headers.values(for: "Transfer-Encoding").contains { $0.lowercased().contains("chunked") }
    }

    /// HTTP/1.1 keeps the connection open unless told otherwise; HTTP/1.0 closes unless asked not to.
    var wantsClose: Bool {
        let connection = headers.value(for: "Connection")?.lowercased() ?? ""
        if httpVersion == "HTTP/1.0" { return !connection.contains("keep-alive") }
        return connection.contains("close")
    }
}

enum RequestReadError: Error, Equatable {
    case malformed(String)
    case tooLarge
    case truncated
}

/// Incrementally parses requests from a byte stream. `fill` returns the next chunk of bytes,
/// or nil when the peer closed or the server is stopping. Parsing is separate from sockets so
/// it can be tested with plain byte arrays.
struct RequestReader {
    static let maxLineLength = 16 * 1024
    static let maxHeaderCount = 200
    static let maxBodyLength = 64 * 1024 * 1024

    private let fill: () -> [UInt8]?
    private var buffer: [UInt8] = []
    private var position = 0

    init(fill: @escaping () -> [UInt8]?) {
        self.fill = fill
    }

    /// The next request head, or nil on a clean end of stream between requests.
    mutating func readHead() throws(RequestReadError) -> RequestHead? {
        var requestLine = try readLine(allowEndOfStream: true)
        // RFC 9112 asks servers to ignore empty lines before a request line.
        while requestLine?.isEmpty == true { requestLine = try readLine(allowEndOfStream: true) }
        guard let requestLine else { return nil }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/") else {
            throw .malformed("request line: \(requestLine)")
        }
        var headers: [TestHeader] = []
        while let line = try readLine(allowEndOfStream: false), !line.isEmpty {
            guard headers.count < Self.maxHeaderCount else { throw .tooLarge }
            guard let colon = line.firstIndex(of: ":") else { throw .malformed("header: \(line)") }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append(TestHeader(name, value))
        }
        return RequestHead(method: String(parts[0]), target: String(parts[1]), httpVersion: String(parts[2]), headers: headers)
    }

    /// The body announced by `head`, with chunked transfer coding removed.
    mutating func readBody(for head: RequestHead) throws(RequestReadError) -> Data {
        if head.isChunked { return try readChunkedBody() }
        guard let lengthText = head.headers.value(for: "Content-Length") else { return Data() }
        guard let length = Int(lengthText), length >= 0 else { throw .malformed("Content-Length: \(lengthText)") }
        guard length <= Self.maxBodyLength else { throw .tooLarge }
        return Data(try readBytes(length))
    }

    private mutating func readChunkedBody() throws(RequestReadError) -> Data {
        var body = Data()
        while true {
            guard let sizeLine = try readLine(allowEndOfStream: false) else { throw .truncated }
            let sizeText = sizeLine.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
            guard let size = Int(sizeText, radix: 16), size >= 0 else { throw .malformed("chunk size: \(sizeLine)") }
            if size == 0 {
                // Skip optional trailer fields up to the terminating empty line.
                while let trailer = try readLine(allowEndOfStream: false), !trailer.isEmpty {}
                return body
            }
            guard body.count + size <= Self.maxBodyLength else { throw .tooLarge }
            body.append(contentsOf: try readBytes(size))
            guard try readLine(allowEndOfStream: false) == "" else { throw .malformed("chunk terminator") }
        }
    }

    private mutating func readLine(allowEndOfStream: Bool) throws(RequestReadError) -> String? {
        var scanFrom = position
        while true {
            if let newline = buffer[scanFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > position && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = String(decoding: buffer[position..<end], as: UTF8.self)
                position = newline + 1
                return line
            }
            guard buffer.count - position <= Self.maxLineLength else { throw .tooLarge }
            let alreadyScanned = buffer.count - position
            guard try fillBuffer() else {
                if allowEndOfStream && alreadyScanned == 0 { return nil }
                throw .truncated
            }
            scanFrom = position + alreadyScanned
        }
    }

    private mutating func readBytes(_ count: Int) throws(RequestReadError) -> ArraySlice<UInt8> {
        while buffer.count - position < count {
            guard try fillBuffer() else { throw .truncated }
        }
        let bytes = buffer[position..<(position + count)]
        position += count
        return bytes
    }

    private mutating func fillBuffer() throws(RequestReadError) -> Bool {
        // Drop consumed bytes first so keep-alive connections do not grow the buffer forever.
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        guard let chunk = fill() else { return false }
        buffer.append(contentsOf: chunk)
        return true
    }
}
