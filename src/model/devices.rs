//! Managed devices and their compliance, ownership and per-policy, per-setting states.

use serde::Deserialize;

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ManagedDevice {
    pub id: String,
    pub user_id: Option<String>,
    pub user_principal_name: Option<String>,
    /// The primary user's name, as Intune shows it beside the device.
    pub user_display_name: Option<String>,
    pub device_name: String,
    pub operating_system: String,
    pub os_version: String,
    pub compliance_state: ComplianceState,
    pub management_agent: String,
    pub managed_device_owner_type: OwnerType,
    pub management_state: Option<String>,
    pub enrolled_date_time: Option<String>,
    pub last_sync_date_time: Option<String>,
    #[serde(rename = "azureADDeviceId")]
    pub azure_ad_device_id: Option<String>,
    /// Whether the device is registered in Microsoft Entra ID (joined devices are registered too).
    #[serde(rename = "azureADRegistered")]
    pub azure_ad_registered: Option<bool>,
    pub model: Option<String>,
    pub manufacturer: Option<String>,
    pub serial_number: Option<String>,
    pub is_encrypted: Option<bool>,
    pub total_storage_space_in_bytes: Option<i64>,
    pub free_storage_space_in_bytes: Option<i64>,
    /// How the device enrolled (beta values such as `androidEnterpriseFullyManaged`): decides the device
    /// actions an Android device gets. Absent unless `$select`ed.
    pub device_enrollment_type: Option<String>,
    /// Apple supervision (ADE); some actions need it. Absent unless `$select`ed.
    pub is_supervised: Option<bool>,
    /// When the compliance grace period ends (or ended): a device `inGracePeriod` turns non-compliant then.
    /// Graph gives far-future dates (9999-12-31) for devices with no grace period running.
    pub compliance_grace_period_expiration_date_time: Option<String>,
    /// The remote actions sent to the device and how far each got (pending, failed, done, …).
    pub device_action_results: Vec<DeviceActionResult>,
}

/// `deviceActionResult`: one remote action on a device, as Intune tracks it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DeviceActionResult {
    /// The action's Graph name (`wipe`, `retire`, `rebootNow`, …).
    pub action_name: String,
    /// `actionState`: none, pending, canceled, active, done, failed, notSupported.
    pub action_state: String,
    pub start_date_time: Option<String>,
    pub last_updated_date_time: Option<String>,
}

/// managedDevice.complianceState.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ComplianceState {
    Compliant,
    Noncompliant,
    Conflict,
    Error,
    InGracePeriod,
    ConfigManager,
    #[default]
    #[serde(other)]
    Unknown,
}

/// managedDeviceOwnerType.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum OwnerType {
    Company,
    Personal,
    #[default]
    #[serde(other)]
    Unknown,
}

/// Who manages the device, as the troubleshooting pane's "Managed by" column names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManagedBy {
    Mdm,
    ConfigMgr,
    CoManaged,
    Mde,
    Eas,
    Other,
}

impl ManagedBy {
    pub fn from_agent(agent: &str) -> Self {
        match agent {
            "mdm" | "easMdm" | "microsoft365ManagedMdm" | "intuneClient" | "easIntuneClient" => Self::Mdm,
            "configurationManagerClient" => Self::ConfigMgr,
            "configurationManagerClientMdm" | "configurationManagerClientMdmEas" => Self::CoManaged,
            "msSense" => Self::Mde,
            "eas" => Self::Eas,
            _ => Self::Other,
        }
    }
}

/// Per-device policy outcome: `deviceCompliancePolicyState` and `deviceConfigurationState` share this shape.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DevicePolicyState {
    pub id: String,
    pub display_name: String,
    pub platform_type: Option<String>,
    pub state: PolicyState,
    pub setting_count: Option<u32>,
    pub setting_states: Vec<SettingState>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SettingState {
    pub setting: Option<String>,
    pub setting_name: Option<String>,
    pub state: PolicyState,
    pub error_code: Option<i64>,
    pub error_description: Option<String>,
    pub current_value: Option<String>,
    /// The policies that set this setting on the device (`settingSource`): for a conflict, the other one.
    pub sources: Vec<SettingSource>,
}

/// `settingSource`: a policy contributing a setting.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SettingSource {
    pub id: String,
    pub display_name: String,
}

/// `complianceStatus`, used for both compliance and configuration policy states.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PolicyState {
    // Declared worst first, so sorting by state brings problems to the top.
    Error,
    Conflict,
    NonCompliant,
    Remediated,
    Compliant,
    NotApplicable,
    NotAssigned,
    #[default]
    #[serde(other)]
    Unknown,
}

impl PolicyState {
    pub fn is_problem(self) -> bool {
        matches!(self, Self::Error | Self::Conflict | Self::NonCompliant)
    }
}
