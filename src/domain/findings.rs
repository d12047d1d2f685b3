//! "What is wrong with this user", derived from the loaded data, each finding with the evidence behind it.
//! Ordered by how much it blocks the user: account and license first, then devices, then apps.

use super::status::{stale_days, AppRecord, DeviceRecord, LicenseStatus};
use crate::model::{hresult_hex, ComplianceState, DevicePolicyState, User};

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
        reasons: Vec<String>,
    },
    DeviceStale {
        device: String,
        days: i64,
        threshold: u32,
    },
    ProfileError {
        policy: String,
        device: String,
        code: Option<String>,
    },
    AppInstallFailed {
        app: String,
        device: String,
        code: Option<String>,
    },
}

pub struct Evidence<'a> {
    pub user: &'a User,
    pub license: &'a LicenseStatus,
    pub devices: &'a [DeviceRecord],
    pub apps: &'a [AppRecord],
    pub now_secs: i64,
    pub checkin_threshold_days: u32,
    /// The device limit in effect for the user and the restriction that sets it, when known.
    pub device_limit: Option<(u32, String)>,
}

pub fn findings(e: &Evidence) -> Vec<Finding> {
    let mut out = Vec::new();
    if e.user.account_enabled == Some(false) {
        out.push(Finding::AccountDisabled);
    }
    match e.license {
        LicenseStatus::Unlicensed => out.push(Finding::NoIntuneLicense),
        LicenseStatus::PlanNotActive { sku, provisioning } => {
            out.push(Finding::IntunePlanNotActive { sku: sku.clone(), provisioning: provisioning.clone() })
        }
        LicenseStatus::Licensed { .. } => {}
    }
    if let Some((limit, policy)) = &e.device_limit {
        if e.devices.len() >= *limit as usize {
            out.push(Finding::DeviceLimitReached { limit: *limit, policy: policy.clone(), enrolled: e.devices.len() });
        }
    }
    for record in e.devices {
        let device = &record.device;
        if matches!(
            device.compliance_state,
            ComplianceState::Noncompliant | ComplianceState::Error | ComplianceState::Conflict
        ) {
            out.push(Finding::DeviceNotCompliant {
                device: device.device_name.clone(),
                reasons: failing_settings(&record.compliance),
            });
        }
        if let Some(days) = stale_days(device, e.now_secs, e.checkin_threshold_days) {
            out.push(Finding::DeviceStale {
                device: device.device_name.clone(),
                days,
                threshold: e.checkin_threshold_days,
            });
        }
        for state in record.configuration.iter().filter(|s| s.state.is_problem()) {
            let code = state.setting_states.iter().filter_map(|s| s.error_code).find(|c| *c != 0).map(hresult_hex);
            out.push(Finding::ProfileError {
                policy: state.display_name.clone(),
                device: device.device_name.clone(),
                code,
            });
        }
    }
    for app in e.apps {
        for status in app.statuses.iter().filter(|s| s.install_state.is_failure()) {
            out.push(Finding::AppInstallFailed {
                app: app.app.display_name.clone(),
                device: status.device_name.clone(),
                code: status.error_code.filter(|c| *c != 0).map(hresult_hex),
            });
        }
    }
    out
}

/// Names of the settings that make a device non-compliant; the policy name when no setting is reported.
pub fn failing_settings(states: &[DevicePolicyState]) -> Vec<String> {
    let mut reasons = Vec::new();
    for state in states.iter().filter(|s| s.state.is_problem()) {
        let settings: Vec<String> = state
            .setting_states
            .iter()
            .filter(|s| s.state.is_problem())
            .filter_map(|s| s.setting_name.clone().or_else(|| s.setting.clone()))
            .collect();
        if settings.is_empty() {
            reasons.push(state.display_name.clone());
        }
        for setting in settings {
            if !reasons.contains(&setting) {
                reasons.push(setting);
            }
        }
    }
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ManagedDevice, PolicyState, SettingState};

    #[test]
    fn failing_settings_prefers_setting_names() {
        let states = vec![
            DevicePolicyState {
                display_name: "iOS baseline".into(),
                state: PolicyState::NonCompliant,
                setting_states: vec![SettingState {
                    setting_name: Some("Require a password".into()),
                    state: PolicyState::NonCompliant,
                    ..SettingState::default()
                }],
                ..DevicePolicyState::default()
            },
            DevicePolicyState {
                display_name: "Other".into(),
                state: PolicyState::Error,
                ..DevicePolicyState::default()
            },
            DevicePolicyState {
                display_name: "Fine".into(),
                state: PolicyState::Compliant,
                ..DevicePolicyState::default()
            },
        ];
        assert_eq!(failing_settings(&states), vec!["Require a password".to_string(), "Other".to_string()]);
    }

    #[test]
    fn healthy_user_has_no_findings() {
        let user = User { account_enabled: Some(true), ..User::default() };
        let devices = [DeviceRecord {
            device: ManagedDevice {
                compliance_state: ComplianceState::Compliant,
                last_sync_date_time: Some("2026-11-20T08:00:00Z".into()),
                ..ManagedDevice::default()
            },
            ..DeviceRecord::default()
        }];
        let e = Evidence {
            user: &user,
            license: &LicenseStatus::Licensed { sku: "SPE_E3".into() },
            devices: &devices,
            apps: &[],
            now_secs: crate::domain::time::parse_iso("2026-11-20T09:00:00Z").unwrap(),
            checkin_threshold_days: 30,
            device_limit: None,
        };
        assert!(findings(&e).is_empty());
    }

    #[test]
    fn a_used_up_device_limit_is_a_finding_with_its_evidence() {
        let user = User::default();
        let devices = vec![DeviceRecord::default(); 5];
        let mut e = Evidence {
            user: &user,
            license: &LicenseStatus::Licensed { sku: "SPE_E3".into() },
            devices: &devices,
            apps: &[],
            now_secs: 0,
            checkin_threshold_days: 30,
            device_limit: Some((5, "Standard staff".into())),
        };
        let reached = Finding::DeviceLimitReached { limit: 5, policy: "Standard staff".into(), enrolled: 5 };
        assert!(findings(&e).contains(&reached));
        e.device_limit = Some((6, "Standard staff".into()));
        assert!(!findings(&e).iter().any(|f| matches!(f, Finding::DeviceLimitReached { .. })));
    }

    #[test]
    fn disabled_unlicensed_user_gets_both_findings_first() {
        let user = User { account_enabled: Some(false), ..User::default() };
        let e = Evidence {
            user: &user,
            license: &LicenseStatus::Unlicensed,
            devices: &[],
            apps: &[],
            now_secs: 0,
            checkin_threshold_days: 30,
            device_limit: None,
        };
        assert_eq!(findings(&e), vec![Finding::AccountDisabled, Finding::NoIntuneLicense]);
    }
}
