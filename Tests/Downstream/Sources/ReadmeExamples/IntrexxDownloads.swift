import Foundation
import IntrexxAdmin

/// README.md "Streaming" (downloads).
func intrexxDownload(intrexx: IntrexxClient) async throws {
    let zip = try await intrexx.diagnosis.download(portal: "portal", to: URL(fileURLWithPath: "/tmp/diagnosis.zip"))
    print(zip.path)
}
