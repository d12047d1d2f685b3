//! "This user, or many?" applied to the findings: which tenant-wide cause each finding has, how far it reaches
//! beyond this user once Intune's counts are known, and what changes when it is an incident (more affected
//! than the threshold): the IT administrator acts, not the help desk for one user. The weight stays: an
//! incident is no less urgent for the caller.

use std::collections::BTreeMap;

use super::findings::{findings, Actor, Evidence, Finding};
use super::prevalence::{Cause, Spread, Unit};
use super::status::{AppRecord, DeviceRecord};
use crate::model::DevicePolicyState;

/// The counts that loaded, by cause; a cause whose count could not be read is absent.
pub type KnownSpreads = BTreeMap<Cause, Spread>;

/// How far one finding's cause reaches across the tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reach {
    /// Devices or users showing the cause, this user's included.
    pub affected: u32,
    /// Besides this user (their own devices, or themselves).
    pub others: u32,
    pub unit: Unit,
    /// More affected than the threshold: an incident for the IT administrator.
    pub incident: bool,
}

/// The tenant-wide causes of a finding: the profile, the failing compliance settings (or the policy when it
/// names none), the app. Other findings have none Intune counts.
pub fn causes(finding: &Finding, devices: &[DeviceRecord]) -> Vec<Cause> {
    match finding {
        Finding::ProfileError { policy_id, .. } => vec![Cause::Profile { policy_id: policy_id.clone() }],
        Finding::AppInstallFailed { app_id, .. } => vec![Cause::AppInstall { app_id: app_id.clone() }],
        Finding::DeviceNotCompliant { device_id, .. } => {
            let record = devices.iter().find(|r| r.device.id == *device_id);
            record.map(|r| r.compliance.iter().filter(|s| s.state.is_problem()).flat_map(policy_causes).collect())
        }
        .unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn policy_causes(state: &DevicePolicyState) -> Vec<Cause> {
    let settings: Vec<Cause> = state
        .setting_states
        .iter()
        .filter(|s| s.state.is_problem())
        .filter_map(|s| s.setting.clone())
        .map(|setting| Cause::ComplianceSetting { policy_id: state.id.clone(), setting })
        .collect();
    if settings.is_empty() {
        vec![Cause::CompliancePolicy { policy_id: state.id.clone() }]
    } else {
        settings
    }
}

/// Every cause the user's device and app findings have, once each: what to ask Intune to count.
pub fn causes_to_count(devices: &[DeviceRecord], apps: Option<&[AppRecord]>) -> Vec<Cause> {
    let evidence = Evidence { devices: Some(devices), apps, ..Evidence::default() };
    let mut all: Vec<Cause> = findings(&evidence).iter().flat_map(|f| causes(f, devices)).collect();
    all.sort();
    all.dedup();
    all
}

/// How many of this user's own devices show the cause (for users: the user, once).
fn own(cause: &Cause, devices: &[DeviceRecord]) -> u32 {
    let policy = |states: &[DevicePolicyState], id: &str, setting: Option<&str>| {
        states.iter().any(|s| {
            s.id == id
                && s.state.is_problem()
                && setting.is_none_or(|path| {
                    s.setting_states.iter().any(|x| x.state.is_problem() && x.setting.as_deref() == Some(path))
                })
        })
    };
    let count = |hit: &dyn Fn(&DeviceRecord) -> bool| devices.iter().filter(|r| hit(r)).count() as u32;
    match cause {
        Cause::Profile { policy_id } => count(&|r| policy(&r.configuration, policy_id, None)),
        Cause::ComplianceSetting { policy_id, setting } => count(&|r| policy(&r.compliance, policy_id, Some(setting))),
        Cause::CompliancePolicy { policy_id } => count(&|r| policy(&r.compliance, policy_id, None)),
        Cause::AppInstall { .. } => 1,
    }
}

/// The reach of a finding's widest cause whose count is known; `None` while none is (or it has no cause).
pub fn reach(finding: &Finding, devices: &[DeviceRecord], known: &KnownSpreads, threshold: u32) -> Option<Reach> {
    causes(finding, devices)
        .iter()
        .filter_map(|cause| {
            let spread = known.get(cause)?;
            // Intune's count may lag behind the device's own report: never fewer than this user's own.
            let mine = own(cause, devices).max(1);
            let affected = spread.affected.max(mine);
            let spread = Spread { affected, unit: spread.unit };
            Some(Reach {
                affected,
                others: spread.others(mine),
                unit: spread.unit,
                incident: spread.is_incident(threshold),
            })
        })
        .max_by_key(|r| (r.incident, r.affected))
}

/// Who acts on the finding: the Intune administrator for an incident, else whoever acts for one user.
pub fn actor(finding: &Finding, reach: Option<Reach>) -> Actor {
    match reach {
        Some(r) if r.incident => Actor::IntuneAdmin,
        _ => finding.actor(),
    }
}

#[cfg(test)]
#[path = "incident_tests.rs"]
mod tests;
