//! An operator with one role for unit tests elsewhere: `KnownRole` assigned to the operator's admin group,
//! scoped to `scope` (group ids), with no group nesting.

use std::collections::BTreeSet;

use super::{Access, GroupGraph, KnownRole};
use crate::model::{ResourceAction, RoleAssignment, RoleDefinition, RolePermission, ScopeType};

pub fn access_with(role: KnownRole, scope: &[&str], scope_type: ScopeType) -> Access {
    let definition = RoleDefinition {
        id: "role".into(),
        role_permissions: vec![RolePermission {
            resource_actions: vec![ResourceAction {
                allowed_resource_actions: role.allowed_resource_actions(),
                ..ResourceAction::default()
            }],
        }],
        ..RoleDefinition::default()
    };
    let assignment = RoleAssignment {
        members: vec!["admins".into()],
        resource_scopes: scope.iter().map(|s| s.to_string()).collect(),
        scope_type,
        role_definition_id: Some("role".into()),
        ..RoleAssignment::default()
    };
    Access::resolve(&BTreeSet::from(["admins".to_string()]), &[assignment], &[definition], &GroupGraph::default())
}
