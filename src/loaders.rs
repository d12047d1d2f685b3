//! What each pane loads, composed from the Graph endpoints: panes and components reach Graph only through
//! these. Independent calls run concurrently; every loader fails as a whole with the first error, which its
//! pane shows. A loader that is a single call returns that call's future as it is (no extra state machine).

use std::collections::BTreeSet;
use std::future::Future;

use crate::concurrent::{try_join, try_join_all};

use crate::domain::assignment::{reach, reach_on_device};
use crate::domain::device_platform::Platform;
use crate::domain::membership::{Membership, Parents};
use crate::domain::status::{license_status, AppRecord, DeviceRecord, LicenseStatus};
use crate::graph::{ApiError, GraphClient};
use crate::model::{DeviceManagement, DevicePolicy, Group, ManagedDevice, MobileApp, Organization, User};
use crate::tables::policies::{unexplained_groups, GroupNames};

#[derive(Debug, Clone, PartialEq)]
pub struct TenantInfo {
    pub organization: Organization,
    pub device_management: DeviceManagement,
}

pub async fn tenant(client: &GraphClient) -> Result<TenantInfo, ApiError> {
    let (organization, device_management) = try_join(client.organization(), client.device_management()).await?;
    Ok(TenantInfo { organization, device_management })
}

#[derive(Debug, Clone, PartialEq)]
pub struct UserInfo {
    pub user: User,
    pub license: LicenseStatus,
}

pub async fn user(client: &GraphClient, id: &str) -> Result<UserInfo, ApiError> {
    let (user, licenses) = try_join(client.user(id), client.license_details(id)).await?;
    Ok(UserInfo { user, license: license_status(&licenses) })
}

/// The user's devices with their compliance and configuration states.
pub async fn devices(client: &GraphClient, user_id: &str) -> Result<Vec<DeviceRecord>, ApiError> {
    device_states(client, client.managed_devices(user_id).await?).await
}

/// The user's devices as listed, without their states: the app install statuses need only this list.
pub fn device_list<'a>(
    client: &'a GraphClient,
    user_id: &'a str,
) -> impl Future<Output = Result<Vec<ManagedDevice>, ApiError>> + 'a {
    client.managed_devices(user_id)
}

/// Compliance and configuration states for devices already listed, and each device's own groups (requested
/// with the states, so device-group assignments cost no extra round trip).
pub async fn device_states(client: &GraphClient, devices: Vec<ManagedDevice>) -> Result<Vec<DeviceRecord>, ApiError> {
    let with_states = devices.into_iter().map(|device| async move {
        let states =
            try_join(client.device_policy_states(&device.id, true), client.device_policy_states(&device.id, false));
        let ((compliance, configuration), groups) = try_join(states, device_groups(client, &device)).await?;
        Ok::<_, ApiError>(DeviceRecord { device, compliance, configuration, groups })
    });
    try_join_all(with_states).await
}

/// The device's groups; `None` without an Entra identity, or when they cannot be read (a tenant that has not
/// consented Device.Read.All): the device's states still show, judged by the user's groups alone.
async fn device_groups(client: &GraphClient, device: &ManagedDevice) -> Result<Option<Vec<Group>>, ApiError> {
    let id =
        device.azure_ad_device_id.as_deref().filter(|id| !id.is_empty() && id.chars().any(|c| c != '0' && c != '-'));
    match id {
        Some(id) => Ok(client.device_groups(id).await.ok()),
        None => Ok(None),
    }
}

pub async fn membership(client: &GraphClient, user_id: &str) -> Result<Membership, ApiError> {
    let (direct, transitive) = try_join(client.member_of(user_id, false), client.member_of(user_id, true)).await?;
    Ok(Membership { direct, transitive })
}

/// Every app of the tenant with its reach for this user and, where it reaches them, its install status on
/// their devices of a matching platform.
pub async fn apps(
    client: &GraphClient,
    user_principal_name: &str,
    membership: &Membership,
    devices: &[DeviceRecord],
) -> Result<Vec<AppRecord>, ApiError> {
    let listed: Vec<ManagedDevice> = devices.iter().map(|d| d.device.clone()).collect();
    let records = app_records(client, client.mobile_apps().await?, user_principal_name, membership, &listed).await?;
    device_group_apps(client, records, user_principal_name, membership, devices).await
}

/// Every app of the tenant, as the catalog lists it (no reach, no install statuses).
pub fn app_catalog(client: &GraphClient) -> impl Future<Output = Result<Vec<MobileApp>, ApiError>> + '_ {
    client.mobile_apps()
}

/// [`apps`] for a catalog fetched already (the troubleshooting screen fetches it while the user's own data
/// is still loading, so both arrive in the first round trip).
pub async fn app_records(
    client: &GraphClient,
    apps: Vec<MobileApp>,
    user_principal_name: &str,
    membership: &Membership,
    devices: &[ManagedDevice],
) -> Result<Vec<AppRecord>, ApiError> {
    let groups = membership.all_ids();
    let device_platforms: Vec<_> =
        devices.iter().map(|d| Platform::from_operating_system(&d.operating_system)).collect();
    let records = apps.into_iter().map(|app| {
        let reach = reach(&app.assignments, &groups);
        let platform = Platform::from_odata_type(&app.odata_type);
        let relevant = reach.applies() && device_platforms.iter().any(|device| platform.reaches(*device));
        async move {
            let statuses =
                if relevant { client.app_device_statuses(&app.id, user_principal_name).await? } else { Vec::new() };
            Ok::<_, ApiError>(AppRecord { app, reach, statuses, device_reach: Default::default() })
        }
    });
    try_join_all(records).await
}

/// Adds each app's reach on the devices whose own groups it targets (device groups) and, for an app that
/// reaches the user only that way, its install statuses: one more round trip, and only for such apps.
pub async fn device_group_apps(
    client: &GraphClient,
    records: Vec<AppRecord>,
    user_principal_name: &str,
    membership: &Membership,
    devices: &[DeviceRecord],
) -> Result<Vec<AppRecord>, ApiError> {
    let user_groups = membership.all_ids();
    let known: Vec<(&DeviceRecord, BTreeSet<String>)> =
        devices.iter().filter(|d| d.groups.is_some()).map(|d| (d, d.group_ids())).collect();
    let records = records.into_iter().map(|mut record| {
        let platform = Platform::from_odata_type(&record.app.odata_type);
        for (d, groups) in &known {
            if platform.reaches(Platform::from_operating_system(&d.device.operating_system)) {
                let on_device = reach_on_device(&record.app.assignments, &user_groups, groups);
                if on_device != record.reach {
                    record.device_reach.insert(d.device.id.clone(), on_device);
                }
            }
        }
        let fetch = !record.reach.applies() && record.applies();
        async move {
            if fetch {
                record.statuses = client.app_device_statuses(&record.app.id, user_principal_name).await?;
            }
            Ok::<_, ApiError>(record)
        }
    });
    try_join_all(records).await
}

/// Names of the user's groups plus any group an assignment mentions, so "why not" can name it.
pub async fn group_names<'a>(
    client: &GraphClient,
    membership: &Membership,
    reaches: impl Iterator<Item = &'a crate::domain::assignment::Reach>,
) -> Result<GroupNames, ApiError> {
    let mut names: GroupNames = membership
        .direct
        .iter()
        .chain(&membership.transitive)
        .map(|g| (g.id.clone(), g.display_name.clone()))
        .collect();
    let missing = unexplained_groups(reaches, &names);
    if !missing.is_empty() {
        for group in client.groups_by_id(&missing).await? {
            names.insert(group.id, group.display_name);
        }
    }
    Ok(names)
}

/// The app protection policies that target the user (App protection policies view).
pub fn app_protection_policies<'a>(
    client: &'a GraphClient,
    user_id: &'a str,
) -> impl Future<Output = Result<Vec<crate::model::AppProtectionPolicy>, ApiError>> + 'a {
    client.app_protection_policies(user_id)
}

/// How the user's nested groups nest (each of their groups → the groups it is directly in), for the path
/// user → A → B. Read only when a group is nested; all the reads go out at once (one `$batch` round trip).
pub async fn nesting(client: &GraphClient, membership: &Membership) -> Result<Parents, ApiError> {
    let ids = membership.nesting_needed();
    if ids.is_empty() {
        return Ok(Parents::new());
    }
    client.group_parents(&ids).await
}

/// The tenant's configuration profiles and compliance policies with their assignments, and the names of the
/// groups they target that the user is not in: what the "why not" findings, the "no state reported" finding
/// and the policy views read.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyLists {
    pub configuration: Vec<DevicePolicy>,
    pub compliance: Vec<DevicePolicy>,
    pub names: GroupNames,
}

/// [`PolicyLists`]: the lists are requested at once (they do not depend on the user), then the names once
/// the membership is known.
pub async fn policy_lists(
    client: &GraphClient,
    membership: impl Future<Output = Result<Membership, ApiError>>,
) -> Result<PolicyLists, ApiError> {
    let lists = try_join(client.configuration_policies(), client.compliance_policies());
    let ((configuration, compliance), membership) = try_join(lists, membership).await?;
    let groups = membership.all_ids();
    let reaches: Vec<_> = configuration.iter().chain(&compliance).map(|p| reach(&p.assignments, &groups)).collect();
    let names = group_names(client, &membership, reaches.iter()).await?;
    Ok(PolicyLists { configuration, compliance, names })
}

/// The user's app registrations with their intended and applied policies (App protection status view, and the
/// app protection findings).
pub fn app_registrations<'a>(
    client: &'a GraphClient,
    user_id: &'a str,
) -> impl Future<Output = Result<Vec<crate::model::AppRegistration>, ApiError>> + 'a {
    client.app_registrations(user_id)
}

/// The tenant's enrollment restrictions (device limits, platform restrictions), shared by the restrictions view
/// and the device-limit finding.
pub fn enrollment_restrictions(
    client: &GraphClient,
) -> impl Future<Output = Result<Vec<crate::model::EnrollmentConfiguration>, ApiError>> + '_ {
    client.enrollment_configurations()
}

/// The user's enrollment attempts (Intune's troubleshooting events), failures and successes.
pub fn enrollment_events<'a>(
    client: &'a GraphClient,
    user_id: &'a str,
) -> impl Future<Output = Result<Vec<crate::model::EnrollmentEvent>, ApiError>> + 'a {
    client.enrollment_events(user_id)
}

/// How far each cause reaches across the tenant, all asked at once (one wave; one `$batch` in REST mode). A
/// cause whose count cannot be read keeps its error: the finding is then shown without a spread.
pub async fn spreads(
    client: &GraphClient,
    causes: &[crate::domain::prevalence::Cause],
) -> Vec<(crate::domain::prevalence::Cause, Result<Option<crate::domain::prevalence::Spread>, ApiError>)> {
    use crate::domain::prevalence::{app_spread, compliance_spread, profile_spread, setting_spread, Cause};
    let counts = causes.iter().map(|cause| async move {
        let spread = match cause {
            Cause::Profile { policy_id } => {
                client.policy_status_overview(policy_id, false).await.map(|o| Some(profile_spread(&o)))
            }
            Cause::ComplianceSetting { policy_id, setting } => {
                client.setting_state_summaries(policy_id).await.map(|s| setting_spread(&s, setting))
            }
            Cause::CompliancePolicy { policy_id } => {
                client.policy_status_overview(policy_id, true).await.map(|o| Some(compliance_spread(&o)))
            }
            Cause::AppInstall { app_id } => client.app_install_summary(app_id).await.map(|s| Some(app_spread(&s))),
        };
        Ok::<_, std::convert::Infallible>((cause.clone(), spread))
    });
    match try_join_all(counts).await {
        Ok(spreads) => spreads,
        Err(never) => match never {},
    }
}

/// How far the causes of the user's device and app findings reach across the tenant, in one wave after their
/// states loaded (`apps` `None` when they did not load: the device findings still get theirs). Counts that
/// could not be read are left out.
pub async fn finding_spreads(
    client: &GraphClient,
    devices: &[DeviceRecord],
    apps: Option<&[AppRecord]>,
) -> crate::domain::incident::KnownSpreads {
    let causes = crate::domain::incident::causes_to_count(devices, apps);
    if causes.is_empty() {
        return Default::default();
    }
    let counts = spreads(client, &causes).await;
    counts.into_iter().filter_map(|(cause, spread)| Some((cause, spread.ok().flatten()?))).collect()
}

/// A user the lookup found, and what led to them when the caller's words were not the user's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub user: User,
    pub matched: Option<Matched>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Matched {
    /// A device they are the primary user of, by its name or serial number.
    Device(crate::model::DeviceHit, crate::domain::search::DeviceField),
    /// Their mobile or business phone number, as the directory holds it.
    Phone(String),
}

/// Users matching what the caller said: by name, principal name or e-mail first (best match first), then users
/// whose phone number it is, then the primary users of devices matching by name or serial number, each with
/// what matched. The lookups go out together (one round trip); a failed phone or device lookup (a role
/// without device access) leaves the other matches standing.
pub async fn find_callers(client: &GraphClient, query: &str) -> Result<Vec<Found>, ApiError> {
    use crate::domain::search::{device_match, phone_digits, phone_match};
    let devices = async { Ok(client.search_devices(query).await) };
    let phones = async {
        match phone_digits(query) {
            Some(_) => Ok(client.search_users_by_phone(query).await.unwrap_or_default()),
            None => Ok(Vec::new()),
        }
    };
    let (users, (devices, phones)) = try_join(find_users(client, query), try_join(devices, phones)).await?;
    let mut found: Vec<Found> = users.into_iter().map(|user| Found { user, matched: None }).collect();
    for user in phones {
        let phones = user.mobile_phone.iter().chain(&user.business_phones).map(String::as_str);
        // Graph matched the text; keep only numbers whose digits really start with the caller's.
        let Some(phone) = phone_match(query, phones).map(str::to_string) else { continue };
        if !found.iter().any(|f| f.user.id == user.id) {
            found.push(Found { user, matched: Some(Matched::Phone(phone)) });
        }
    }
    for hit in devices.unwrap_or_default() {
        let Some(field) = device_match(query, &hit.device_name, hit.serial_number.as_deref()) else { continue };
        let Some(user_id) = hit.user_id.clone().filter(|id| !id.is_empty()) else { continue };
        if found.iter().any(|f| f.user.id == user_id) {
            continue;
        }
        let user = User {
            id: user_id,
            display_name: hit.user_display_name.clone().unwrap_or_default(),
            user_principal_name: hit.user_principal_name.clone().unwrap_or_default(),
            ..User::default()
        };
        found.push(Found { user, matched: Some(Matched::Device(hit, field)) });
    }
    Ok(found)
}

/// Users whose name or principal name matches what was typed, best match first.
pub async fn find_users(client: &GraphClient, query: &str) -> Result<Vec<User>, ApiError> {
    let mut users = client.search_users(query).await?;
    users.sort_by_key(|u| crate::domain::search::rank_key(query, &u.display_name));
    Ok(users)
}
