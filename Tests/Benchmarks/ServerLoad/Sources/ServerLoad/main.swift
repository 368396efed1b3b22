import Foundation
import Hummingbird
import IServServer
import KilnHummingbird

// Serves the fake IServ on 127.0.0.1 (an ephemeral port), prints its base URL on the first line and serves
// until killed or for at most the seconds given (default 300), so a forgotten server stops by itself.
let seconds = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 300
let router = Router()
router.addRoutes(IServServer(handler: FakeIServ()).router)
try await withHummingbird(router) { url in
    FileHandle.standardOutput.write(Data((url.absoluteString + "\n").utf8))  // unbuffered: the script waits for it
    try? await Task.sleep(for: .seconds(seconds))
}
