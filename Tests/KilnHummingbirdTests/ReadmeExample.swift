import Hummingbird
import IServServer
import KilnHummingbird

/// README.md "Serving on Hummingbird". Compiled here, where Hummingbird is built anyway; ReadmeExampleTests
/// reads this folder too.
func hummingbirdExample() async throws {
    let router = Router()
    router.addRoutes(IServServer(handler: FakeIServ()).router)
    try await Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 8080))).runService()
}
