//! A managed device found from what a caller says ("my laptop is AUR-LT-0142"), with the user it belongs to:
//! only the fields the user lookup needs, so it stays one small request per identifier.

use serde::Deserialize;

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DeviceHit {
    pub id: String,
    pub device_name: String,
    pub serial_number: Option<String>,
    pub operating_system: String,
    /// The device's primary user; empty for a device without one (a shared or kiosk device).
    pub user_id: Option<String>,
    pub user_principal_name: Option<String>,
    pub user_display_name: Option<String>,
}

/// The `$select` of a device lookup: exactly the fields of [`DeviceHit`].
pub const DEVICE_HIT_FIELDS: [&str; 7] =
    ["id", "deviceName", "serialNumber", "operatingSystem", "userId", "userPrincipalName", "userDisplayName"];
