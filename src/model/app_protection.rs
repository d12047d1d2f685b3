//! App protection (MAM) policies and the app registrations that report their check-ins.

use serde::Deserialize;

use super::{Assignment, ObjectRef};

/// An app protection (MAM) policy: iosManagedAppProtection, androidManagedAppProtection, ….
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AppProtectionPolicy {
    #[serde(rename = "@odata.type")]
    pub odata_type: String,
    pub id: String,
    pub display_name: String,
    pub description: Option<String>,
    pub last_modified_date_time: Option<String>,
    pub deployed_app_count: Option<u32>,
    pub is_assigned: Option<bool>,
    pub assignments: Vec<Assignment>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AppRegistration {
    #[serde(rename = "@odata.type")]
    pub odata_type: String,
    pub id: String,
    pub user_id: Option<String>,
    pub app_identifier: AppIdentifier,
    pub application_version: Option<String>,
    pub device_name: Option<String>,
    pub device_type: Option<String>,
    /// Intune's id for the device across the user's registrations (several apps on one device share it).
    pub device_tag: Option<String>,
    pub platform_version: Option<String>,
    pub last_sync_date_time: Option<String>,
    pub flagged_reasons: Vec<String>,
    pub applied_policies: Vec<ObjectRef>,
    pub intended_policies: Vec<ObjectRef>,
}

impl AppRegistration {
    /// "Checked in" means the app has received every policy intended for it at its last check-in.
    pub fn is_checked_in(&self) -> bool {
        !self.applied_policies.is_empty()
            && self.intended_policies.iter().all(|intended| self.applied_policies.iter().any(|a| a.id == intended.id))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AppIdentifier {
    pub bundle_id: Option<String>,
    pub package_id: Option<String>,
}

impl AppIdentifier {
    pub fn name(&self) -> &str {
        self.bundle_id.as_deref().or(self.package_id.as_deref()).unwrap_or_default()
    }
}
