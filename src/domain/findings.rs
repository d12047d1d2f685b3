//! "What is wrong with this user", derived from the loaded data, each finding with the evidence behind it.
//! Ordered by how much it blocks the user: account and license first, then devices, then apps.

use super::builtin_compliance::{builtin_setting, BuiltInSetting};
use super::status::{stale_days, AppRecord, DeviceRecord, LicenseStatus};
use crate::model::{hresult_hex, ComplianceState, DevicePolicyState, User};

/// Why a device is not compliant: a failing setting by its name, or one of the built-in policy's settings,
/// which need words of their own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    Setting(String),
    BuiltIn(BuiltInSetting),
}

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
        reasons: Vec<Reason>,
        /// The tenant's check-in threshold, for explaining the built-in "Is active"; `None` if unknown.
        threshold: Option<u32>,
    },
    /// The device stopped checking in; `marked_not_compliant` when that is also why it is not compliant (the
    /// built-in policy's "Is active"), which then is not a finding of its own.
    DeviceStale {
        device: String,
        days: i64,
        threshold: u32,
        marked_not_compliant: bool,
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

/// What the checks read; `None` for a source that did not load (its checks do not run).
pub struct Evidence<'a> {
    pub account: Option<(&'a User, &'a LicenseStatus)>,
    pub devices: Option<&'a [DeviceRecord]>,
    pub apps: Option<&'a [AppRecord]>,
    pub now_secs: i64,
    pub checkin_threshold_days: Option<u32>,
    /// The device limit in effect for the user and the restriction that sets it, when known.
    pub device_limit: Option<(u32, String)>,
}

pub fn findings(e: &Evidence) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some((user, license)) = e.account {
        account_findings(user, license, &mut out);
    }
    let devices = e.devices.unwrap_or_default();
    if let (Some((limit, policy)), Some(_)) = (&e.device_limit, e.devices) {
        if devices.len() >= *limit as usize {
            out.push(Finding::DeviceLimitReached { limit: *limit, policy: policy.clone(), enrolled: devices.len() });
        }
    }
    for record in devices {
        device_findings(record, e, &mut out);
    }
    for app in e.apps.unwrap_or_default() {
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

fn account_findings(user: &User, license: &LicenseStatus, out: &mut Vec<Finding>) {
    if user.account_enabled == Some(false) {
        out.push(Finding::AccountDisabled);
    }
    match license {
        LicenseStatus::Unlicensed => out.push(Finding::NoIntuneLicense),
        LicenseStatus::PlanNotActive { sku, provisioning } => {
            out.push(Finding::IntunePlanNotActive { sku: sku.clone(), provisioning: provisioning.clone() })
        }
        LicenseStatus::Licensed { .. } => {}
    }
}

/// Compliance, check-in and profile findings of one device. A stale device that is non-compliant because of
/// the built-in "Is active" is one finding (stale, and why it is not compliant), not two.
fn device_findings(record: &DeviceRecord, e: &Evidence, out: &mut Vec<Finding>) {
    let device = &record.device;
    let name = || device.device_name.clone();
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
        out.push(Finding::DeviceNotCompliant { device: name(), reasons, threshold });
    }
    if let Some((days, threshold)) = stale {
        out.push(Finding::DeviceStale {
            device: name(),
            days,
            threshold,
            marked_not_compliant: explained_by_staleness,
        });
    }
    for state in record.configuration.iter().filter(|s| s.state.is_problem()) {
        let code = state.setting_states.iter().filter_map(|s| s.error_code).find(|c| *c != 0).map(hresult_hex);
        out.push(Finding::ProfileError { policy: state.display_name.clone(), device: name(), code });
    }
}

/// The settings that make a device non-compliant; the policy name when no setting is reported.
pub fn failing_settings(states: &[DevicePolicyState]) -> Vec<Reason> {
    let mut reasons = Vec::new();
    for state in states.iter().filter(|s| s.state.is_problem()) {
        let settings: Vec<Reason> = state
            .setting_states
            .iter()
            .filter(|s| s.state.is_problem())
            .filter_map(|s| {
                builtin_setting(s)
                    .map(Reason::BuiltIn)
                    .or_else(|| s.setting_name.clone().or_else(|| s.setting.clone()).map(Reason::Setting))
            })
            .collect();
        if settings.is_empty() {
            reasons.push(Reason::Setting(state.display_name.clone()));
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
        assert_eq!(
            failing_settings(&states),
            vec![Reason::Setting("Require a password".into()), Reason::Setting("Other".into())]
        );
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
            account: Some((&user, &LicenseStatus::Licensed { sku: "SPE_E3".into() })),
            devices: Some(&devices),
            apps: Some(&[]),
            now_secs: crate::domain::time::parse_iso("2026-11-20T09:00:00Z").unwrap(),
            checkin_threshold_days: Some(30),
            device_limit: None,
        };
        assert!(findings(&e).is_empty());
    }

    #[test]
    fn a_used_up_device_limit_is_a_finding_with_its_evidence() {
        let user = User::default();
        let devices = vec![DeviceRecord::default(); 5];
        let mut e = Evidence {
            account: Some((&user, &LicenseStatus::Licensed { sku: "SPE_E3".into() })),
            devices: Some(&devices),
            apps: Some(&[]),
            now_secs: 0,
            checkin_threshold_days: Some(30),
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
            account: Some((&user, &LicenseStatus::Unlicensed)),
            devices: Some(&[]),
            apps: Some(&[]),
            now_secs: 0,
            checkin_threshold_days: Some(30),
            device_limit: None,
        };
        assert_eq!(findings(&e), vec![Finding::AccountDisabled, Finding::NoIntuneLicense]);
    }

    /// Priya's phone: 45 days without a check-in, non-compliant through the built-in "Is active" only.
    fn stale_phone(extra_failing_setting: bool) -> DeviceRecord {
        let mut settings = vec![SettingState {
            setting: Some("DefaultDeviceCompliancePolicy.RequireRemainContact".into()),
            setting_name: Some("Is active".into()),
            state: PolicyState::NonCompliant,
            ..SettingState::default()
        }];
        if extra_failing_setting {
            settings.push(SettingState {
                setting_name: Some("Require encryption".into()),
                state: PolicyState::NonCompliant,
                ..SettingState::default()
            });
        }
        DeviceRecord {
            device: ManagedDevice {
                device_name: "phone".into(),
                compliance_state: ComplianceState::Noncompliant,
                last_sync_date_time: Some("2026-10-06T09:00:00Z".into()),
                ..ManagedDevice::default()
            },
            compliance: vec![DevicePolicyState {
                display_name: "Default Device Compliance Policy".into(),
                state: PolicyState::NonCompliant,
                setting_states: settings,
                ..DevicePolicyState::default()
            }],
            ..DeviceRecord::default()
        }
    }

    fn device_evidence(devices: &[DeviceRecord], threshold: Option<u32>) -> Evidence<'_> {
        Evidence {
            account: None,
            devices: Some(devices),
            apps: None,
            now_secs: crate::domain::time::parse_iso("2026-11-20T09:00:00Z").unwrap(),
            checkin_threshold_days: threshold,
            device_limit: None,
        }
    }

    #[test]
    fn a_stale_device_non_compliant_only_for_is_active_is_one_finding() {
        let devices = [stale_phone(false)];
        let stale =
            Finding::DeviceStale { device: "phone".into(), days: 45, threshold: 30, marked_not_compliant: true };
        assert_eq!(findings(&device_evidence(&devices, Some(30))), vec![stale]);
    }

    #[test]
    fn other_failing_settings_of_a_stale_device_stay_a_finding_without_is_active() {
        let devices = [stale_phone(true)];
        let found = findings(&device_evidence(&devices, Some(30)));
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.contains(&Finding::DeviceNotCompliant {
            device: "phone".into(),
            reasons: vec![Reason::Setting("Require encryption".into())],
            threshold: Some(30),
        }));
        assert!(found.iter().any(|f| matches!(f, Finding::DeviceStale { marked_not_compliant: true, .. })));
    }

    #[test]
    fn is_active_without_a_known_threshold_is_explained_as_not_compliant() {
        let devices = [stale_phone(false)];
        assert_eq!(
            findings(&device_evidence(&devices, None)),
            vec![Finding::DeviceNotCompliant {
                device: "phone".into(),
                reasons: vec![Reason::BuiltIn(BuiltInSetting::IsActive)],
                threshold: None,
            }]
        );
    }

    #[test]
    fn sources_that_did_not_load_add_no_findings_and_the_others_still_do() {
        let user = User { account_enabled: Some(false), ..User::default() };
        let e = Evidence {
            account: Some((&user, &LicenseStatus::Unlicensed)),
            devices: None,
            apps: None,
            now_secs: 0,
            checkin_threshold_days: Some(30),
            device_limit: Some((0, "Standard staff".into())),
        };
        assert_eq!(findings(&e), vec![Finding::AccountDisabled, Finding::NoIntuneLicense]);
    }
}
