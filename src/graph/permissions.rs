//! Which delegated Graph permission each call needs, so a 403 can name what is missing instead of a
//! generic "access denied". The table mirrors the permissions section of `docs/rest-api.md`; the contract
//! test checks that the two agree row by row.

/// (path template, least-privileged delegated permission). Templates use `{id}` for any path segment
/// that is an identifier; the first matching template wins.
pub const CALL_PERMISSIONS: &[(&str, &str)] = &[
    ("organization", "User.Read"),
    ("deviceManagement", "DeviceManagementServiceConfig.Read.All"),
    ("users", "User.Read.All"),
    ("users/{id}", "User.Read.All"),
    ("users/{id}/licenseDetails", "LicenseAssignment.Read.All"),
    ("users/{id}/managedDevices", "DeviceManagementManagedDevices.Read.All"),
    ("deviceManagement/managedDevices", "DeviceManagementManagedDevices.Read.All"),
    ("users/{id}/memberOf/microsoft.graph.group", "User.Read.All"),
    ("users/{id}/transitiveMemberOf/microsoft.graph.group", "User.Read.All"),
    ("groups", "GroupMember.Read.All"),
    ("groups/{id}/memberOf/microsoft.graph.group", "GroupMember.Read.All"),
    ("devices(deviceId='{id}')/transitiveMemberOf/microsoft.graph.group", "Device.Read.All"),
    ("deviceAppManagement/mobileApps", "DeviceManagementApps.Read.All"),
    ("deviceAppManagement/mobileApps/{id}/deviceStatuses", "DeviceManagementApps.Read.All"),
    ("deviceManagement/deviceCompliancePolicies", "DeviceManagementConfiguration.Read.All"),
    ("deviceManagement/deviceConfigurations", "DeviceManagementConfiguration.Read.All"),
    ("deviceManagement/managedDevices/{id}/deviceCompliancePolicyStates", "DeviceManagementConfiguration.Read.All"),
    ("deviceManagement/managedDevices/{id}/deviceConfigurationStates", "DeviceManagementConfiguration.Read.All"),
    ("deviceManagement/deviceCompliancePolicies/{id}/deviceStatusOverview", "DeviceManagementConfiguration.Read.All"),
    ("deviceManagement/deviceConfigurations/{id}/deviceStatusOverview", "DeviceManagementConfiguration.Read.All"),
    (
        "deviceManagement/deviceCompliancePolicies/{id}/deviceSettingStateSummaries",
        "DeviceManagementConfiguration.Read.All",
    ),
    ("deviceAppManagement/mobileApps/{id}/installSummary", "DeviceManagementApps.Read.All"),
    ("users/{id}/getManagedAppPolicies()", "DeviceManagementApps.Read.All"),
    ("users/{id}/managedAppRegistrations", "DeviceManagementApps.Read.All"),
    ("deviceManagement/deviceEnrollmentConfigurations", "DeviceManagementServiceConfig.Read.All"),
    ("users/{id}/deviceManagementTroubleshootingEvents", "DeviceManagementManagedDevices.Read.All"),
    // Device actions (POST). Graph's pages name PrivilegedOperations for the user-impacting ones.
    ("deviceManagement/managedDevices/{id}/syncDevice", PRIVILEGED),
    ("deviceManagement/managedDevices/{id}/rebootNow", PRIVILEGED),
    ("deviceManagement/managedDevices/{id}/remoteLock", PRIVILEGED),
    ("deviceManagement/managedDevices/{id}/resetPasscode", PRIVILEGED),
    ("deviceManagement/managedDevices/{id}/retire", PRIVILEGED),
    ("deviceManagement/managedDevices/{id}/wipe", PRIVILEGED),
    ("deviceManagement/managedDevices/{id}/cleanWindowsDevice", PRIVILEGED),
    ("deviceManagement/managedDevices/{id}/windowsDefenderScan", PRIVILEGED),
    ("deviceManagement/managedDevices/{id}/locateDevice", "DeviceManagementManagedDevices.ReadWrite.All"),
    (
        "deviceManagement/managedDevices/{id}/createDeviceLogCollectionRequest",
        "DeviceManagementManagedDevices.ReadWrite.All",
    ),
];

const PRIVILEGED: &str = "DeviceManagementManagedDevices.PrivilegedOperations.All";

/// The permission a request URL (relative `v1.0/…`, absolute, or a next link) needs, if it is a call
/// of the contract.
pub fn required_permission(url: &str) -> Option<&'static str> {
    let path = url.split('?').next().unwrap_or(url);
    let relative = ["/v1.0/", "/beta/"]
        .iter()
        .find_map(|marker| path.find(marker).map(|at| &path[at + marker.len()..]))
        .or_else(|| path.strip_prefix("v1.0/"))
        .or_else(|| path.strip_prefix("beta/"))?;
    let segments: Vec<&str> = relative.trim_end_matches('/').split('/').collect();
    CALL_PERMISSIONS.iter().find(|(template, _)| matches(template, &segments)).map(|(_, permission)| *permission)
}

fn matches(template: &str, segments: &[&str]) -> bool {
    let parts: Vec<&str> = template.split('/').collect();
    // `{id}` may stand inside a segment too (an alternate key: `devices(deviceId='{id}')`).
    let fits = |t: &str, s: &str| match t.split_once("{id}") {
        Some((before, after)) => s.len() >= before.len() + after.len() && s.starts_with(before) && s.ends_with(after),
        None => t == s,
    };
    parts.len() == segments.len() && parts.iter().zip(segments).all(|(t, s)| fits(t, s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_permission_of_relative_absolute_and_next_link_urls() {
        assert_eq!(
            required_permission("v1.0/users/u-1/managedDevices?$select=id"),
            Some("DeviceManagementManagedDevices.Read.All")
        );
        assert_eq!(
            required_permission(
                "https://graph.microsoft.com/beta/users/u-1/deviceManagementTroubleshootingEvents?$skiptoken=x"
            ),
            Some("DeviceManagementManagedDevices.Read.All")
        );
        assert_eq!(
            required_permission("/graph/v1.0/deviceManagement/deviceEnrollmentConfigurations?$expand=assignments"),
            Some("DeviceManagementServiceConfig.Read.All")
        );
        assert_eq!(
            required_permission("v1.0/deviceManagement?$select=subscriptionState"),
            Some("DeviceManagementServiceConfig.Read.All")
        );
        assert_eq!(required_permission("v1.0/users?$search=x"), Some("User.Read.All"));
        assert_eq!(
            required_permission("v1.0/devices(deviceId='d-1')/transitiveMemberOf/microsoft.graph.group?$top=999"),
            Some("Device.Read.All")
        );
        assert_eq!(
            required_permission("v1.0/users/u-1/getManagedAppPolicies()"),
            Some("DeviceManagementApps.Read.All")
        );
    }

    #[test]
    fn unknown_calls_name_nothing() {
        assert_eq!(required_permission("v1.0/me/drive"), None);
        assert_eq!(required_permission("config.json"), None);
    }
}
