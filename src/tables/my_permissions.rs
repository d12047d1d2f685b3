//! "My permissions": the operator's active role assignments (role, assignment, scope) and the permissions they
//! grant together, grouped by resource as Intune's role editor groups them.

use std::collections::BTreeSet;

use super::permission_names::{action_key, resource_key};
use crate::domain::rbac::{Access, Grant, Resource, Scope};
use crate::domain::table::{Cell, Row, Table, Tone};
use crate::i18n::{Key, Locale};

pub fn assignments_table(locale: Locale, access: &Access) -> Table {
    Table {
        headers: super::headers(locale, &[Key::ColRole, Key::ColRoleType, Key::ColRoleAssignment, Key::ColScope]),
        rows: access
            .assignments()
            .iter()
            .map(|a| {
                let role = if a.role_name.is_empty() {
                    Cell::text(locale.text(Key::RoleUnknown)).tone(Tone::Muted).with_detail(Some(a.role_id.clone()))
                } else {
                    Cell::text(&a.role_name)
                };
                let kind = if a.role_is_built_in { Key::RoleBuiltIn } else { Key::RoleCustom };
                Row {
                    key: a.assignment_id.clone(),
                    cells: vec![
                        role,
                        Cell::text(locale.text(kind)),
                        Cell::text(&a.assignment_name),
                        Cell::text(scope_text(locale, &a.scope)),
                    ],
                }
            })
            .collect(),
    }
}

pub fn scope_text(locale: Locale, scope: &Scope) -> String {
    match scope {
        Scope::Groups(groups) => {
            let names: Vec<&str> = groups.iter().map(|g| g.name.as_str()).collect();
            locale.fill(Key::ScopeGroups, &[("groups", &names.join(", "))])
        }
        Scope::AllLicensedUsers => locale.text(Key::ScopeAllUsers).to_string(),
        Scope::AllDevices => locale.text(Key::ScopeAllDevices).to_string(),
        Scope::AllDevicesAndLicensedUsers => locale.text(Key::ScopeAllUsersAndDevices).to_string(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermissionGroup {
    pub title: String,
    pub items: Vec<PermissionItem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermissionItem {
    /// The role editor's name for the action.
    pub name: String,
    /// As the role definition spells it: `Microsoft.Intune_ManagedDevices_Read`.
    pub code: String,
}

/// Where a granted entry is listed, in display order: a wildcard over everything first, then each resource in
/// the order Tier1 knows them, then whatever Tier1 does not model.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Heading {
    Everything,
    Resource(Resource),
    Other,
}

/// Within a heading: a resource's wildcard before its single actions, those in the role editor's order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Entry {
    All(String),
    One(crate::domain::rbac::Action, String),
}

/// The union of every active assignment's permissions. A single permission an assignment's not-allowed list
/// removes is left out; so is nothing else, since Intune has no deny across assignments.
pub fn permission_groups(locale: Locale, access: &Access) -> Vec<PermissionGroup> {
    let mut entries: BTreeSet<(Heading, Entry)> = BTreeSet::new();
    for code in access.assignments().iter().flat_map(|a| &a.allowed_resource_actions) {
        let entry = match Grant::parse(code) {
            Grant::Everything => (Heading::Everything, Entry::All(code.trim().to_string())),
            Grant::AllOf(resource) => (Heading::Resource(resource), Entry::All(code.trim().to_string())),
            Grant::Exactly(p) if access.can(p) => (Heading::Resource(p.resource), Entry::One(p.action, p.to_string())),
            Grant::Exactly(_) => continue,
            Grant::Other(text) => (Heading::Other, Entry::All(text)),
        };
        entries.insert(entry);
    }
    let mut groups: Vec<(Heading, PermissionGroup)> = Vec::new();
    for (heading, entry) in entries {
        let item = match (&heading, entry) {
            (Heading::Everything, Entry::All(code)) => {
                PermissionItem { name: locale.text(Key::PermissionsEverythingItem).into(), code }
            }
            (Heading::Other, Entry::All(code)) => PermissionItem { name: code.clone(), code },
            (_, Entry::All(code)) => PermissionItem { name: locale.text(Key::PermissionsAllOf).into(), code },
            (_, Entry::One(action, code)) => PermissionItem { name: locale.text(action_key(action)).into(), code },
        };
        match groups.last_mut() {
            Some((last, group)) if *last == heading => group.items.push(item),
            _ => {
                let title = match heading {
                    Heading::Everything => locale.text(Key::PermissionsEverything),
                    Heading::Resource(resource) => locale.text(resource_key(resource)),
                    Heading::Other => locale.text(Key::PermissionsOther),
                };
                groups.push((heading, PermissionGroup { title: title.into(), items: vec![item] }));
            }
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rbac::{GroupGraph, KnownRole};
    use crate::model::{GroupWithMembers, ResourceAction, RoleAssignment, RoleDefinition, RolePermission, ScopeType};

    fn access(allowed: &[&str], not_allowed: &[&str], scope_type: ScopeType, built_in: bool) -> Access {
        let role = RoleDefinition {
            id: "r".into(),
            display_name: "Help Desk Operator".into(),
            is_built_in: built_in,
            role_permissions: vec![RolePermission {
                resource_actions: vec![ResourceAction {
                    allowed_resource_actions: allowed.iter().map(|s| s.to_string()).collect(),
                    not_allowed_resource_actions: not_allowed.iter().map(|s| s.to_string()).collect(),
                }],
            }],
            ..RoleDefinition::default()
        };
        let assignment = RoleAssignment {
            id: "a".into(),
            display_name: "Help desk - Benelux".into(),
            members: vec!["admins".into()],
            resource_scopes: vec!["g1".into()],
            scope_type,
            role_definition_id: Some("r".into()),
            ..RoleAssignment::default()
        };
        let groups = GroupGraph::new(&[GroupWithMembers {
            id: "g1".into(),
            display_name: "Staff - Benelux".into(),
            members: vec![],
        }]);
        Access::resolve(&BTreeSet::from(["admins".to_string()]), &[assignment], &[role], &groups)
    }

    #[test]
    fn assignments_show_role_kind_and_scope() {
        let helpdesk = access(&[], &[], ScopeType::ResourceScope, true);
        let table = assignments_table(Locale::En, &helpdesk);
        assert_eq!(table.headers, ["Role", "Role type", "Role assignment", "Scope"]);
        let texts: Vec<&str> = table.rows[0].cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["Help Desk Operator", "Built-in", "Help desk - Benelux", "Groups: Staff - Benelux"]);
        let everyone = access(&[], &[], ScopeType::AllDevicesAndLicensedUsers, false);
        let texts: Vec<String> =
            assignments_table(Locale::Fr, &everyone).rows[0].cells.iter().map(|c| c.text.clone()).collect();
        assert_eq!(texts[1..], ["Personnalisé", "Help desk - Benelux", "Tous les utilisateurs et tous les appareils"]);
        assert!(assignments_table(Locale::En, &Access::default()).rows.is_empty());
    }

    #[test]
    fn the_minimal_role_lists_its_six_reads_one_per_resource() {
        let codes = KnownRole::MinimalTroubleshooting.allowed_resource_actions();
        let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
        let groups = permission_groups(Locale::En, &access(&codes, &[], ScopeType::AllLicensedUsers, false));
        let titles: Vec<&str> = groups.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Device compliance policies",
                "Device configurations",
                "Managed apps",
                "Managed devices",
                "Mobile apps",
                "Organization"
            ]
        );
        assert!(groups.iter().all(|g| g.items.len() == 1 && g.items[0].name == "Read"));
        assert_eq!(groups[0].items[0].code, "Microsoft.Intune_DeviceCompliancePolices_Read");
    }

    #[test]
    fn wildcards_carve_outs_and_unknown_permissions() {
        let allowed = [
            "Microsoft.Intune_RemoteTasks_Wipe",
            "Microsoft.Intune_RemoteTasks_SyncDevice",
            "Microsoft.Intune_RemoteTasks_Retire",
            "Microsoft.Intune_ManagedApps_*",
            "Microsoft.Intune_AndroidFota_Read",
            "Microsoft.Intune_RemoteTasks_SyncDevice",
        ];
        let groups = permission_groups(
            Locale::En,
            &access(&allowed, &["Microsoft.Intune_RemoteTasks_Retire"], ScopeType::ResourceScope, false),
        );
        let flat: Vec<(String, Vec<String>)> =
            groups.into_iter().map(|g| (g.title, g.items.into_iter().map(|i| i.name).collect())).collect();
        assert_eq!(
            flat,
            [
                ("Managed apps".to_string(), vec!["Every action".to_string()]),
                ("Remote tasks".to_string(), vec!["Wipe".to_string(), "Sync devices".to_string()]),
                ("Other permissions".to_string(), vec!["Microsoft.Intune_AndroidFota_Read".to_string()]),
            ]
        );
        let admin = permission_groups(Locale::Nl, &access(&["Microsoft.Intune_*"], &[], ScopeType::AllDevices, true));
        assert_eq!(admin.len(), 1);
        assert_eq!((admin[0].title.as_str(), admin[0].items[0].code.as_str()), ("Heel Intune", "Microsoft.Intune_*"));
    }
}
