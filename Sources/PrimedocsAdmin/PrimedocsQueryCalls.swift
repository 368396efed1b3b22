import KilnRuntime

// The list calls take the builders directly, so callers need not render them:
// `for try await user in primedocs.users.all(query: try PrimedocsQuery.Users().title(.startsWith("John"))) { ... }`.
// On the group protocols, so the generated mocks accept them too.

extension PrimedocsUsersAPI {
    public func list(page: Int32? = nil, pageSize: Int32? = nil, query: PrimedocsQuery.Users) async throws -> UserPage {
        try await list(page: page, pageSize: pageSize, query: query.rendered)
    }

    public func all(query: PrimedocsQuery.Users, pageSize: Int = 50) -> PageItemSequence<UserPage, User> {
        all(query: query.rendered, pageSize: pageSize)
    }

    public func pages(query: PrimedocsQuery.Users, pageSize: Int = 50) -> PageSequence<UserPage> {
        pages(query: query.rendered, pageSize: pageSize)
    }
}

extension PrimedocsGroupsAPI {
    public func list(page: Int32? = nil, pageSize: Int32? = nil, query: PrimedocsQuery.Groups) async throws -> UserGroupPage {
        try await list(page: page, pageSize: pageSize, query: query.rendered)
    }

    public func all(query: PrimedocsQuery.Groups, pageSize: Int = 50) -> PageItemSequence<UserGroupPage, UserGroup> {
        all(query: query.rendered, pageSize: pageSize)
    }
}

extension PrimedocsAppUserGroupsAPI {
    public func list(page: Int32? = nil, pageSize: Int32? = nil, query: PrimedocsQuery.AppUserGroups) async throws -> AppUserGroupPage {
        try await list(page: page, pageSize: pageSize, query: query.rendered)
    }

    public func all(query: PrimedocsQuery.AppUserGroups, pageSize: Int = 50) -> PageItemSequence<AppUserGroupPage, AppUserGroup> {
        all(query: query.rendered, pageSize: pageSize)
    }
}

extension PrimedocsOrganizationUnitsAPI {
    public func list(page: Int32? = nil, pageSize: Int32? = nil, query: PrimedocsQuery.OrganizationUnits) async throws -> OrganizationUnitPage {
        try await list(page: page, pageSize: pageSize, query: query.rendered)
    }

    public func all(query: PrimedocsQuery.OrganizationUnits, pageSize: Int = 50) -> PageItemSequence<OrganizationUnitPage, OrganizationUnit> {
        all(query: query.rendered, pageSize: pageSize)
    }

    public func listChildrenAll(
        organizationUnitId: String, query: PrimedocsQuery.OrganizationUnits, pageSize: Int = 50
    ) -> PageItemSequence<OrganizationUnitPage, OrganizationUnit> {
        listChildrenAll(organizationUnitId: organizationUnitId, query: query.rendered, pageSize: pageSize)
    }
}

extension PrimedocsTemplatesAPI {
    public func list(page: Int32? = nil, pageSize: Int32? = nil, query: PrimedocsQuery.Templates) async throws -> TemplatePage {
        try await list(page: page, pageSize: pageSize, query: query.rendered)
    }

    public func all(query: PrimedocsQuery.Templates, pageSize: Int = 50) -> PageItemSequence<TemplatePage, Template> {
        all(query: query.rendered, pageSize: pageSize)
    }
}
