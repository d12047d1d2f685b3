//! Device findings: the enrollment limit used up, a device that is not compliant (and which settings fail),
//! one that stopped checking in, and configuration profiles in error.

use super::{Evidence, Finding, Reason};
use crate::domain::builtin_compliance::{builtin_setting, BuiltInSetting};
use crate::domain::status::{stale_days, DeviceRecord};
use crate::model::{hresult_hex, ComplianceState, DevicePolicyState, PolicyState};

pub(super) fn limit_findings(devices: &[DeviceRecord], limit: Option<&(u32, String)>, out: &mut Vec<Finding>) {
    if let Some((limit, policy)) = limit {
        if devices.len() >= *limit as usize {
            out.push(Finding::DeviceLimitReached { limit: *limit, policy: policy.clone(), enrolled: devices.len() });
        }
    }
}

/// Compliance, check-in and profile findings of one device. A stale device that is non-compliant because of
/// the built-in "Is active" is one finding (stale, and why it is not compliant), not two.
pub(super) fn findings(record: &DeviceRecord, e: &Evidence, out: &mut Vec<Finding>) {
    let device = &record.device;
    let name = || device.device_name.clone();
    let id = || device.id.clone();
    let threshold = e.checkin_threshold_days;
    let stale = threshold.and_then(|t| stale_days(device, e.now_secs, t).map(|days| (days, t)));
    let not_compliant = matches!(
        device.compliance_state,
        ComplianceState::Noncompliant | ComplianceState::Error | ComplianceState::Conflict
    );
    let mut reasons = if not_compliant { failing_settings(&record.compliance) } else { Vec::new() };
    let inactive = Reason::BuiltIn(BuiltInSetting::IsActive);
    let explained_by_staleness = stale.is_some() && reasons.contains(&inactive);
    if explained_by_staleness {
        reasons.retain(|r| *r != inactive);
    }
    if not_compliant && !(explained_by_staleness && reasons.is_empty()) {
        out.push(Finding::DeviceNotCompliant { device: name(), device_id: id(), reasons, threshold });
    }
    if let Some((days, threshold)) = stale {
        out.push(Finding::DeviceStale {
            device: name(),
            device_id: id(),
            days,
            threshold,
            marked_not_compliant: explained_by_staleness,
        });
    }
    // A conflict is a finding of its own, naming the other profile (see `device_state`).
    for state in
        record.configuration.iter().filter(|s| matches!(s.state, PolicyState::Error | PolicyState::NonCompliant))
    {
        let code = state.setting_states.iter().filter_map(|s| s.error_code).find(|c| *c != 0).map(hresult_hex);
        out.push(Finding::ProfileError {
            policy: state.display_name.clone(),
            policy_id: state.id.clone(),
            device: name(),
            device_id: id(),
            code,
        });
    }
}

/// The settings that make a device non-compliant, with the value each has; the policy name when no setting is
/// reported.
pub fn failing_settings(states: &[DevicePolicyState]) -> Vec<Reason> {
    let mut reasons = Vec::new();
    for state in states.iter().filter(|s| s.state.is_problem()) {
        let settings: Vec<Reason> = state
            .setting_states
            .iter()
            .filter(|s| s.state.is_problem())
            .filter_map(|s| {
                builtin_setting(s).map(Reason::BuiltIn).or_else(|| {
                    let name = s.setting_name.clone().or_else(|| s.setting.clone())?;
                    let value = s.current_value.clone().filter(|v| !v.trim().is_empty());
                    Some(Reason::Setting { name, value })
                })
            })
            .collect();
        if settings.is_empty() {
            reasons.push(Reason::Setting { name: state.display_name.clone(), value: None });
        }
        for setting in settings {
            if !reasons.contains(&setting) {
                reasons.push(setting);
            }
        }
    }
    reasons
}
