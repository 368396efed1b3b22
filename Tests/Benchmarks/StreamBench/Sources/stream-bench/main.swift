import Foundation
import KilnAsyncHTTPClient
import KilnRuntime

// stream-bench urlsession|ahc download|upload BASE_URL [FILE]
// download: GET /file through APIClientCore.stream, counting the bytes as they arrive (as `curl -o /dev/null`);
// upload: PUT /upload of FILE through UploadBody.file (streamed from disk). Prints bytes and seconds.
let arguments = CommandLine.arguments
guard arguments.count >= 4, let baseURL = URL(string: arguments[3]) else {
    FileHandle.standardError.write(Data("usage: stream-bench urlsession|ahc download|upload BASE_URL [FILE]\n".utf8))
    exit(2)
}
let transport: any HTTPTransport = arguments[1] == "ahc" ? AsyncHTTPClientTransport() : URLSessionTransport()
let core = APIClientCore(baseURL: baseURL, transport: transport)
let start = Date()
var bytes = 0
switch arguments[2] {
case "download":
    let (head, body) = try await core.stream(HTTPRequest(path: "/file"), operationID: "download")
    precondition(head.status == 200, "status \(head.status)")
    for try await chunk in body { bytes += chunk.count }
case "upload":
    var request = HTTPRequest(method: .put, path: "/upload")
    try request.setBinaryBody(.file(URL(fileURLWithPath: arguments[4])), contentType: "application/octet-stream", operationID: "upload")
    let response = try await core.send(request, operationID: "upload")
    precondition(response.status == 200, "status \(response.status)")
    bytes = Int(String(decoding: response.body, as: UTF8.self)) ?? -1
default:
    fatalError("unknown direction \(arguments[2])")
}
print("bytes=\(bytes) seconds=\(Date().timeIntervalSince(start))")
