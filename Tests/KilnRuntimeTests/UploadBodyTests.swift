import Foundation
import Testing
import KilnRuntime

@Suite struct UploadBodyTests {
    @Test func readsAFileOrBytesIntoDataAndText() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-upload-\(UUID().uuidString).svg")
        try Data("<svg>é</svg>".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        #expect(try UploadBody.file(url).loadedData() == Data("<svg>é</svg>".utf8))
        // The inverse of what the client sends for a `contentMediaType` string property: its UTF-8 bytes.
        #expect(try UploadBody.file(url).loadedText() == "<svg>é</svg>")
        #expect(try UploadBody.data(Data("plain".utf8)).loadedText() == "plain")
    }

    @Test func aMissingFileThrowsInsteadOfReadingNothing() {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-missing-\(UUID().uuidString)")
        #expect(throws: (any Error).self) { try UploadBody.file(url).loadedText() }
    }
}
