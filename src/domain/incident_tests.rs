use super::*;
use crate::domain::prevalence::DEFAULT_INCIDENT_THRESHOLD;
use crate::model::{ComplianceState, DevicePolicyState, ManagedDevice, PolicyState, SettingState};

fn failing(id: &str, settings: &[&str]) -> DevicePolicyState {
    DevicePolicyState {
        id: id.into(),
        display_name: format!("policy {id}"),
        state: PolicyState::NonCompliant,
        setting_states: settings
            .iter()
            .map(|s| SettingState {
                setting: Some((*s).into()),
                setting_name: Some(format!("name of {s}")),
                state: PolicyState::NonCompliant,
                ..SettingState::default()
            })
            .collect(),
        ..DevicePolicyState::default()
    }
}

fn device(id: &str, compliance: Vec<DevicePolicyState>, configuration: Vec<DevicePolicyState>) -> DeviceRecord {
    DeviceRecord {
        device: ManagedDevice {
            id: id.into(),
            device_name: format!("device {id}"),
            compliance_state: if compliance.is_empty() {
                ComplianceState::Compliant
            } else {
                ComplianceState::Noncompliant
            },
            ..ManagedDevice::default()
        },
        compliance,
        configuration,
        groups: None,
    }
}

fn profile_error(policy: &str, device: &str) -> Finding {
    Finding::ProfileError {
        policy: "Wi-Fi".into(),
        policy_id: policy.into(),
        device: format!("device {device}"),
        device_id: device.into(),
        code: None,
    }
}

fn app_failed() -> Finding {
    Finding::AppInstallFailed {
        app: "Teams".into(),
        app_id: "teams".into(),
        device: "device d1".into(),
        device_id: "d1".into(),
        code: None,
    }
}

fn known(entries: &[(Cause, u32, Unit)]) -> KnownSpreads {
    entries.iter().map(|(c, affected, unit)| (c.clone(), Spread { affected: *affected, unit: *unit })).collect()
}

#[test]
fn each_finding_names_the_cause_intune_counts() {
    let devices = [device("d1", vec![failing("ios", &["Ios.passcode", "Ios.minOs"]), failing("base", &[])], vec![])];
    let not_compliant = Finding::DeviceNotCompliant {
        device: "device d1".into(),
        device_id: "d1".into(),
        reasons: vec![],
        threshold: None,
    };
    assert_eq!(
        causes(&not_compliant, &devices),
        vec![
            Cause::ComplianceSetting { policy_id: "ios".into(), setting: "Ios.passcode".into() },
            Cause::ComplianceSetting { policy_id: "ios".into(), setting: "Ios.minOs".into() },
            Cause::CompliancePolicy { policy_id: "base".into() },
        ]
    );
    assert_eq!(causes(&profile_error("wifi", "d1"), &devices), vec![Cause::Profile { policy_id: "wifi".into() }]);
    assert_eq!(causes(&app_failed(), &devices), vec![Cause::AppInstall { app_id: "teams".into() }]);
    assert_eq!(causes(&Finding::AccountDisabled, &devices), vec![]);
}

#[test]
fn the_causes_to_count_come_from_the_findings_once_each() {
    let wifi_error =
        || DevicePolicyState { id: "wifi".into(), state: PolicyState::Error, ..DevicePolicyState::default() };
    let devices = [
        device("d1", vec![failing("ios", &["Ios.passcode"])], vec![wifi_error()]),
        device("d2", vec![], vec![wifi_error()]),
    ];
    assert_eq!(
        causes_to_count(&devices, None),
        vec![
            Cause::Profile { policy_id: "wifi".into() },
            Cause::ComplianceSetting { policy_id: "ios".into(), setting: "Ios.passcode".into() },
        ]
    );
}

#[test]
fn more_affected_than_the_threshold_is_an_incident_for_the_intune_administrator() {
    let devices = [device("d1", vec![], vec![])];
    let cause = Cause::AppInstall { app_id: "teams".into() };
    let finding = app_failed();
    assert_eq!(finding.actor(), Actor::HelpDesk);

    let six = known(&[(cause.clone(), 6, Unit::Users)]);
    let r = reach(&finding, &devices, &six, DEFAULT_INCIDENT_THRESHOLD).unwrap();
    assert_eq!(r, Reach { affected: 6, others: 5, unit: Unit::Users, incident: true });
    assert_eq!(actor(&finding, Some(r)), Actor::IntuneAdmin);

    let five = known(&[(cause.clone(), 5, Unit::Users)]);
    let r = reach(&finding, &devices, &five, DEFAULT_INCIDENT_THRESHOLD).unwrap();
    assert!(!r.incident, "exactly the threshold is not more than it");
    assert_eq!(actor(&finding, Some(r)), Actor::HelpDesk);
    assert!(reach(&finding, &devices, &five, 4).unwrap().incident, "the threshold is the setting's");

    assert_eq!(reach(&finding, &devices, &KnownSpreads::new(), 5), None, "unknown until the count loads");
    assert_eq!(actor(&finding, None), Actor::HelpDesk);
}

#[test]
fn this_users_own_devices_are_not_counted_as_others() {
    let wifi_error =
        || DevicePolicyState { id: "wifi".into(), state: PolicyState::Error, ..DevicePolicyState::default() };
    let devices = [device("d1", vec![], vec![wifi_error()]), device("d2", vec![], vec![wifi_error()])];
    let cause = Cause::Profile { policy_id: "wifi".into() };
    let r = reach(&profile_error("wifi", "d1"), &devices, &known(&[(cause.clone(), 3, Unit::Devices)]), 5).unwrap();
    assert_eq!((r.affected, r.others), (3, 1));
    // A count that lags behind the device's own report still covers this user's devices.
    let r = reach(&profile_error("wifi", "d1"), &devices, &known(&[(cause, 1, Unit::Devices)]), 5).unwrap();
    assert_eq!((r.affected, r.others), (2, 0));
}

#[test]
fn a_finding_with_several_causes_reports_its_widest() {
    let devices = [device("d1", vec![failing("ios", &["Ios.passcode", "Ios.minOs"])], vec![])];
    let finding = Finding::DeviceNotCompliant {
        device: "device d1".into(),
        device_id: "d1".into(),
        reasons: vec![],
        threshold: None,
    };
    let setting = |s: &str| Cause::ComplianceSetting { policy_id: "ios".into(), setting: s.into() };
    let spreads = known(&[(setting("Ios.passcode"), 2, Unit::Devices), (setting("Ios.minOs"), 9, Unit::Devices)]);
    let r = reach(&finding, &devices, &spreads, 5).unwrap();
    assert_eq!((r.affected, r.others, r.incident), (9, 8, true));
    assert_eq!(actor(&finding, Some(r)), Actor::IntuneAdmin, "a device the user must fix becomes the admin's");
}
