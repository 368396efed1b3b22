import Foundation
import IServ
import IServServer
import KilnServer
import KilnTestServer

/// README.md "Serving".
func servingExamples() async throws {
    var fake = IServStubHandler()
    fake.listGroupsStub = { input in input.extended == true ? .badRequest() : .ok([Group(id: "17", name: "Class 7b")]) }
    let server = try await IServServer(handler: fake).start()
    let iserv = IServClient(baseURL: server.url)
    let groups = try await iserv.groups.list()
    await server.stop()
    print(groups)
}
