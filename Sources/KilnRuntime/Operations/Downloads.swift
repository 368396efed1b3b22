import Foundation

extension APIClientCore {
    /// Sends the request; a 2xx response's body is written to `destination` chunk by chunk as it arrives
    /// (replacing a file there), so memory stays flat whatever the size. Returns `destination` as the body.
    /// A failure midway removes the partial file and throws: `.transport` `ClientError` for the connection,
    /// `.unexpectedResponse` when the file cannot be written.
    public func download(
        for request: HTTPRequest, to destination: URL, operationID: String, errors: [ErrorBody] = [], accept: String? = nil
    ) async throws -> Response<URL> {
        let chunks = try await byteChunks(for: request, operationID: operationID, errors: errors, accept: accept)
        do {
            try await chunks.body.write(to: destination)
        } catch let error as FileWriteError {
            let head = HTTPResponse(status: chunks.status, headers: chunks.headers)
            throw ClientError(kind: .unexpectedResponse, operationID: operationID, message: "\(error)", underlyingError: error.underlyingError, response: head)
        }
        return Response(status: chunks.status, headers: chunks.headers, body: destination, rawBody: Data())
    }
}

extension ResponseBody {
    /// Writes the body to `file` chunk by chunk, replacing what is there; on any failure the partial file is
    /// removed, so a file that exists is complete. File errors are `FileWriteError`; reading errors pass through.
    public func write(to file: URL) async throws {
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw FileWriteError(file: file, underlyingError: CocoaError(.fileWriteUnknown))
        }
        do {
            let handle: FileHandle
            do { handle = try FileHandle(forWritingTo: file) } catch { throw FileWriteError(file: file, underlyingError: error) }
            defer { try? handle.close() }
            for try await chunk in self {
                do { try handle.write(contentsOf: chunk) } catch { throw FileWriteError(file: file, underlyingError: error) }
            }
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw error
        }
    }
}

/// A downloaded body could not be written to its file.
public struct FileWriteError: Error, CustomStringConvertible {
    public let file: URL
    public let underlyingError: any Error
    public var description: String { "Writing \(file.path) failed: \(underlyingError)" }
}
