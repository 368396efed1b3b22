import Foundation
import IServ

/// App code against the generated IServ client; only IServ is imported, as an app would.
public struct GroupDirectory<API: IServAPI>: Sendable {
    let iserv: API

    /// Takes the real client or, in the app's tests, `IServClientMock` (the IServMocks product).
    public init(iserv: API) {
        self.iserv = iserv
    }

    public func groupCount() async throws -> Int {
        let groups = try await iserv.groups.list()
        return groups.count
    }

    public func activeUserNames() async throws -> [String] {
        // IServ documents no filter for the list, so the status is checked here.
        try await iserv.users.list().filter { $0.status == .active }.compactMap(\.username)
    }
}

extension GroupDirectory where API == IServClient {
    public init(host: String) {
        self.init(iserv: IServClient(baseURL: IServClient.serverURL(host: host)))
    }
}
