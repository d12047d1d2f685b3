//! Every Graph call Tier1 makes, one function each: the request (version, path, `$select`, headers) and the
//! decoded result. The `*_request` builders are pure so tests can pin the exact URLs.

use super::request::odata_string;
use super::{ApiError, ApiVersion, GraphClient, GraphRequest};
use crate::domain::device_actions::{request_body, ActionOptions, DeviceAction};
use crate::model::*;

pub const USER_FIELDS: [&str; 9] = [
    "id",
    "displayName",
    "userPrincipalName",
    "mail",
    "accountEnabled",
    "department",
    "jobTitle",
    "mobilePhone",
    "businessPhones",
];

pub const DEVICE_FIELDS: [&str; 25] = [
    "id",
    "userId",
    "userPrincipalName",
    "userDisplayName",
    "deviceName",
    "operatingSystem",
    "osVersion",
    "complianceState",
    "managementAgent",
    "managedDeviceOwnerType",
    "managementState",
    "enrolledDateTime",
    "lastSyncDateTime",
    "azureADDeviceId",
    "azureADRegistered",
    "model",
    "manufacturer",
    "serialNumber",
    "isEncrypted",
    "totalStorageSpaceInBytes",
    "freeStorageSpaceInBytes",
    // Which device actions apply: Android enrollment mode, Apple supervision.
    "deviceEnrollmentType",
    "isSupervised",
    // Findings: when a device in grace turns non-compliant, and retire/wipe pending or an action that failed.
    "complianceGracePeriodExpirationDateTime",
    "deviceActionResults",
];

pub const GROUP_FIELDS: [&str; 6] =
    ["id", "displayName", "description", "groupTypes", "membershipRule", "securityEnabled"];

/// Results shown in the user picker.
pub const SEARCH_LIMIT: usize = 15;

pub fn organization_request() -> GraphRequest {
    GraphRequest::v1("organization").select(&[
        "id",
        "displayName",
        "verifiedDomains",
        "mobileDeviceManagementAuthority",
    ])
}

pub fn device_management_request() -> GraphRequest {
    GraphRequest::v1("deviceManagement").select(&["subscriptionState", "settings"])
}

/// `$search` matches the start of words in each property; quotes and backslashes would break the syntax.
pub fn user_search_request(text: &str) -> GraphRequest {
    let term: String = text.chars().filter(|c| !matches!(c, '"' | '\\')).collect();
    let term = term.trim();
    let expr = format!("\"displayName:{term}\" OR \"userPrincipalName:{term}\" OR \"mail:{term}\"");
    GraphRequest::v1("users").search(expr).select(&USER_FIELDS).top(SEARCH_LIMIT)
}

/// Devices whose name starts with what the caller said ("AUR-LT-0142"), with their primary user. Intune is known
/// to ignore some device filters and answer with every device, so the loader re-checks each hit.
pub fn device_name_lookup_request(text: &str) -> GraphRequest {
    GraphRequest::v1("deviceManagement/managedDevices")
        .filter(format!("startswith(deviceName,{})", odata_string(text.trim())))
        .select(&DEVICE_HIT_FIELDS)
        .top(DEVICE_LOOKUP_LIMIT)
}

/// The device with this exact serial number (a caller reads it from the label or Settings › About).
pub fn device_serial_lookup_request(text: &str) -> GraphRequest {
    GraphRequest::v1("deviceManagement/managedDevices")
        .filter(format!("serialNumber eq {}", odata_string(text.trim())))
        .select(&DEVICE_HIT_FIELDS)
        .top(DEVICE_LOOKUP_LIMIT)
}

/// Users whose mobile or business phone starts with what the caller said, in each form of it (Graph matches
/// the text, so "+31 6 1234" and "+3161234" are asked for both). Filtering on `businessPhones` is an advanced
/// query: it needs `$count` and `ConsistencyLevel: eventual`.
pub fn user_phone_lookup_request(text: &str) -> GraphRequest {
    let clauses: Vec<String> = crate::domain::search::phone_forms(text)
        .iter()
        .map(|form| {
            let literal = odata_string(form);
            format!("startswith(mobilePhone,{literal}) or businessPhones/any(p:startswith(p,{literal}))")
        })
        .collect();
    GraphRequest::v1("users").filter(clauses.join(" or ")).select(&USER_FIELDS).top(SEARCH_LIMIT).advanced_count()
}

/// Devices a lookup shows at most per identifier: the caller names one device, not a fleet.
pub const DEVICE_LOOKUP_LIMIT: usize = 10;

pub fn user_request(id: &str) -> GraphRequest {
    GraphRequest::v1(format!("users/{id}")).select(&USER_FIELDS)
}

pub fn license_details_request(id: &str) -> GraphRequest {
    GraphRequest::v1(format!("users/{id}/licenseDetails"))
}

pub fn managed_devices_request(id: &str) -> GraphRequest {
    GraphRequest::v1(format!("users/{id}/managedDevices")).select(&DEVICE_FIELDS)
}

pub fn member_of_request(id: &str, transitive: bool) -> GraphRequest {
    let nav = if transitive { "transitiveMemberOf" } else { "memberOf" };
    GraphRequest::v1(format!("users/{id}/{nav}/microsoft.graph.group")).select(&GROUP_FIELDS).top(999)
}

/// The groups an Entra device is in, directly or nested, addressed by its `deviceId` (the managed device's
/// `azureADDeviceId`) through Graph's alternate key: `/devices/{id}` wants the directory object id, which
/// Intune does not give, and looking it up first would cost a round trip per device.
pub fn device_member_of_request(azure_ad_device_id: &str) -> GraphRequest {
    GraphRequest::v1(format!(
        "devices(deviceId={})/transitiveMemberOf/microsoft.graph.group",
        odata_string(azure_ad_device_id)
    ))
    .select(&["id", "displayName"])
    .top(999)
}

/// The groups a group is directly a member of (one step of nesting): read for each of a user's groups, they
/// say how the user is in a nested group (user → A → B).
pub fn group_member_of_request(group_id: &str) -> GraphRequest {
    GraphRequest::v1(format!("groups/{group_id}/memberOf/microsoft.graph.group")).select(&["id"]).top(999)
}

/// Directory `in` filters accept at most 15 values.
pub const GROUP_LOOKUP_CHUNK: usize = 15;

pub fn groups_by_id_request(ids: &[String]) -> GraphRequest {
    let list: Vec<String> = ids.iter().map(|id| odata_string(id)).collect();
    GraphRequest::v1("groups").filter(format!("id in ({})", list.join(","))).select(&["id", "displayName"])
}

pub fn mobile_apps_request() -> GraphRequest {
    GraphRequest::v1("deviceAppManagement/mobileApps")
        .select(&["id", "displayName", "publisher", "lastModifiedDateTime"])
        .expand(&["assignments"])
}

pub fn app_device_statuses_request(app_id: &str, user_principal_name: &str) -> GraphRequest {
    GraphRequest::beta(format!("deviceAppManagement/mobileApps/{app_id}/deviceStatuses"))
        .filter(format!("userPrincipalName eq {}", odata_string(user_principal_name)))
}

pub fn compliance_policies_request() -> GraphRequest {
    GraphRequest::v1("deviceManagement/deviceCompliancePolicies")
        .select(&["id", "displayName", "description", "lastModifiedDateTime"])
        .expand(&["assignments"])
}

pub fn configuration_policies_request() -> GraphRequest {
    GraphRequest::v1("deviceManagement/deviceConfigurations")
        .select(&["id", "displayName", "description", "lastModifiedDateTime"])
        .expand(&["assignments"])
}

/// `compliance`: deviceCompliancePolicyStates, else deviceConfigurationStates.
pub fn device_policy_states_request(device_id: &str, compliance: bool) -> GraphRequest {
    let nav = if compliance { "deviceCompliancePolicyStates" } else { "deviceConfigurationStates" };
    GraphRequest::v1(format!("deviceManagement/managedDevices/{device_id}/{nav}"))
}

/// Devices per state of one compliance policy or configuration profile, across the tenant.
pub fn policy_status_overview_request(policy_id: &str, compliance: bool) -> GraphRequest {
    let collection = if compliance { "deviceCompliancePolicies" } else { "deviceConfigurations" };
    GraphRequest::v1(format!("deviceManagement/{collection}/{policy_id}/deviceStatusOverview"))
}

/// Devices per state of each setting of one compliance policy, across the tenant.
pub fn setting_state_summaries_request(policy_id: &str) -> GraphRequest {
    GraphRequest::v1(format!("deviceManagement/deviceCompliancePolicies/{policy_id}/deviceSettingStateSummaries"))
}

/// Devices and users per install state of one app, across the tenant (beta only).
pub fn app_install_summary_request(app_id: &str) -> GraphRequest {
    GraphRequest::beta(format!("deviceAppManagement/mobileApps/{app_id}/installSummary"))
}

pub fn app_protection_policies_request(user_id: &str) -> GraphRequest {
    GraphRequest::v1(format!("users/{user_id}/getManagedAppPolicies()"))
}

pub fn app_registrations_request(user_id: &str) -> GraphRequest {
    GraphRequest::v1(format!("users/{user_id}/managedAppRegistrations"))
        .expand(&["appliedPolicies", "intendedPolicies"])
}

pub fn enrollment_configurations_request() -> GraphRequest {
    GraphRequest::v1("deviceManagement/deviceEnrollmentConfigurations").expand(&["assignments"])
}

/// Beta: v1.0 lacks `troubleshootingErrorDetails`, the service's own explanation of a failure.
pub fn enrollment_events_request(user_id: &str) -> GraphRequest {
    GraphRequest::beta(format!("users/{user_id}/deviceManagementTroubleshootingEvents"))
}

impl GraphClient {
    pub async fn organization(&self) -> Result<Organization, ApiError> {
        let orgs: Vec<Organization> = self.get_all(&organization_request()).await?;
        orgs.into_iter().next().ok_or_else(|| ApiError::decode("organization list is empty", None))
    }

    pub async fn device_management(&self) -> Result<DeviceManagement, ApiError> {
        self.get(&device_management_request()).await
    }

    pub async fn user(&self, id: &str) -> Result<User, ApiError> {
        self.get(&user_request(id)).await
    }

    pub async fn license_details(&self, id: &str) -> Result<Vec<LicenseDetail>, ApiError> {
        self.get_all(&license_details_request(id)).await
    }

    pub async fn managed_devices(&self, id: &str) -> Result<Vec<ManagedDevice>, ApiError> {
        self.get_all(&managed_devices_request(id)).await
    }

    pub async fn member_of(&self, id: &str, transitive: bool) -> Result<Vec<Group>, ApiError> {
        self.get_all(&member_of_request(id, transitive)).await
    }

    /// The device's groups, transitively (see [`device_member_of_request`]).
    pub async fn device_groups(&self, azure_ad_device_id: &str) -> Result<Vec<Group>, ApiError> {
        self.get_all(&device_member_of_request(azure_ad_device_id)).await
    }

    /// Each group → the groups it is directly a member of, read concurrently (one batch round trip in REST mode).
    pub async fn group_parents(&self, ids: &[String]) -> Result<crate::domain::membership::Parents, ApiError> {
        let reads = ids.iter().map(|id| async move {
            let parents = self.get_all::<Group>(&group_member_of_request(id)).await?;
            Ok::<_, ApiError>((id.clone(), parents.into_iter().map(|g| g.id).collect()))
        });
        Ok(crate::concurrent::try_join_all(reads).await?.into_iter().collect())
    }

    pub async fn groups_by_id(&self, ids: &[String]) -> Result<Vec<Group>, ApiError> {
        let lookups = ids.chunks(GROUP_LOOKUP_CHUNK).map(|chunk| {
            let request = groups_by_id_request(chunk);
            async move { self.get_all::<Group>(&request).await }
        });
        let pages = crate::concurrent::try_join_all(lookups).await?;
        Ok(pages.into_iter().flatten().collect())
    }

    pub async fn mobile_apps(&self) -> Result<Vec<MobileApp>, ApiError> {
        self.get_all(&mobile_apps_request()).await
    }

    pub async fn app_device_statuses(&self, app_id: &str, upn: &str) -> Result<Vec<AppInstallStatus>, ApiError> {
        self.get_all(&app_device_statuses_request(app_id, upn)).await
    }

    pub async fn compliance_policies(&self) -> Result<Vec<DevicePolicy>, ApiError> {
        self.get_all(&compliance_policies_request()).await
    }

    pub async fn configuration_policies(&self) -> Result<Vec<DevicePolicy>, ApiError> {
        self.get_all(&configuration_policies_request()).await
    }

    pub async fn device_policy_states(
        &self,
        device_id: &str,
        compliance: bool,
    ) -> Result<Vec<DevicePolicyState>, ApiError> {
        self.get_all(&device_policy_states_request(device_id, compliance)).await
    }

    pub async fn app_protection_policies(&self, user_id: &str) -> Result<Vec<AppProtectionPolicy>, ApiError> {
        self.get_all(&app_protection_policies_request(user_id)).await
    }

    pub async fn app_registrations(&self, user_id: &str) -> Result<Vec<AppRegistration>, ApiError> {
        self.get_all(&app_registrations_request(user_id)).await
    }

    pub async fn enrollment_configurations(&self) -> Result<Vec<EnrollmentConfiguration>, ApiError> {
        self.get_all(&enrollment_configurations_request()).await
    }

    pub async fn enrollment_events(&self, user_id: &str) -> Result<Vec<EnrollmentEvent>, ApiError> {
        self.get_all(&enrollment_events_request(user_id)).await
    }
}

/// The Graph API version a device action is sent to.
pub fn action_version(action: DeviceAction) -> ApiVersion {
    if action.beta_only() {
        ApiVersion::Beta
    } else {
        ApiVersion::V1
    }
}

/// A remote action on a managed device (`POST …/managedDevices/{id}/{action}`), with its parameters.
pub fn device_action_request(action: DeviceAction, device_id: &str, options: ActionOptions) -> GraphRequest {
    let body = request_body(action, options).map(|json| json.to_string());
    let request = match action_version(action) {
        ApiVersion::V1 => GraphRequest::v1(action.path(device_id)),
        ApiVersion::Beta => GraphRequest::beta(action.path(device_id)),
    };
    request.post(body)
}

impl GraphClient {
    /// Sends a device action. Graph accepts it (204, or 200 with a body for beta actions) and carries it
    /// out asynchronously; its progress shows in the device's `deviceActionResults`. Only idempotent
    /// actions are retried on throttling: a repeated wipe or lock must never be sent by Tier1 itself.
    pub async fn device_action(
        &self,
        action: DeviceAction,
        device_id: &str,
        options: ActionOptions,
    ) -> Result<(), ApiError> {
        self.send(&device_action_request(action, device_id, options), action.is_idempotent()).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_strips_characters_that_break_search_syntax() {
        let req = user_search_request(" zo\"ë\\ ");
        assert_eq!(
            req.query_value("$search"),
            Some("\"displayName:zoë\" OR \"userPrincipalName:zoë\" OR \"mail:zoë\"")
        );
        assert!(req.headers.iter().any(|(k, v)| k == "ConsistencyLevel" && v == "eventual"));
    }

    #[test]
    fn status_filter_quotes_the_upn() {
        let req = app_device_statuses_request("a1", "o'neil@x.example");
        assert_eq!(req.query_value("$filter"), Some("userPrincipalName eq 'o''neil@x.example'"));
        assert!(req.to_url().starts_with("beta/deviceAppManagement/mobileApps/a1/deviceStatuses?"));
    }

    #[test]
    fn a_wipe_posts_its_options_and_diagnostics_go_to_beta() {
        let options = ActionOptions { keep_enrollment_data: true, keep_user_data: false };
        let wipe = device_action_request(DeviceAction::Wipe, "d-1", options);
        assert_eq!(wipe.method, super::super::Method::Post);
        assert_eq!(wipe.to_url(), "v1.0/deviceManagement/managedDevices/d-1/wipe");
        let body: serde_json::Value = serde_json::from_str(wipe.body.as_deref().unwrap()).unwrap();
        assert_eq!(body["keepEnrollmentData"], true);
        assert_eq!(body["keepUserData"], false);
        let sync = device_action_request(DeviceAction::Sync, "d-1", ActionOptions::default());
        assert_eq!(
            (sync.to_url().as_str(), sync.body.as_deref()),
            ("v1.0/deviceManagement/managedDevices/d-1/syncDevice", None)
        );
        let logs = device_action_request(DeviceAction::CollectDiagnostics, "d-1", ActionOptions::default());
        assert!(logs.to_url().starts_with("beta/deviceManagement/managedDevices/d-1/createDeviceLogCollectionRequest"));
    }

    #[test]
    fn device_groups_use_the_device_id_alternate_key() {
        assert_eq!(
            device_member_of_request("b976faea-4c2d").to_url(),
            "v1.0/devices(deviceId='b976faea-4c2d')/transitiveMemberOf/microsoft.graph.group?$select=id,displayName&$top=999"
        );
    }

    #[test]
    fn membership_uses_the_group_cast() {
        assert!(member_of_request("u", true)
            .to_url()
            .starts_with("v1.0/users/u/transitiveMemberOf/microsoft.graph.group?"));
    }
}
