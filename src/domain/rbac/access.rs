//! What the signed-in operator may do, and to whom: the role assignments whose admin groups include them,
//! each with its role's permissions and its scope. Permissions add up across assignments and nothing denies
//! across assignments (Intune has no deny); a permission only reaches the users and devices in the scope of an
//! assignment that grants it.

use std::collections::BTreeSet;

use crate::model::{RoleAssignment, RoleDefinition, ScopeType};

use super::groups::GroupGraph;
use super::permission::{Grant, Permission};

#[derive(Debug, Clone, Default)]
pub struct Access {
    assignments: Vec<ActiveAssignment>,
}

/// One role assignment that applies to the operator, as "My permissions" shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActiveAssignment {
    pub assignment_id: String,
    pub assignment_name: String,
    pub role_id: String,
    /// Empty when the assignment names a role Graph did not return.
    pub role_name: String,
    pub role_is_built_in: bool,
    /// The role's allowed resource actions, verbatim.
    pub allowed_resource_actions: Vec<String>,
    pub scope: Scope,
    entries: Vec<RuleEntry>,
}

/// One `resourceActions` entry: what it allows minus what it does not allow.
#[derive(Debug, Clone, PartialEq)]
struct RuleEntry {
    allowed: Vec<Grant>,
    not_allowed: Vec<Grant>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Members of these groups, directly or through nesting.
    Groups(Vec<ScopeGroup>),
    /// Intune's "All users". Tier1 counts every user it can find as licensed: an operator scoped to all users
    /// must be able to open an unlicensed one, if only to see that the licence is what is missing.
    AllLicensedUsers,
    AllDevices,
    AllDevicesAndLicensedUsers,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeGroup {
    pub id: String,
    /// The group's display name, or its id when the directory did not return the group.
    pub name: String,
}

/// Whether a user or device may be acted on, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeDecision {
    InScope,
    /// Assignments exist (for the permission asked about) but none reaches this user or device.
    OutOfScope {
        scope_group_names: Vec<String>,
    },
    /// No assignment applies to the operator (or none grants the permission asked about).
    NoAssignment,
}

impl ScopeDecision {
    pub fn is_in_scope(&self) -> bool {
        *self == ScopeDecision::InScope
    }
}

/// What is being checked against a scope.
#[derive(Debug, Clone, Copy)]
enum Subject {
    User,
    /// A device; `has_user` when it is affiliated with a user (so "All users" reaches it through them).
    Device {
        has_user: bool,
    },
}

impl Access {
    /// The assignments whose member (admin) groups include one of `operator_groups`.
    pub fn resolve(
        operator_groups: &BTreeSet<String>,
        assignments: &[RoleAssignment],
        definitions: &[RoleDefinition],
        groups: &GroupGraph,
    ) -> Access {
        let assignments = assignments
            .iter()
            .filter(|a| a.members.iter().any(|m| operator_groups.contains(m)))
            .map(|a| ActiveAssignment::new(a, definitions, groups))
            .collect();
        Access { assignments }
    }

    /// Every permission for every user and device. REST mode does not gate by a role model of its own:
    /// Graph refuses (403) what the signed-in account may not do, and the error says so.
    pub fn unrestricted() -> Access {
        let entry = RuleEntry { allowed: vec![Grant::Everything], not_allowed: Vec::new() };
        Access {
            assignments: vec![ActiveAssignment {
                assignment_id: String::new(),
                assignment_name: String::new(),
                role_id: String::new(),
                role_name: String::new(),
                role_is_built_in: false,
                allowed_resource_actions: Vec::new(),
                scope: Scope::AllDevicesAndLicensedUsers,
                entries: vec![entry],
            }],
        }
    }

    pub fn assignments(&self) -> &[ActiveAssignment] {
        &self.assignments
    }

    pub fn has_assignment(&self) -> bool {
        !self.assignments.is_empty()
    }

    /// True when some assignment grants the permission (for someone: scope is asked separately).
    pub fn can(&self, permission: Permission) -> bool {
        self.assignments.iter().any(|a| a.grants(permission))
    }

    /// Of `candidates`, those the operator holds.
    pub fn granted(&self, candidates: &[Permission]) -> Vec<Permission> {
        candidates.iter().copied().filter(|p| self.can(*p)).collect()
    }

    /// Whether the operator may open this user at all: in the scope of any assignment.
    pub fn can_manage_user(&self, user_id: &str, groups: &GroupGraph) -> ScopeDecision {
        self.user_scope(&groups.groups_of(user_id), None)
    }

    /// A user, given the groups they are in (e.g. from `transitiveMemberOf`), for one permission or any.
    pub fn user_scope(&self, member_of: &BTreeSet<String>, permission: Option<Permission>) -> ScopeDecision {
        self.decide(Subject::User, member_of, permission)
    }

    /// A device, given the groups its user and the device itself are in.
    pub fn device_scope(&self, member_of: &BTreeSet<String>, has_user: bool, permission: Permission) -> ScopeDecision {
        self.decide(Subject::Device { has_user }, member_of, Some(permission))
    }

    fn decide(&self, subject: Subject, member_of: &BTreeSet<String>, permission: Option<Permission>) -> ScopeDecision {
        let relevant: Vec<&ActiveAssignment> =
            self.assignments.iter().filter(|a| permission.is_none_or(|p| a.grants(p))).collect();
        if relevant.is_empty() {
            return ScopeDecision::NoAssignment;
        }
        if relevant.iter().any(|a| a.scope.covers(subject, member_of)) {
            return ScopeDecision::InScope;
        }
        let names: BTreeSet<String> = relevant
            .iter()
            .filter_map(|a| match &a.scope {
                Scope::Groups(groups) => Some(groups.iter().map(|g| g.name.clone())),
                _ => None,
            })
            .flatten()
            .collect();
        ScopeDecision::OutOfScope { scope_group_names: names.into_iter().collect() }
    }
}

impl ActiveAssignment {
    fn new(assignment: &RoleAssignment, definitions: &[RoleDefinition], groups: &GroupGraph) -> Self {
        let id = assignment.definition_id().unwrap_or_default();
        // The tenant's role list is authoritative; an expanded definition is the fallback.
        let definition = definitions.iter().find(|d| d.id == id).or(assignment.role_definition.as_ref());
        let entries: Vec<RuleEntry> = definition
            .into_iter()
            .flat_map(|d| &d.role_permissions)
            .flat_map(|p| &p.resource_actions)
            .map(|ra| RuleEntry {
                allowed: ra.allowed_resource_actions.iter().map(|t| Grant::parse(t)).collect(),
                not_allowed: ra.not_allowed_resource_actions.iter().map(|t| Grant::parse(t)).collect(),
            })
            .collect();
        let allowed_resource_actions = definition
            .into_iter()
            .flat_map(|d| &d.role_permissions)
            .flat_map(|p| &p.resource_actions)
            .flat_map(|ra| ra.allowed_resource_actions.iter().cloned())
            .collect();
        ActiveAssignment {
            assignment_id: assignment.id.clone(),
            assignment_name: assignment.display_name.clone(),
            role_id: id.to_string(),
            role_name: definition.map(|d| d.display_name.clone()).unwrap_or_default(),
            role_is_built_in: definition.is_some_and(|d| d.is_built_in),
            allowed_resource_actions,
            scope: Scope::of(assignment, groups),
            entries,
        }
    }

    pub fn grants(&self, permission: Permission) -> bool {
        self.entries.iter().any(|e| {
            e.allowed.iter().any(|g| g.covers(permission)) && !e.not_allowed.iter().any(|g| g.covers(permission))
        })
    }
}

impl Scope {
    fn of(assignment: &RoleAssignment, groups: &GroupGraph) -> Scope {
        match assignment.scope_type {
            ScopeType::AllLicensedUsers => Scope::AllLicensedUsers,
            ScopeType::AllDevices => Scope::AllDevices,
            ScopeType::AllDevicesAndLicensedUsers => Scope::AllDevicesAndLicensedUsers,
            ScopeType::ResourceScope | ScopeType::Unknown => Scope::Groups(
                assignment
                    .resource_scopes
                    .iter()
                    .map(|id| ScopeGroup { id: id.clone(), name: groups.name_of(id).unwrap_or(id).to_string() })
                    .collect(),
            ),
        }
    }

    fn covers(&self, subject: Subject, member_of: &BTreeSet<String>) -> bool {
        match (self, subject) {
            (Scope::Groups(groups), _) => groups.iter().any(|g| member_of.contains(&g.id)),
            (Scope::AllDevicesAndLicensedUsers, _) => true,
            (Scope::AllLicensedUsers, Subject::User) => true,
            // A user's device is managed through its user; a userless device is not reached by "All users".
            (Scope::AllLicensedUsers, Subject::Device { has_user }) => has_user,
            (Scope::AllDevices, Subject::User) => false,
            (Scope::AllDevices, Subject::Device { .. }) => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rbac::permission::{Action, Resource};
    use crate::model::{GroupMember, GroupWithMembers, ResourceAction, RolePermission};

    fn role(id: &str, allowed: &[&str], not_allowed: &[&str]) -> RoleDefinition {
        RoleDefinition {
            id: id.into(),
            display_name: id.to_uppercase(),
            role_permissions: vec![RolePermission {
                resource_actions: vec![ResourceAction {
                    allowed_resource_actions: allowed.iter().map(|s| s.to_string()).collect(),
                    not_allowed_resource_actions: not_allowed.iter().map(|s| s.to_string()).collect(),
                }],
            }],
            ..RoleDefinition::default()
        }
    }

    fn assignment(id: &str, role: &str, members: &[&str], scopes: &[&str], scope_type: ScopeType) -> RoleAssignment {
        RoleAssignment {
            id: id.into(),
            display_name: id.into(),
            members: members.iter().map(|s| s.to_string()).collect(),
            resource_scopes: scopes.iter().map(|s| s.to_string()).collect(),
            scope_type,
            role_definition_id: Some(role.into()),
            ..RoleAssignment::default()
        }
    }

    fn graph() -> GroupGraph {
        let user =
            |id: &str| GroupMember { odata_type: Some("#microsoft.graph.user".into()), id: id.into(), device_id: None };
        let nested =
            GroupMember { odata_type: Some("#microsoft.graph.group".into()), id: "office".into(), device_id: None };
        GroupGraph::new(&[
            GroupWithMembers { id: "region".into(), display_name: "Region".into(), members: vec![nested] },
            GroupWithMembers { id: "office".into(), display_name: "Office".into(), members: vec![user("ann")] },
            GroupWithMembers { id: "elsewhere".into(), display_name: "Elsewhere".into(), members: vec![user("bob")] },
        ])
    }

    fn ops(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    const READ: &str = "Microsoft.Intune_ManagedDevices_Read";
    const WIPE: &str = "Microsoft.Intune_RemoteTasks_Wipe";

    #[test]
    fn only_assignments_of_the_operators_groups_apply() {
        let roles = [role("reader", &[READ], &[])];
        let assignments = [
            assignment("mine", "reader", &["helpdesk"], &["region"], ScopeType::ResourceScope),
            assignment("theirs", "reader", &["other-admins"], &["elsewhere"], ScopeType::ResourceScope),
        ];
        let access = Access::resolve(&ops(&["helpdesk"]), &assignments, &roles, &graph());
        assert_eq!(access.assignments().len(), 1);
        assert_eq!(access.assignments()[0].assignment_id, "mine");
        assert_eq!(access.assignments()[0].role_name, "READER");
        let nobody = Access::resolve(&ops(&["stranger"]), &assignments, &roles, &graph());
        assert!(!nobody.has_assignment());
        assert_eq!(nobody.can_manage_user("ann", &graph()), ScopeDecision::NoAssignment);
    }

    #[test]
    fn nested_scope_group_members_are_in_scope_and_others_get_the_group_names() {
        let roles = [role("reader", &[READ], &[])];
        let assignments = [assignment("a", "reader", &["helpdesk"], &["region"], ScopeType::ResourceScope)];
        let access = Access::resolve(&ops(&["helpdesk"]), &assignments, &roles, &graph());
        assert_eq!(access.can_manage_user("ann", &graph()), ScopeDecision::InScope);
        assert_eq!(
            access.can_manage_user("bob", &graph()),
            ScopeDecision::OutOfScope { scope_group_names: vec!["Region".into()] }
        );
    }

    #[test]
    fn permissions_add_up_and_scope_follows_the_granting_assignment() {
        let roles = [role("reader", &[READ], &[]), role("wiper", &[WIPE], &[])];
        let assignments = [
            assignment("read-everyone", "reader", &["g1"], &[], ScopeType::AllLicensedUsers),
            assignment("wipe-region", "wiper", &["g2"], &["region"], ScopeType::ResourceScope),
        ];
        let access = Access::resolve(&ops(&["g1", "g2"]), &assignments, &roles, &graph());
        let wipe = Permission::remote_task(Action::Wipe);
        assert!(access.can(Permission::MANAGED_DEVICES_READ) && access.can(wipe));
        assert!(!access.can(Permission::remote_task(Action::Retire)));
        let bob = graph().groups_of("bob");
        assert!(access.user_scope(&bob, Some(Permission::MANAGED_DEVICES_READ)).is_in_scope());
        assert_eq!(
            access.user_scope(&bob, Some(wipe)),
            ScopeDecision::OutOfScope { scope_group_names: vec!["Region".into()] }
        );
        assert_eq!(access.user_scope(&bob, Some(Permission::ORGANIZATION_READ)), ScopeDecision::NoAssignment);
    }

    #[test]
    fn not_allowed_actions_carve_out_of_a_wildcard() {
        let roles = [role("almost-admin", &["Microsoft.Intune_*"], &[WIPE])];
        let assignments = [assignment("a", "almost-admin", &["g"], &[], ScopeType::AllDevicesAndLicensedUsers)];
        let access = Access::resolve(&ops(&["g"]), &assignments, &roles, &graph());
        assert!(access.can(Permission::remote_task(Action::Retire)));
        assert!(!access.can(Permission::remote_task(Action::Wipe)));
        assert!(access.can(Permission::new(Resource::Roles, Action::Update)));
    }

    #[test]
    fn device_scope_by_scope_type() {
        let roles = [role("r", &[READ], &[])];
        let check = |scope_type, has_user| {
            let assignments = [assignment("a", "r", &["g"], &[], scope_type)];
            let access = Access::resolve(&ops(&["g"]), &assignments, &roles, &graph());
            access.device_scope(&BTreeSet::new(), has_user, Permission::MANAGED_DEVICES_READ).is_in_scope()
        };
        assert!(check(ScopeType::AllDevices, false));
        assert!(check(ScopeType::AllLicensedUsers, true));
        assert!(!check(ScopeType::AllLicensedUsers, false));
        assert!(check(ScopeType::AllDevicesAndLicensedUsers, false));
        assert!(!check(ScopeType::ResourceScope, true), "no scope groups reach nothing");
        assert!(!check(ScopeType::Unknown, true), "an unknown scope type is read as group scope");
        let users_only = [assignment("a", "r", &["g"], &[], ScopeType::AllDevices)];
        let access = Access::resolve(&ops(&["g"]), &users_only, &roles, &graph());
        assert_eq!(access.can_manage_user("ann", &graph()), ScopeDecision::OutOfScope { scope_group_names: vec![] });
    }

    #[test]
    fn unrestricted_access_reaches_everyone_with_everything() {
        let access = Access::unrestricted();
        assert!(access.can(Permission::remote_task(Action::Wipe)));
        assert!(access.can_manage_user("nobody", &GroupGraph::default()).is_in_scope());
        let userless = access.device_scope(&BTreeSet::new(), false, Permission::remote_task(Action::Retire));
        assert!(userless.is_in_scope());
    }

    #[test]
    fn an_unknown_role_grants_nothing_but_is_listed() {
        let assignments = [assignment("a", "missing", &["g"], &[], ScopeType::AllDevicesAndLicensedUsers)];
        let access = Access::resolve(&ops(&["g"]), &assignments, &[], &graph());
        assert_eq!(access.assignments().len(), 1);
        assert_eq!(access.assignments()[0].role_name, "");
        assert!(!access.can(Permission::MANAGED_DEVICES_READ));
    }

    #[test]
    fn expanded_role_definition_is_used_when_the_list_lacks_it() {
        let mut a = assignment("a", "", &["g"], &[], ScopeType::AllDevicesAndLicensedUsers);
        a.role_definition_id = None;
        a.role_definition = Some(role("inline", &[READ], &[]));
        let access = Access::resolve(&ops(&["g"]), &[a], &[], &graph());
        assert!(access.can(Permission::MANAGED_DEVICES_READ));
        assert_eq!(access.granted(&[Permission::MANAGED_DEVICES_READ, Permission::ORGANIZATION_READ]).len(), 1);
    }
}
