//! The compliance policy states a device reports for policies that are not in the tenant's list: above all
//! Intune's built-in "Default device compliance policy", which judges every enrolled device (its "Is active"
//! makes a device that stopped checking in non-compliant) and would otherwise be missing from the view.

use super::format::{self, MISSING};
use crate::domain::builtin_compliance::{builtin_setting, is_builtin_policy, BuiltInSetting};
use crate::domain::status::DeviceRecord;
use crate::domain::table::{Cell, Row, Tone};
use crate::i18n::{Key, Locale};
use crate::model::{DevicePolicy, DevicePolicyState};

/// A built-in setting in plain words; `threshold` is the tenant's check-in threshold in days, when known.
pub fn builtin_text(l: Locale, setting: BuiltInSetting, threshold: Option<u32>) -> String {
    match (setting, threshold) {
        (BuiltInSetting::IsActive, Some(days)) => l.fill(Key::BuiltInIsActiveDays, &[("days", &days.to_string())]),
        (BuiltInSetting::IsActive, None) => l.text(Key::BuiltInIsActive).into(),
        (BuiltInSetting::PolicyAssigned, _) => l.text(Key::BuiltInPolicyAssigned).into(),
        (BuiltInSetting::EnrolledUserExists, _) => l.text(Key::BuiltInEnrolledUserExists).into(),
    }
}

/// One row per device and reported compliance state whose policy is not in `policies`, with the columns of
/// the compliance view (policy, platform, assignment, device, state, last modified).
pub fn unlisted_rows(
    locale: Locale,
    policies: &[DevicePolicy],
    devices: &[DeviceRecord],
    threshold: Option<u32>,
) -> Vec<Row> {
    let mut rows = Vec::new();
    for record in devices {
        for state in record.compliance.iter().filter(|s| !policies.iter().any(|p| p.id == s.id)) {
            let assignment = if is_builtin_policy(state) {
                Cell::badge(locale.text(Key::BuiltInAssignment), Tone::Good).sorted_by(Some(0))
            } else {
                Cell::text(MISSING).tone(Tone::Muted).sorted_by(None)
            };
            let (key, tone) = format::policy_state(state.state, true);
            let rank = if tone == Tone::Bad { 0 } else { 2 };
            let state_cell = Cell::badge(locale.text(key), tone)
                .with_detail(failing_detail(locale, state, threshold))
                .sorted_by(Some(rank));
            rows.push(Row {
                key: format!("{}|{}", state.id, record.device.id),
                cells: vec![
                    Cell::text(&state.display_name),
                    Cell::text(locale.text(Key::PlatformAll)),
                    assignment,
                    Cell::text(&record.device.device_name),
                    state_cell,
                    // Graph gives no modification date for the built-in policy.
                    Cell::text(MISSING).tone(Tone::Muted).sorted_by(None),
                ],
            });
        }
    }
    rows
}

/// "Is active: the device has not checked in with Intune within …" for each failing setting.
fn failing_detail(locale: Locale, state: &DevicePolicyState, threshold: Option<u32>) -> Option<String> {
    let parts: Vec<String> = state
        .setting_states
        .iter()
        .filter(|s| s.state.is_problem())
        .map(|s| {
            let name = s.setting_name.clone().or_else(|| s.setting.clone()).unwrap_or_default();
            match builtin_setting(s) {
                Some(setting) => format!("{name}: {}", builtin_text(locale, setting, threshold)),
                None => name,
            }
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ManagedDevice, PolicyState, SettingState};

    #[test]
    fn the_builtin_policy_gets_a_row_with_its_failing_setting_in_plain_words() {
        let device = DeviceRecord {
            device: ManagedDevice { id: "d1".into(), device_name: "phone".into(), ..ManagedDevice::default() },
            compliance: vec![
                DevicePolicyState { id: "listed".into(), display_name: "BYOD".into(), ..Default::default() },
                DevicePolicyState {
                    id: "default".into(),
                    display_name: "Default Device Compliance Policy".into(),
                    state: PolicyState::NonCompliant,
                    setting_states: vec![SettingState {
                        setting: Some("DefaultDeviceCompliancePolicy.RequireRemainContact".into()),
                        setting_name: Some("Is active".into()),
                        state: PolicyState::NonCompliant,
                        ..SettingState::default()
                    }],
                    ..Default::default()
                },
            ],
            ..DeviceRecord::default()
        };
        let listed = DevicePolicy { id: "listed".into(), ..DevicePolicy::default() };
        let rows = unlisted_rows(Locale::En, &[listed], &[device], Some(30));
        assert_eq!(rows.len(), 1, "only the policy missing from the tenant's list");
        let texts: Vec<&str> = rows[0].cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts[..5],
            [
                "Default Device Compliance Policy",
                "All platforms",
                "Built in: applies to every enrolled device",
                "phone",
                "Non-compliant"
            ]
        );
        assert_eq!(
            rows[0].cells[4].detail.as_deref(),
            Some(
                "Is active: the device has not checked in with Intune within the tenant’s check-in threshold (30 days)"
            )
        );
    }
}
