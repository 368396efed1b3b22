import Foundation
import IServ
import IServServer
import KilnRuntime

/// A fake IServ with two groups: lists them, answers a group by id (the documented 404 for any other id) and
/// accepts new ones. Every other operation throws, which the server answers 500. The load benchmark
/// (Tests/Benchmarks/ServerLoad) links this file too.
struct FakeIServ: IServHandler {
    static let groups = [Group(id: "lehrer", name: "Lehrer", account: "lehrer"), Group(id: "klasse/5a", name: "Klasse 5a", account: "klasse.5a")]

    struct Unimplemented: Error {}

    func listGroups(_ input: IServOperations.ListGroups.Input) async throws -> IServOperations.ListGroups.Output {
        .ok(Self.groups)
    }

    func getGroup(_ input: IServOperations.GetGroup.Input) async throws -> IServOperations.GetGroup.Output {
        guard let group = Self.groups.first(where: { $0.id == input.id }) else { return .notFound() }
        return .ok(group)
    }

    func createGroup(_ input: IServOperations.CreateGroup.Input) async throws -> IServOperations.CreateGroup.Output {
        input.body.name == nil ? .badRequest() : .created()
    }

    func listUsers(_ input: IServOperations.ListUsers.Input) async throws -> IServOperations.ListUsers.Output { throw Unimplemented() }
    func createUser(_ input: IServOperations.CreateUser.Input) async throws -> IServOperations.CreateUser.Output { throw Unimplemented() }
    func getUser(_ input: IServOperations.GetUser.Input) async throws -> IServOperations.GetUser.Output { throw Unimplemented() }
    func updateUser(_ input: IServOperations.UpdateUser.Input) async throws -> IServOperations.UpdateUser.Output { throw Unimplemented() }
    func deleteUser(_ input: IServOperations.DeleteUser.Input) async throws -> IServOperations.DeleteUser.Output { throw Unimplemented() }
    func addUserGroups(_ input: IServOperations.AddUserGroups.Input) async throws -> IServOperations.AddUserGroups.Output { throw Unimplemented() }
    func removeUserGroups(_ input: IServOperations.RemoveUserGroups.Input) async throws -> IServOperations.RemoveUserGroups.Output { throw Unimplemented() }
    func addUserRoles(_ input: IServOperations.AddUserRoles.Input) async throws -> IServOperations.AddUserRoles.Output { throw Unimplemented() }
    func removeUserRoles(_ input: IServOperations.RemoveUserRoles.Input) async throws -> IServOperations.RemoveUserRoles.Output { throw Unimplemented() }
    func addUserPrivileges(_ input: IServOperations.AddUserPrivileges.Input) async throws -> IServOperations.AddUserPrivileges.Output { throw Unimplemented() }
    func removeUserPrivileges(_ input: IServOperations.RemoveUserPrivileges.Input) async throws -> IServOperations.RemoveUserPrivileges.Output { throw Unimplemented() }
    func setUserPassword(_ input: IServOperations.SetUserPassword.Input) async throws -> IServOperations.SetUserPassword.Output { throw Unimplemented() }
    func resetUserPassword(_ input: IServOperations.ResetUserPassword.Input) async throws -> IServOperations.ResetUserPassword.Output { throw Unimplemented() }
    func restoreUser(_ input: IServOperations.RestoreUser.Input) async throws -> IServOperations.RestoreUser.Output { throw Unimplemented() }
    func setAdminPassword(_ input: IServOperations.SetAdminPassword.Input) async throws -> IServOperations.SetAdminPassword.Output { throw Unimplemented() }
    func resetAdminPassword(_ input: IServOperations.ResetAdminPassword.Input) async throws -> IServOperations.ResetAdminPassword.Output { throw Unimplemented() }
    func revokeAdminPassword(_ input: IServOperations.RevokeAdminPassword.Input) async throws -> IServOperations.RevokeAdminPassword.Output { throw Unimplemented() }
    func updateGroup(_ input: IServOperations.UpdateGroup.Input) async throws -> IServOperations.UpdateGroup.Output { throw Unimplemented() }
    func deleteGroup(_ input: IServOperations.DeleteGroup.Input) async throws -> IServOperations.DeleteGroup.Output { throw Unimplemented() }
    func addGroupUsers(_ input: IServOperations.AddGroupUsers.Input) async throws -> IServOperations.AddGroupUsers.Output { throw Unimplemented() }
    func removeGroupUsers(_ input: IServOperations.RemoveGroupUsers.Input) async throws -> IServOperations.RemoveGroupUsers.Output { throw Unimplemented() }
    func addGroupPrivileges(_ input: IServOperations.AddGroupPrivileges.Input) async throws -> IServOperations.AddGroupPrivileges.Output { throw Unimplemented() }
    func removeGroupPrivileges(_ input: IServOperations.RemoveGroupPrivileges.Input) async throws -> IServOperations.RemoveGroupPrivileges.Output { throw Unimplemented() }
    func addGroupFlags(_ input: IServOperations.AddGroupFlags.Input) async throws -> IServOperations.AddGroupFlags.Output { throw Unimplemented() }
    func removeGroupFlags(_ input: IServOperations.RemoveGroupFlags.Input) async throws -> IServOperations.RemoveGroupFlags.Output { throw Unimplemented() }
    func listRoles(_ input: IServOperations.ListRoles.Input) async throws -> IServOperations.ListRoles.Output { throw Unimplemented() }
    func createRole(_ input: IServOperations.CreateRole.Input) async throws -> IServOperations.CreateRole.Output { throw Unimplemented() }
    func getRole(_ input: IServOperations.GetRole.Input) async throws -> IServOperations.GetRole.Output { throw Unimplemented() }
    func deleteRole(_ input: IServOperations.DeleteRole.Input) async throws -> IServOperations.DeleteRole.Output { throw Unimplemented() }
    func addRolePrivileges(_ input: IServOperations.AddRolePrivileges.Input) async throws -> IServOperations.AddRolePrivileges.Output { throw Unimplemented() }
    func removeRolePrivileges(_ input: IServOperations.RemoveRolePrivileges.Input) async throws -> IServOperations.RemoveRolePrivileges.Output { throw Unimplemented() }
    func listPrivileges(_ input: IServOperations.ListPrivileges.Input) async throws -> IServOperations.ListPrivileges.Output { throw Unimplemented() }
    func getPrivilege(_ input: IServOperations.GetPrivilege.Input) async throws -> IServOperations.GetPrivilege.Output { throw Unimplemented() }
    func addPrivilegeRoles(_ input: IServOperations.AddPrivilegeRoles.Input) async throws -> IServOperations.AddPrivilegeRoles.Output { throw Unimplemented() }
    func removePrivilegeRoles(_ input: IServOperations.RemovePrivilegeRoles.Input) async throws -> IServOperations.RemovePrivilegeRoles.Output { throw Unimplemented() }
    func addPrivilegeGroups(_ input: IServOperations.AddPrivilegeGroups.Input) async throws -> IServOperations.AddPrivilegeGroups.Output { throw Unimplemented() }
    func removePrivilegeGroups(_ input: IServOperations.RemovePrivilegeGroups.Input) async throws -> IServOperations.RemovePrivilegeGroups.Output { throw Unimplemented() }
    func authenticateSso(_ input: IServOperations.AuthenticateSso.Input) async throws -> IServOperations.AuthenticateSso.Output { throw Unimplemented() }
}
