//! Compliance and configuration policies with their assignments: which groups they include or exclude.

use serde::Deserialize;

/// A device compliance or configuration policy, as listed with `$expand=assignments`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DevicePolicy {
    #[serde(rename = "@odata.type")]
    pub odata_type: String,
    pub id: String,
    pub display_name: String,
    pub description: Option<String>,
    pub last_modified_date_time: Option<String>,
    pub assignments: Vec<Assignment>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Assignment {
    pub id: String,
    /// Only app assignments carry an intent.
    pub intent: Option<AssignmentIntent>,
    pub target: AssignmentTarget,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AssignmentIntent {
    Required,
    Available,
    AvailableWithoutEnrollment,
    Uninstall,
    #[serde(other)]
    Unknown,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AssignmentTarget {
    #[serde(rename = "@odata.type")]
    pub odata_type: String,
    pub group_id: Option<String>,
}

/// What an assignment target means for a user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetKind {
    Group(String),
    ExcludedGroup(String),
    AllUsers,
    AllDevices,
    Other,
}

impl AssignmentTarget {
    pub fn kind(&self) -> TargetKind {
        let group = || self.group_id.clone().unwrap_or_default();
        match super::short_type(&self.odata_type) {
            "groupAssignmentTarget" => TargetKind::Group(group()),
            "exclusionGroupAssignmentTarget" => TargetKind::ExcludedGroup(group()),
            "allLicensedUsersAssignmentTarget" => TargetKind::AllUsers,
            "allDevicesAssignmentTarget" => TargetKind::AllDevices,
            _ => TargetKind::Other,
        }
    }
}
