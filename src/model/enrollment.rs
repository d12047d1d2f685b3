//! Enrollment: the tenant's enrollment configurations (device limit, platform restrictions) and the
//! enrollment failure events of a user.

use serde::Deserialize;

use super::Assignment;

/// A device enrollment configuration: limit, platform restrictions, Windows Hello, ….
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct EnrollmentConfiguration {
    #[serde(rename = "@odata.type")]
    pub odata_type: String,
    pub id: String,
    pub display_name: String,
    pub description: Option<String>,
    pub priority: i32,
    pub limit: Option<u32>,
    pub ios_restriction: Option<PlatformRestriction>,
    pub android_restriction: Option<PlatformRestriction>,
    #[serde(rename = "macOSRestriction")]
    pub mac_os_restriction: Option<PlatformRestriction>,
    pub windows_restriction: Option<PlatformRestriction>,
    pub windows_mobile_restriction: Option<PlatformRestriction>,
    pub assignments: Vec<Assignment>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PlatformRestriction {
    pub platform_blocked: bool,
    pub personal_device_enrollment_blocked: bool,
    pub os_minimum_version: Option<String>,
    pub os_maximum_version: Option<String>,
}

/// `enrollmentTroubleshootingEvent` (v1.0 fields, plus beta details when present).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct EnrollmentEvent {
    pub id: String,
    pub event_date_time: Option<String>,
    pub correlation_id: Option<String>,
    pub user_id: Option<String>,
    pub device_id: Option<String>,
    pub managed_device_identifier: Option<String>,
    pub operating_system: Option<String>,
    pub os_version: Option<String>,
    pub enrollment_type: Option<String>,
    pub failure_category: Option<String>,
    pub failure_reason: Option<String>,
    pub event_name: Option<String>,
    /// Service-supplied extras such as `ErrorCode` (an HRESULT) or `EnrollmentProfile`.
    #[serde(deserialize_with = "super::null_as_empty")]
    pub additional_information: Vec<KeyValue>,
    pub troubleshooting_error_details: Option<ErrorDetails>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct KeyValue {
    pub name: String,
    pub value: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ErrorDetails {
    pub context: Option<String>,
    pub failure: Option<String>,
    pub failure_details: Option<String>,
    pub remediation: Option<String>,
    #[serde(deserialize_with = "super::null_as_empty")]
    pub resources: Vec<ErrorResource>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ErrorResource {
    pub text: String,
    pub link: String,
}
