//! "What is wrong with this user", derived from the loaded data, each finding with the evidence behind it.
//! The checks live beside this file by what they read (account, devices, apps); `triage` says how much each
//! finding weighs, who acts on it and where its evidence is shown, and ranks them.

mod account;
mod apps;
mod devices;
mod targeting;
pub mod triage;

pub use devices::failing_settings;
pub use targeting::{Connectivity, ItemKind, Targeting};
pub use triage::{rank, Actor, Area, Place, Ranked, Weight};

use super::builtin_compliance::BuiltInSetting;
use super::status::{AppRecord, DeviceRecord, LicenseStatus};
use crate::model::User;

/// Why a device is not compliant: a failing setting by its name, or one of the built-in policy's settings,
/// which need words of their own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    Setting(String),
    BuiltIn(BuiltInSetting),
}

/// One problem found. Names are for the sentence; ids say where the evidence is shown (see `triage`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
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
pub struct Evidence<'a> {
    pub account: Option<(&'a User, &'a LicenseStatus)>,
    pub devices: Option<&'a [DeviceRecord]>,
    pub apps: Option<&'a [AppRecord]>,
    pub now_secs: i64,
    pub checkin_threshold_days: Option<u32>,
    /// The device limit in effect for the user and the restriction that sets it, when known.
    pub device_limit: Option<(u32, String)>,
    /// The profiles and policies with their assignments and the user's group nesting, for "why not" findings.
    pub targeting: Option<Targeting<'a>>,
}

/// Every finding the evidence allows, in the order the checks run (use [`rank`] for the order to show).
pub fn findings(e: &Evidence) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some((user, license)) = e.account {
        account::findings(user, license, &mut out);
    }
    if let Some(devices) = e.devices {
        devices::limit_findings(devices, e.device_limit.as_ref(), &mut out);
        for record in devices {
            devices::findings(record, e, &mut out);
        }
    }
    if let Some(apps) = e.apps {
        apps::findings(apps, &mut out);
    }
    if let (Some(t), Some(devices)) = (&e.targeting, e.devices) {
        let user = e.account.map(|(u, _)| u.display_name.as_str()).unwrap_or_default();
        targeting::findings(t, user, devices, e.apps, &mut out);
    }
    out
}

#[cfg(test)]
mod tests;
