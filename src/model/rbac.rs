//! Intune role-based access control as Graph returns it (`/deviceManagement/roleDefinitions`,
//! `/deviceManagement/roleAssignments`), groups with their members for resolving scope, and the demo tenant's
//! operator list. Shapes follow beta, which adds `scopeType`; v1.0 bodies parse too (the field is just absent).

use serde::Deserialize;

use super::{null_as_empty, ObjectRef};

/// `deviceAndAppManagementRoleDefinition`: a built-in or custom Intune role.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RoleDefinition {
    pub id: String,
    pub display_name: String,
    pub description: Option<String>,
    pub is_built_in: bool,
    #[serde(deserialize_with = "null_as_empty")]
    pub role_permissions: Vec<RolePermission>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RolePermission {
    #[serde(deserialize_with = "null_as_empty")]
    pub resource_actions: Vec<ResourceAction>,
}

/// Resource-action strings such as `Microsoft.Intune_ManagedDevices_Read`. Within one entry, a not-allowed
/// action removes what the allowed list would grant.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ResourceAction {
    #[serde(deserialize_with = "null_as_empty")]
    pub allowed_resource_actions: Vec<String>,
    #[serde(deserialize_with = "null_as_empty")]
    pub not_allowed_resource_actions: Vec<String>,
}

/// `deviceAndAppManagementRoleAssignment`: who (member groups) may do what (role) to whom (scope).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RoleAssignment {
    pub id: String,
    pub display_name: String,
    pub description: Option<String>,
    /// Admin groups: their members hold the role.
    #[serde(deserialize_with = "null_as_empty")]
    pub members: Vec<String>,
    /// Scope groups: the users and devices the role may act on (when `scope_type` is `resourceScope`).
    #[serde(deserialize_with = "null_as_empty")]
    pub resource_scopes: Vec<String>,
    pub scope_type: ScopeType,
    /// Not a Graph property: `roleDefinition@odata.bind` is write-only, so the demo tenant stores the id here.
    pub role_definition_id: Option<String>,
    /// What Graph returns with `$expand=roleDefinition`.
    pub role_definition: Option<RoleDefinition>,
}

impl RoleAssignment {
    /// The role's id, from the plain field or the expanded definition.
    pub fn definition_id(&self) -> Option<&str> {
        self.role_definition_id
            .as_deref()
            .filter(|id| !id.is_empty())
            .or_else(|| self.role_definition.as_ref().map(|d| d.id.as_str()).filter(|id| !id.is_empty()))
    }
}

/// Beta `roleAssignmentScopeType`. Absent in v1.0, which means the scope groups decide.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ScopeType {
    #[default]
    ResourceScope,
    AllDevices,
    AllLicensedUsers,
    AllDevicesAndLicensedUsers,
    /// A value Tier1 does not know yet: treated like `resourceScope`, the narrowest reading.
    #[serde(other)]
    Unknown,
}

/// A group with its `members` expanded (`GET /groups?$expand=members`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GroupWithMembers {
    pub id: String,
    pub display_name: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub members: Vec<GroupMember>,
}

/// A directory object in a group: `#microsoft.graph.user`, `…group` or `…device`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GroupMember {
    #[serde(rename = "@odata.type")]
    pub odata_type: Option<String>,
    pub id: String,
    /// Devices only: the Entra device id, which `managedDevice.azureADDeviceId` refers to.
    pub device_id: Option<String>,
}

/// Demo mode's sign-in list (`operators.json`, not a Graph collection): a directory user and the admin groups
/// they belong to, as `memberOf` would list them.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DemoOperator {
    pub id: String,
    pub display_name: String,
    pub user_principal_name: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub member_of: Vec<ObjectRef>,
}

impl DemoOperator {
    pub fn group_ids(&self) -> impl Iterator<Item = &str> {
        self.member_of.iter().map(|g| g.id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Collection;

    #[test]
    fn reads_a_role_definition_and_ignores_unknown_fields() {
        let json = r##"{"@odata.type":"#microsoft.graph.deviceAndAppManagementRoleDefinition","id":"r1",
            "displayName":"Help Desk Operator","isBuiltIn":true,"roleScopeTagIds":["0"],
            "rolePermissions":[{"resourceActions":[{"allowedResourceActions":["Microsoft.Intune_ManagedDevices_Read"],
            "notAllowedResourceActions":null}]}]}"##;
        let role: RoleDefinition = serde_json::from_str(json).unwrap();
        assert!(role.is_built_in);
        let actions = &role.role_permissions[0].resource_actions[0];
        assert_eq!(actions.allowed_resource_actions, ["Microsoft.Intune_ManagedDevices_Read"]);
        assert!(actions.not_allowed_resource_actions.is_empty());
    }

    #[test]
    fn assignment_takes_its_role_from_either_form() {
        let plain: RoleAssignment = serde_json::from_str(r#"{"id":"a","roleDefinitionId":"r1"}"#).unwrap();
        assert_eq!(plain.definition_id(), Some("r1"));
        let expanded: RoleAssignment =
            serde_json::from_str(r#"{"id":"a","roleDefinition":{"id":"r2","displayName":"Read Only Operator"}}"#)
                .unwrap();
        assert_eq!(expanded.definition_id(), Some("r2"));
        let neither: RoleAssignment = serde_json::from_str(r#"{"id":"a","members":null}"#).unwrap();
        assert_eq!(neither.definition_id(), None);
        assert!(neither.members.is_empty());
    }

    #[test]
    fn scope_type_defaults_to_groups_and_tolerates_new_values() {
        let v1: RoleAssignment = serde_json::from_str(r#"{"id":"a"}"#).unwrap();
        assert_eq!(v1.scope_type, ScopeType::ResourceScope);
        let all: RoleAssignment = serde_json::from_str(r#"{"scopeType":"allDevicesAndLicensedUsers"}"#).unwrap();
        assert_eq!(all.scope_type, ScopeType::AllDevicesAndLicensedUsers);
        let future: RoleAssignment = serde_json::from_str(r#"{"scopeType":"allCloudPCs"}"#).unwrap();
        assert_eq!(future.scope_type, ScopeType::Unknown);
    }

    #[test]
    fn reads_groups_with_members_and_operators() {
        let page: Collection<GroupWithMembers> = serde_json::from_str(
            r##"{"value":[{"id":"g","displayName":"G","members":[
                {"@odata.type":"#microsoft.graph.user","id":"u"},
                {"@odata.type":"#microsoft.graph.device","id":"o","deviceId":"d","displayName":"PC"}]}]}"##,
        )
        .unwrap();
        assert_eq!(page.value[0].members[1].device_id.as_deref(), Some("d"));
        let op: DemoOperator =
            serde_json::from_str(r#"{"id":"u","displayName":"Op","memberOf":[{"id":"g1"},{"id":"g2"}]}"#).unwrap();
        assert_eq!(op.group_ids().collect::<Vec<_>>(), ["g1", "g2"]);
    }
}
