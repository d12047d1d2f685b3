//! The words of the tenant and device-state findings: subscription, MDM authority, grace period, pending
//! retire or wipe, failed device actions, profile conflicts and profiles that report no state.

use super::reasons_text;
use crate::domain::device_actions::DeviceAction;
use crate::domain::findings::Finding;
use crate::domain::time::format_local;
use crate::i18n::{Key, Locale};
use crate::tables::enum_labels::{mdm_authority, subscription_state};
use crate::tables::permission_names::device_action_key;

/// A moment as a ticket reads it everywhere: `2026-11-22 09:00 UTC`.
pub fn utc(l: Locale, secs: i64) -> String {
    l.fill(Key::TimeUtc, &[("time", &format_local(secs, 0))])
}

/// A device action by its name in the device's action menu; Graph's own name for one Tier1 does not offer.
pub fn action_name(l: Locale, graph_name: &str) -> String {
    match DeviceAction::from_result_action_name(graph_name) {
        Some(action) => l.text(device_action_key(action)).to_string(),
        None => graph_name.to_string(),
    }
}

pub(super) fn describe(l: Locale, finding: &Finding) -> String {
    match finding {
        Finding::TenantNotActive { state } => {
            l.fill(Key::FindingTenantNotActive, &[("state", l.text(subscription_state(*state)))])
        }
        Finding::MdmAuthorityNotIntune { authority } => {
            l.fill(Key::FindingMdmNotIntune, &[("authority", l.text(mdm_authority(*authority)))])
        }
        Finding::DeviceInGracePeriod { device, reasons, until, .. } => {
            let reasons = reasons_text(l, reasons, None);
            match until {
                Some(t) => {
                    l.fill(Key::FindingGracePeriod, &[("device", device), ("reasons", &reasons), ("date", &utc(l, *t))])
                }
                None => l.fill(Key::FindingGracePeriodNoDate, &[("device", device), ("reasons", &reasons)]),
            }
        }
        Finding::DeviceRemovalPending { device, action, since, .. } => {
            let action = action_name(l, action);
            match since {
                Some(t) => l.fill(
                    Key::FindingRemovalPending,
                    &[("action", &action), ("device", device), ("date", &utc(l, *t))],
                ),
                None => l.fill(Key::FindingRemovalPendingNoDate, &[("action", &action), ("device", device)]),
            }
        }
        Finding::DeviceActionFailed { device, action, at, .. } => {
            let action = action_name(l, action);
            match at {
                Some(t) => {
                    l.fill(Key::FindingActionFailed, &[("action", &action), ("device", device), ("date", &utc(l, *t))])
                }
                None => l.fill(Key::FindingActionFailedNoDate, &[("action", &action), ("device", device)]),
            }
        }
        Finding::ProfileConflict { policy, device, other, setting, .. } => {
            let setting = setting.as_ref().map(|s| l.fill(Key::ConflictSetting, &[("setting", s)])).unwrap_or_default();
            match other {
                Some((other, _)) => l.fill(
                    Key::FindingConflictWith,
                    &[("policy", policy), ("other", other), ("device", device), ("setting", &setting)],
                ),
                None => l.fill(
                    Key::FindingConflictUnnamed,
                    &[("policy", policy), ("device", device), ("setting", &setting)],
                ),
            }
        }
        Finding::ProfileNoState { policy, device, .. } => {
            l.fill(Key::FindingProfileNoState, &[("policy", policy), ("device", device)])
        }
        _ => String::new(),
    }
}

pub(super) fn next_step(l: Locale, finding: &Finding) -> String {
    match finding {
        Finding::TenantNotActive { .. } => l.text(Key::StepTenantNotActive).into(),
        Finding::MdmAuthorityNotIntune { .. } => l.text(Key::StepMdmNotIntune).into(),
        Finding::DeviceInGracePeriod { device, .. } => l.fill(Key::StepGracePeriod, &[("device", device)]),
        Finding::DeviceRemovalPending { device, .. } => l.fill(Key::StepRemovalPending, &[("device", device)]),
        Finding::DeviceActionFailed { device, action, .. } => {
            l.fill(Key::StepActionFailed, &[("device", device), ("action", &action_name(l, action))])
        }
        Finding::ProfileConflict { policy, other: Some((other, _)), .. } => {
            l.fill(Key::StepConflictWith, &[("policy", policy), ("other", other)])
        }
        Finding::ProfileConflict { policy, .. } => l.fill(Key::StepConflictUnnamed, &[("policy", policy)]),
        Finding::ProfileNoState { device, .. } => l.fill(Key::StepProfileNoState, &[("device", device)]),
        _ => String::new(),
    }
}
