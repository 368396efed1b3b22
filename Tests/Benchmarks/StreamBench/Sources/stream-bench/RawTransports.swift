import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFileSystem
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// URLSession alone: a delegate counting the bytes it is handed, and the upload of a file through its fastest
/// path (on Linux an `InputStream` as `httpBodyStream`: `upload(for:fromFile:)` is 8 times slower there).
enum RawURLSession {
    static func run(_ baseURL: URL, upload file: URL?) async throws -> Int {
        if let file {
            var request = URLRequest(url: baseURL.appendingPathComponent("upload"))
            request.httpMethod = "PUT"
            request.setValue("application/octet-stream", forHTTPHeaderField: "Content-Type")
            #if canImport(FoundationNetworking)
                let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as! Int
                request.setValue("\(size)", forHTTPHeaderField: "Content-Length")
                request.httpBodyStream = InputStream(url: file)
                let (data, _) = try await URLSession.shared.data(for: request)
                return Int(String(decoding: data, as: UTF8.self)) ?? -1
            #else
                let (data, _) = try await URLSession.shared.upload(for: request, fromFile: file)
                return Int(String(decoding: data, as: UTF8.self)) ?? -1
            #endif
        }
        let counter = Counter()
        let session = URLSession(configuration: .ephemeral, delegate: counter, delegateQueue: nil)
        return try await withCheckedThrowingContinuation { continuation in
            counter.continuation = continuation
            session.dataTask(with: baseURL.appendingPathComponent("file")).resume()
        }
    }

    final class Counter: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        var bytes = 0
        var continuation: CheckedContinuation<Int, any Error>?

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            bytes += data.count
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
            if let error { continuation?.resume(throwing: error) } else { continuation?.resume(returning: bytes) }
        }
    }
}

/// AsyncHTTPClient alone: the response body's ByteBuffers counted as they come, and a file read through
/// NIOFileSystem's chunked reader as the request body.
enum RawAsyncHTTPClient {
    static func run(_ baseURL: URL, upload file: URL?) async throws -> Int {
        if let file {
            var request = HTTPClientRequest(url: baseURL.appendingPathComponent("upload").absoluteString)
            request.method = .PUT
            let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as! Int
            return try await FileSystem.shared.withFileHandle(forReadingAt: FilePath(file.path)) { handle in
                request.body = .stream(handle.readChunks(chunkLength: .kibibytes(256)), length: .known(Int64(size)))
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(300))
                let body = try await response.body.collect(upTo: 1 << 20)
                return Int(String(buffer: body)) ?? -1
            }
        }
        let response = try await HTTPClient.shared.execute(
            HTTPClientRequest(url: baseURL.appendingPathComponent("file").absoluteString), deadline: .distantFuture)
        var bytes = 0
        for try await buffer in response.body { bytes += buffer.readableBytes }
        return bytes
    }
}
