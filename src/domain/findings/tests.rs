use super::*;
use crate::domain::builtin_compliance::BuiltInSetting;
use crate::domain::status::{DeviceRecord, LicenseStatus};
use crate::model::{ComplianceState, DevicePolicyState, ManagedDevice, PolicyState, SettingState, User};

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
        DevicePolicyState { display_name: "Other".into(), state: PolicyState::Error, ..DevicePolicyState::default() },
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
        targeting: None,
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
        targeting: None,
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
        targeting: None,
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
        targeting: None,
    }
}

#[test]
fn a_stale_device_non_compliant_only_for_is_active_is_one_finding() {
    let devices = [stale_phone(false)];
    let stale = Finding::DeviceStale {
        device: "phone".into(),
        device_id: String::new(),
        days: 45,
        threshold: 30,
        marked_not_compliant: true,
    };
    assert_eq!(findings(&device_evidence(&devices, Some(30))), vec![stale]);
}

#[test]
fn other_failing_settings_of_a_stale_device_stay_a_finding_without_is_active() {
    let devices = [stale_phone(true)];
    let found = findings(&device_evidence(&devices, Some(30)));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.contains(&Finding::DeviceNotCompliant {
        device: "phone".into(),
        device_id: String::new(),
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
            device_id: String::new(),
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
        targeting: None,
    };
    assert_eq!(findings(&e), vec![Finding::AccountDisabled, Finding::NoIntuneLicense]);
}
