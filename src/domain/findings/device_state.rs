//! Findings about what a device is going through: a grace period running out, a retire or wipe waiting for the
//! device, a remote action that failed, a configuration profile in conflict with another (named), and a profile
//! assigned to the device that it reports no state for.

use std::collections::BTreeSet;

use super::{failing_settings, Finding};
use crate::domain::assignment::reach_on_device;
use crate::domain::device_actions::ActionState;
use crate::domain::device_platform::Platform;
use crate::domain::status::DeviceRecord;
use crate::domain::time::parse_iso;
use crate::model::{
    short_type, ComplianceState, DeviceActionResult, DevicePolicy, DevicePolicyState, ManagedBy, PolicyState,
};

/// The actions that take the device out of management: once sent, the device's other problems are moot.
const REMOVALS: [&str; 2] = ["retire", "wipe"];

pub(super) fn findings(record: &DeviceRecord, out: &mut Vec<Finding>) {
    grace_period(record, out);
    actions(record, out);
    conflicts(record, out);
}

fn grace_period(record: &DeviceRecord, out: &mut Vec<Finding>) {
    let device = &record.device;
    if device.compliance_state != ComplianceState::InGracePeriod {
        return;
    }
    // Graph writes 9999-12-31 when no grace period runs: that is no date to tell the caller.
    let until = device
        .compliance_grace_period_expiration_date_time
        .as_deref()
        .filter(|t| t.get(..4).and_then(|y| y.parse::<u32>().ok()).is_some_and(|year| year < 9000))
        .and_then(parse_iso);
    out.push(Finding::DeviceInGracePeriod {
        device: device.device_name.clone(),
        device_id: device.id.clone(),
        reasons: failing_settings(&record.compliance),
        until,
    });
}

fn is_removal(name: &str) -> bool {
    REMOVALS.iter().any(|r| r.eq_ignore_ascii_case(name))
}

fn started(result: &DeviceActionResult) -> Option<i64> {
    result.start_date_time.as_deref().and_then(parse_iso)
}

/// A retire or wipe still open, and each action whose latest run failed. `managementState` tells the same
/// when the action results do not (`retirePending`, `wipeFailed`, …), without a time.
fn actions(record: &DeviceRecord, out: &mut Vec<Finding>) {
    let device = &record.device;
    let results = &device.device_action_results;
    let finding_for = |result: &DeviceActionResult| {
        let state = ActionState::from_graph_name(&result.action_state);
        // A later run of the same action supersedes this one.
        let superseded = results.iter().any(|other| {
            other.action_name.eq_ignore_ascii_case(&result.action_name) && started(other) > started(result)
        });
        if superseded {
            return None;
        }
        let (device, device_id, action) = (device.device_name.clone(), device.id.clone(), result.action_name.clone());
        if state.is_open() && is_removal(&result.action_name) {
            return Some(Finding::DeviceRemovalPending { device, device_id, action, since: started(result) });
        }
        let at = result.last_updated_date_time.as_deref().and_then(parse_iso).or_else(|| started(result));
        (state == ActionState::Failed).then_some(Finding::DeviceActionFailed { device, device_id, action, at })
    };
    let found: Vec<Finding> = results.iter().filter_map(finding_for).collect();
    let reported = |action: &str| {
        found.iter().any(|f| match f {
            Finding::DeviceRemovalPending { action: a, .. } | Finding::DeviceActionFailed { action: a, .. } => {
                a.eq_ignore_ascii_case(action)
            }
            _ => false,
        })
    };
    let from_state = device.management_state.as_deref().and_then(|state| {
        let (action, rest) = REMOVALS.iter().find_map(|a| state.strip_prefix(a).map(|rest| (*a, rest)))?;
        let (name, id, action_name) = (device.device_name.clone(), device.id.clone(), action.to_string());
        match rest {
            _ if reported(action) => None,
            "Pending" | "Issued" => {
                Some(Finding::DeviceRemovalPending { device: name, device_id: id, action: action_name, since: None })
            }
            "Failed" => {
                Some(Finding::DeviceActionFailed { device: name, device_id: id, action: action_name, at: None })
            }
            _ => None,
        }
    });
    out.extend(found);
    out.extend(from_state);
}

/// Each profile in conflict, naming the other profile: from the conflicting setting's sources, else another
/// profile in conflict on the same device (one that reports the same setting first).
fn conflicts(record: &DeviceRecord, out: &mut Vec<Finding>) {
    let states = &record.configuration;
    for state in states.iter().filter(|s| s.state == PolicyState::Conflict) {
        let setting = state.setting_states.iter().find(|s| s.state == PolicyState::Conflict);
        let setting_name = setting.and_then(|s| s.setting_name.clone().or_else(|| s.setting.clone()));
        let from_sources =
            setting.and_then(|s| s.sources.iter().find(|src| src.id != state.id && !src.display_name.is_empty()));
        let other = match from_sources {
            Some(src) => Some((src.display_name.clone(), src.id.clone())),
            None => other_in_conflict(states, state, setting.and_then(|s| s.setting.as_deref())),
        };
        out.push(Finding::ProfileConflict {
            policy: state.display_name.clone(),
            policy_id: state.id.clone(),
            device: record.device.device_name.clone(),
            device_id: record.device.id.clone(),
            other,
            setting: setting_name,
        });
    }
}

fn other_in_conflict(
    states: &[DevicePolicyState],
    this: &DevicePolicyState,
    setting: Option<&str>,
) -> Option<(String, String)> {
    let others = || states.iter().filter(|s| s.state == PolicyState::Conflict && s.id != this.id);
    let same_setting =
        |s: &&DevicePolicyState| setting.is_some() && s.setting_states.iter().any(|x| x.setting.as_deref() == setting);
    let other = others().find(same_setting).or_else(|| others().next())?;
    Some((other.display_name.clone(), other.id.clone()))
}

/// Profiles that reach a device (through the user's groups or the device's own) on its platform, which the
/// device reports no state for: it has not received or not applied them yet.
pub(super) fn no_state_findings(
    devices: &[DeviceRecord],
    profiles: &[DevicePolicy],
    user_groups: &BTreeSet<String>,
    out: &mut Vec<Finding>,
) {
    let reports = |d: &DeviceRecord, id: &str| d.configuration.iter().any(|s| s.id == id);
    for profile in profiles {
        let platform = Platform::from_odata_type(&profile.odata_type);
        for record in devices {
            let device = &record.device;
            // Only a device Intune's MDM manages takes profiles (not one ConfigMgr or Exchange alone manages).
            let managed =
                matches!(ManagedBy::from_agent(&device.management_agent), ManagedBy::Mdm | ManagedBy::CoManaged);
            let fits = managed
                && platform.reaches(Platform::from_operating_system(&device.operating_system))
                && android_mode_fits(&profile.odata_type, device.device_enrollment_type.as_deref());
            if !fits || reports(record, &profile.id) {
                continue;
            }
            if !reach_on_device(&profile.assignments, user_groups, &record.group_ids()).applies() {
                continue;
            }
            out.push(Finding::ProfileNoState {
                policy: profile.display_name.clone(),
                policy_id: profile.id.clone(),
                device: device.device_name.clone(),
                device_id: device.id.clone(),
                reported_elsewhere: devices.iter().any(|d| reports(d, &profile.id)),
            });
        }
    }
}

/// Android Enterprise profiles are for one kind of enrollment: work profile settings do not land on a fully
/// managed or dedicated device, nor device owner settings on a personal work profile. Unknown enrollment
/// types are given the benefit of the doubt (no finding rather than a wrong one).
fn android_mode_fits(odata_type: &str, enrollment_type: Option<&str>) -> bool {
    let t = short_type(odata_type).to_ascii_lowercase();
    let corporate = enrollment_type
        .is_some_and(|e| matches!(e, "androidEnterpriseFullyManaged" | "androidEnterpriseDedicatedDevice"));
    let corporate_work_profile = enrollment_type == Some("androidEnterpriseCorporateWorkProfile");
    if t.starts_with("androidworkprofile") {
        !corporate && !corporate_work_profile
    } else if t.starts_with("androiddeviceowner") {
        corporate || corporate_work_profile
    } else {
        true
    }
}

#[cfg(test)]
#[path = "device_state_tests.rs"]
mod tests;
