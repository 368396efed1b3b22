import Foundation
import IServ

/// App code against the generated IServ client; only IServ is imported, as an app would.
public struct GroupDirectory: Sendable {
    let iserv: IServClient

    public init(host: String) {
        iserv = IServClient(baseURL: IServClient.serverURL(host: host))
    }

    public func groupCount() async throws -> Int {
        let groups = try await iserv.groups.list()
        return groups.count
    }
}
