//! Apps: the tenant's app catalog (`mobileApps` with assignments) and per-device install statuses, with the
//! install error code as Intune shows it (hex HRESULT).

use serde::Deserialize;

use super::Assignment;

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MobileApp {
    #[serde(rename = "@odata.type")]
    pub odata_type: String,
    pub id: String,
    pub display_name: String,
    pub publisher: Option<String>,
    pub last_modified_date_time: Option<String>,
    pub assignments: Vec<Assignment>,
}

/// `mobileAppInstallStatus` (beta `mobileApps/{id}/deviceStatuses`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AppInstallStatus {
    pub device_name: String,
    pub device_id: String,
    pub last_sync_date_time: Option<String>,
    pub install_state: InstallState,
    pub install_state_detail: Option<String>,
    pub error_code: Option<i64>,
    pub display_version: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum InstallState {
    // Worst first, for sorting.
    Failed,
    UninstallFailed,
    PendingInstall,
    NotInstalled,
    Installed,
    NotApplicable,
    #[default]
    #[serde(other)]
    Unknown,
}

impl InstallState {
    pub fn is_failure(self) -> bool {
        matches!(self, Self::Failed | Self::UninstallFailed)
    }
}

/// Intune error codes are HRESULTs stored as signed 32-bit integers; people search for the hex form.
pub fn hresult_hex(code: i64) -> String {
    format!("0x{:08X}", code as i32 as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hresult_renders_as_unsigned_hex() {
        assert_eq!(hresult_hex(-2016345060), "0x87D1041C");
        assert_eq!(hresult_hex(0), "0x00000000");
    }
}
