import Foundation

/// The 11 filters of "Get All Users by Filters", as one value that can be built, stored and reused:
///
///     let filter = PEIQUserFilter(lastName: "Mustermann", lockState: .pendingApproval)
///     let page = try await peiq.users.list(filter: filter, page: 1, pageSize: 50)
///
/// A nil property is not sent. More than 10,000 hits answer 400, so broad lists need filters.
public struct PEIQUserFilter: Hashable, Sendable {
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var updatedSince: Date?
    public var registrationDateFrom: Date?
    public var registrationDateTo: Date?
    public var enabled: Bool?
    public var locked: Bool?
    public var lockState: LockState?
    public var tags: [String]?
    public var userIds: [String]?

    public init(
        firstName: String? = nil, lastName: String? = nil, email: String? = nil, updatedSince: Date? = nil,
        registrationDateFrom: Date? = nil, registrationDateTo: Date? = nil, enabled: Bool? = nil,
        locked: Bool? = nil, lockState: LockState? = nil, tags: [String]? = nil, userIds: [String]? = nil
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.updatedSince = updatedSince
        self.registrationDateFrom = registrationDateFrom
        self.registrationDateTo = registrationDateTo
        self.enabled = enabled
        self.locked = locked
        self.lockState = lockState
        self.tags = tags
        self.userIds = userIds
    }
}

extension PEIQClient.Users {
    /// The generated `list(firstName:...:userIds:page:pageSize:)` with its 11 filters taken from `filter`.
    public func list(filter: PEIQUserFilter, page: Int? = nil, pageSize: Int? = nil) async throws -> UserList {
        try await list(
            firstName: filter.firstName, lastName: filter.lastName, email: filter.email,
            updatedSince: filter.updatedSince, registrationDateFrom: filter.registrationDateFrom,
            registrationDateTo: filter.registrationDateTo, enabled: filter.enabled, locked: filter.locked,
            lockState: filter.lockState, tags: filter.tags, userIds: filter.userIds, page: page, pageSize: pageSize)
    }
}
