import Foundation
import PrimedocsAdmin

/// README.md "Pagination" and "Query builders", and Specs/README.md's OAuth example.
func primedocsExamples(url: URL, id: String, secret: String, host: String) async throws {
    let primedocs = PrimedocsClient(baseURL: url, middlewares: [PrimedocsClient.primedocsOAuth(clientID: id, clientSecret: secret, instance: host)])
    let q = try PrimedocsQuery.Users().title(.startsWith("John"))
    for try await user in primedocs.users.all(query: q) { _ = user }
    for try await unit in primedocs.organizationUnits.listChildrenAll(organizationUnitId: "root") { _ = unit }
    for try await page in primedocs.organizationUnits.listChildrenPages(organizationUnitId: "root") { _ = page }
}
