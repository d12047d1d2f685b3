//! Intune's own counts per policy, per compliance setting and per app: how many devices or users across the
//! tenant are in each state. They answer "is it this user, or many?" with one small request each.

use serde::Deserialize;

/// `deviceStatusOverview` of a configuration profile (deviceConfigurationDeviceOverview) or a compliance policy
/// (deviceComplianceDeviceOverview): devices per state. `conflictCount` is beta-only and absent in v1.0.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PolicyStatusOverview {
    pub pending_count: u32,
    pub not_applicable_count: u32,
    pub success_count: u32,
    pub error_count: u32,
    /// Failed devices; for a compliance policy, the devices that are not compliant with it.
    pub failed_count: u32,
    pub conflict_count: Option<u32>,
}

/// One setting of a compliance policy across the tenant's devices (settingStateDeviceSummary).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SettingStateSummary {
    pub setting_name: Option<String>,
    pub instance_path: Option<String>,
    pub compliant_device_count: u32,
    pub non_compliant_device_count: u32,
    pub error_device_count: u32,
    pub conflict_device_count: u32,
}

/// An app's install counts across the tenant (beta mobileAppInstallSummary).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AppInstallSummary {
    pub installed_device_count: u32,
    pub failed_device_count: u32,
    pub pending_install_device_count: u32,
    pub installed_user_count: u32,
    pub failed_user_count: u32,
    pub pending_install_user_count: u32,
}
