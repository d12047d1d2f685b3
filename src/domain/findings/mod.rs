//! "What is wrong with this user", derived from the loaded data, each finding with the evidence behind it.
//! The checks live beside this file by what they read (tenant, account, devices, device state, apps); `triage`
//! says how much each finding weighs, who acts on it and where its evidence is shown, and ranks them.

mod account;
pub mod app_protection;
mod apps;
mod device_state;
mod devices;
pub mod enrollment;
mod targeting;
mod tenant;
pub mod triage;

pub use app_protection::FlagReason;
pub use devices::failing_settings;
pub use targeting::{Connectivity, ItemKind, Targeting};
pub use triage::{rank, Actor, Area, Place, Ranked, Weight};

use std::collections::BTreeSet;

use super::builtin_compliance::BuiltInSetting;
use super::failures::{Category, Evidence as FailureEvidence, Reason as FailureReason};
use super::status::{AppRecord, DeviceRecord, LicenseStatus};
use crate::model::{AppRegistration, EnrollmentConfiguration, EnrollmentEvent, User};
use crate::model::{DeviceManagement, MdmAuthority, Organization, SubscriptionState};

/// Why a device is not compliant: a failing setting by its name, or one of the built-in policy's settings,
/// which need words of their own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A setting by its name, with the value the device reported for it when it did.
    Setting {
        name: String,
        value: Option<String>,
    },
    BuiltIn(BuiltInSetting),
}

/// One problem found. Names are for the sentence; ids say where the evidence is shown (see `triage`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The tenant's Intune subscription is not active: nothing in it can be managed.
    TenantNotActive {
        state: SubscriptionState,
    },
    /// The tenant's devices are managed by another authority than Intune (or none is set).
    MdmAuthorityNotIntune {
        authority: MdmAuthority,
    },
    AccountDisabled,
    NoIntuneLicense,
    IntunePlanNotActive {
        sku: String,
        provisioning: String,
    },
    /// The enrollment device limit in effect for the user is used up: the next enrollment fails.
    DeviceLimitReached {
        limit: u32,
        policy: String,
        enrolled: usize,
    },
    DeviceNotCompliant {
        device: String,
        device_id: String,
        reasons: Vec<Reason>,
        /// The tenant's check-in threshold, for explaining the built-in "Is active"; `None` if unknown.
        threshold: Option<u32>,
    },
    /// The device stopped checking in; `marked_not_compliant` when that is also why it is not compliant (the
    /// built-in policy's "Is active"), which then is not a finding of its own.
    DeviceStale {
        device: String,
        device_id: String,
        days: i64,
        threshold: u32,
        marked_not_compliant: bool,
    },
    /// Not compliant, but within the compliance grace period: it becomes non-compliant at `until` (Unix
    /// seconds) when known.
    DeviceInGracePeriod {
        device: String,
        device_id: String,
        reasons: Vec<Reason>,
        until: Option<i64>,
    },
    /// A retire or wipe was sent and waits for the device: everything else about the device is moot.
    DeviceRemovalPending {
        device: String,
        device_id: String,
        /// `retire` or `wipe` (Graph's action name).
        action: String,
        since: Option<i64>,
    },
    /// A remote action on the device failed.
    DeviceActionFailed {
        device: String,
        device_id: String,
        /// Graph's action name (`rebootNow`, `remoteLock`, …).
        action: String,
        at: Option<i64>,
    },
    /// Two profiles set the same setting differently on one device: neither applies it.
    ProfileConflict {
        policy: String,
        policy_id: String,
        device: String,
        device_id: String,
        /// The other profile in the conflict, when the device's states name it.
        other: Option<(String, String)>,
        /// The setting both set, when reported.
        setting: Option<String>,
    },
    /// A profile assigned to the user (or the device) that the device reports no state for.
    ProfileNoState {
        policy: String,
        policy_id: String,
        device: String,
        device_id: String,
        /// Whether another device of the user reports the profile (then the view has no row without a device).
        reported_elsewhere: bool,
    },
    ProfileError {
        policy: String,
        policy_id: String,
        device: String,
        device_id: String,
        code: Option<String>,
    },
    AppInstallFailed {
        app: String,
        app_id: String,
        device: String,
        device_id: String,
        code: Option<String>,
    },
    /// A protected app has not received the app protection policies deployed to the user for it: Intune's
    /// "Not checked in" (see `app_protection` for the rule). `missing` names those policies.
    AppNotCheckedIn {
        app: String,
        registration_id: String,
        device: String,
        missing: Vec<String>,
    },
    /// The app protection service flagged a device (jailbroken, rooted, …); `apps` are the protected apps that
    /// reported it, `registration_id` the first of their registrations.
    AppDeviceFlagged {
        device: String,
        registration_id: String,
        reason: FlagReason,
        apps: Vec<String>,
    },
    /// An enrollment failed and nothing of that device or platform enrolled since (see `enrollment`).
    EnrollmentFailed {
        event_id: String,
        os: String,
        os_version: String,
        reason: Option<FailureReason>,
        /// The service's words (`failureReason`), for a failure no documented reason names.
        failure: Option<String>,
        category: Category,
        at: Option<i64>,
    },
    /// The platform restriction in effect for the user blocks the device of an unresolved failed enrollment:
    /// `block` is how (platform, personal devices, OS version), as the failure details show it.
    EnrollmentRestricted {
        policy: String,
        policy_id: String,
        block: FailureEvidence,
        event_id: String,
        os: String,
        os_version: String,
        at: Option<i64>,
    },
    /// A connectivity profile (VPN, Wi-Fi, e-mail, certificate) for the platform of one of the user's devices
    /// that reaches neither the user nor that device: `groups` are the groups it targets instead (names).
    ProfileNotTargeted {
        policy: String,
        policy_id: String,
        /// The profile's row key in the Configuration view when it has one row (no state on any device).
        row: Option<String>,
        user: String,
        device: String,
        device_id: String,
        groups: Vec<String>,
    },
    /// A profile, compliance policy or app that an assignment would bring to `member` (the user, or with
    /// `device_id` one of their devices), but an exclusion of `group` they are in wins. `path` is how the user
    /// is in it: group names from one they are directly in to `group` (`None` when not known).
    Excluded {
        kind: ItemKind,
        item: String,
        item_id: String,
        /// The item's row key in its view when it has one row (no state or install status on any device).
        row: Option<String>,
        member: String,
        device_id: Option<String>,
        group: String,
        group_id: String,
        path: Option<Vec<String>>,
    },
}

/// What the checks read; `None` for a source that did not load (its checks do not run).
#[derive(Default)]
pub struct Evidence<'a> {
    pub account: Option<(&'a User, &'a LicenseStatus)>,
    pub devices: Option<&'a [DeviceRecord]>,
    pub apps: Option<&'a [AppRecord]>,
    pub now_secs: i64,
    pub checkin_threshold_days: Option<u32>,
    /// The device limit in effect for the user and the restriction that sets it, when known.
    pub device_limit: Option<(u32, String)>,
    /// The user's app protection registrations (with their intended and applied policies).
    pub app_registrations: Option<&'a [AppRegistration]>,
    /// The user's enrollment failures (troubleshooting events).
    pub enrollment_events: Option<&'a [EnrollmentEvent]>,
    /// The tenant's enrollment configurations and the user's group ids (direct and nested), for the platform
    /// restriction in effect; `None` when either did not load.
    pub restrictions: Option<(&'a [EnrollmentConfiguration], &'a BTreeSet<String>)>,
    /// The tenant: its subscription and MDM authority.
    pub tenant: Option<(&'a Organization, &'a DeviceManagement)>,
    /// The profiles and policies with their assignments and the user's group nesting, for the "why not" and
    /// "no state reported" findings.
    pub targeting: Option<Targeting<'a>>,
}

/// Every finding the evidence allows, in the order the checks run (use [`rank`] for the order to show).
pub fn findings(e: &Evidence) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some((organization, management)) = e.tenant {
        tenant::findings(organization, management, &mut out);
    }
    if let Some((user, license)) = e.account {
        account::findings(user, license, &mut out);
    }
    if let Some(devices) = e.devices {
        devices::limit_findings(devices, e.device_limit.as_ref(), &mut out);
        for record in devices {
            devices::findings(record, e, &mut out);
            device_state::findings(record, &mut out);
        }
        if let Some(t) = &e.targeting {
            device_state::no_state_findings(devices, t.configuration, &t.membership.all_ids(), &mut out);
        }
    }
    if let Some(apps) = e.apps {
        apps::findings(apps, &mut out);
    }
    if let Some(registrations) = e.app_registrations {
        app_protection::findings(registrations, &mut out);
    }
    // Whether a failure was followed by an enrollment needs the devices.
    if let (Some(events), Some(records)) = (e.enrollment_events, e.devices) {
        let devices: Vec<_> = records.iter().map(|r| r.device.clone()).collect();
        let facts = enrollment::EnrollmentFacts {
            events,
            devices: &devices,
            restrictions: e.restrictions,
            license: e.account.map(|(_, license)| license),
        };
        enrollment::findings(&facts, &mut out);
    }
    if let (Some(t), Some(devices)) = (&e.targeting, e.devices) {
        let user = e.account.map(|(u, _)| u.display_name.as_str()).unwrap_or_default();
        targeting::findings(t, user, devices, e.apps, &mut out);
    }
    out
}

#[cfg(test)]
mod tests;
