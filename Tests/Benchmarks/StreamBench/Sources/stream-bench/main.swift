import Foundation
import KilnAsyncHTTPClient
import KilnRuntime

// stream-bench urlsession|ahc|urlsession-raw|ahc-raw download|upload BASE_URL [FILE]
// download: GET /file, counting the bytes as they arrive (as `curl -o /dev/null`); upload: PUT /upload of FILE
// streamed from disk. Through KilnRuntime's APIClientCore (urlsession, ahc), or straight through the
// platform's API with no Kiln code in between (the -raw modes: the ceiling each transport can reach).
// Prints bytes and seconds.
let arguments = CommandLine.arguments
guard arguments.count >= 4, let baseURL = URL(string: arguments[3]) else {
    FileHandle.standardError.write(Data("usage: stream-bench urlsession|ahc|urlsession-raw|ahc-raw download|upload BASE_URL [FILE]\n".utf8))
    exit(2)
}
let upload = arguments[2] == "upload"
guard upload || arguments[2] == "download" else { fatalError("unknown direction \(arguments[2])") }
let file = upload ? URL(fileURLWithPath: arguments[4]) : nil
let start = Date()
let bytes: Int =
    switch arguments[1] {
    case "urlsession-raw": try await RawURLSession.run(baseURL, upload: file)
    case "ahc-raw": try await RawAsyncHTTPClient.run(baseURL, upload: file)
    case "urlsession": try await ThroughKiln.run(URLSessionTransport(), baseURL, upload: file)
    case "ahc": try await ThroughKiln.run(AsyncHTTPClientTransport(), baseURL, upload: file)
    default: fatalError("unknown transport \(arguments[1])")
    }
print("bytes=\(bytes) seconds=\(Date().timeIntervalSince(start))")

enum ThroughKiln {
    static func run(_ transport: any HTTPTransport, _ baseURL: URL, upload file: URL?) async throws -> Int {
        let core = APIClientCore(baseURL: baseURL, transport: transport)
        if let file {
            var request = HTTPRequest(method: .put, path: "/upload")
            try request.setBinaryBody(.file(file), contentType: "application/octet-stream", operationID: "upload")
            let response = try await core.send(request, operationID: "upload")
            precondition(response.status == 200, "status \(response.status)")
            return Int(String(decoding: response.body, as: UTF8.self)) ?? -1
        }
        let (head, body) = try await core.stream(HTTPRequest(path: "/file"), operationID: "download")
        precondition(head.status == 200, "status \(head.status)")
        var bytes = 0
        for try await chunk in body { bytes += chunk.count }
        return bytes
    }
}
