import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// How URLSessionTransport hands a request's `bodyStream` to URLSession so that memory holds a chunk of it at
/// a time.
///
/// On Linux the body is read through an `InputStream` as libcurl asks for it (`httpBodyStream`), straight from
/// its parts. FoundationNetworking's upload from a file reads through DispatchIO 16 KiB at a time and pauses
/// the transfer whenever that buffer runs dry: a 1 GiB loopback upload took 7.7 s that way and 1.0 s through
/// the stream (stream-1gib.sh). On Darwin, where uploading from a file is the efficient path and custom
/// `InputStream`s are not supported by URLSession, the body is uploaded from its file, or from a temporary
/// one it is written to for a body of several parts.
enum URLSessionUpload {
    case stream(RequestBodyStream, length: Int)
    case file(URL, isTemporary: Bool)

    /// The upload for `body`; nil without one. Throws when a file of it cannot be read (or written, on Darwin).
    static func prepare(_ body: RequestBodyStream?) throws -> URLSessionUpload? {
        guard let body else { return nil }
        #if canImport(FoundationNetworking)
            return .stream(body, length: try body.length())
        #else
            return try file(for: body)
        #endif
    }

    /// A file holding `body`'s bytes: its own when it is one file, else a temporary one it is written to.
    static func file(for body: RequestBodyStream) throws -> URLSessionUpload {
        if let file = body.singleFile { return .file(file, isTemporary: false) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-upload-\(UUID().uuidString)")
        do { try body.write(to: file) } catch {
            try? FileManager.default.removeItem(at: file)
            throw error
        }
        return .file(file, isTemporary: true)
    }

    /// A task sending `request` with this body (the caller resumes it).
    func task(_ request: URLRequest, in session: URLSession) -> URLSessionDataTask {
        switch self {
        case .stream: session.dataTask(with: streamed(request))
        case .file(let file, _): session.uploadTask(with: request, fromFile: file)
        }
    }

    /// Sends `request` with this body and collects the response.
    func send(_ request: URLRequest, in session: URLSession) async throws -> (Data, URLResponse) {
        switch self {
        case .stream: try await session.data(for: streamed(request))
        case .file(let file, _): try await session.upload(for: request, fromFile: file)
        }
    }

    /// Removes the file if it was made for the upload; call once the task has completed.
    func remove() {
        if case .file(let file, isTemporary: true) = self { try? FileManager.default.removeItem(at: file) }
    }

    /// `request` reading its body from the stream, with the length known up front (no chunked encoding).
    private func streamed(_ request: URLRequest) -> URLRequest {
        guard case .stream(let body, let length) = self else { return request }
        var request = request
        request.setValue(String(length), forHTTPHeaderField: "Content-Length")
        request.httpBodyStream = BodyInputStream(body)
        return request
    }
}

/// A request body as the `InputStream` libcurl reads from, a read at a time into its own buffer.
/// FoundationNetworking opens it, reads while `hasBytesAvailable`, and ends the body at a read of 0 bytes.
final class BodyInputStream: InputStream {
    private let reader: RequestBodyStream.Reader
    private var status: Stream.Status = .notOpen
    private var failure: (any Error)?

    init(_ body: RequestBodyStream) {
        reader = body.makeReader()
        super.init(data: Data())
    }

    override func open() { status = .open }
    override func close() { status = .closed }
    override var streamStatus: Stream.Status { status }
    override var streamError: (any Error)? { failure }
    override var hasBytesAvailable: Bool { status == .open }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
        guard status == .open else { return status == .atEnd ? 0 : -1 }
        do {
            let count = try reader.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: length))
            if count == 0 { status = .atEnd }
            return count
        } catch {
            failure = error
            status = .error
            return -1
        }
    }

    override func getBuffer(_ buffer: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, length: UnsafeMutablePointer<Int>) -> Bool {
        false
    }
}
