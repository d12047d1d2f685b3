use super::*;
use crate::domain::findings::{rank, Reason};
use crate::model::{Assignment, AssignmentTarget, DevicePolicyState, ManagedDevice, SettingSource, SettingState};

fn device(name: &str) -> ManagedDevice {
    ManagedDevice {
        id: format!("id-{name}"),
        device_name: name.into(),
        operating_system: "Windows".into(),
        management_agent: "mdm".into(),
        compliance_state: ComplianceState::Compliant,
        ..ManagedDevice::default()
    }
}

fn record(device: ManagedDevice) -> DeviceRecord {
    DeviceRecord { device, ..DeviceRecord::default() }
}

fn run(record: &DeviceRecord) -> Vec<Finding> {
    let mut out = Vec::new();
    findings(record, &mut out);
    out
}

fn action(name: &str, state: &str, start: &str) -> DeviceActionResult {
    DeviceActionResult {
        action_name: name.into(),
        action_state: state.into(),
        start_date_time: Some(start.into()),
        last_updated_date_time: Some(start.into()),
    }
}

fn secs(iso: &str) -> i64 {
    parse_iso(iso).unwrap()
}

#[test]
fn a_device_in_grace_names_its_failing_setting_with_its_value_and_the_end_date() {
    let mut phone = record(ManagedDevice {
        compliance_state: ComplianceState::InGracePeriod,
        compliance_grace_period_expiration_date_time: Some("2026-11-23T09:00:00Z".into()),
        ..device("phone")
    });
    phone.compliance = vec![DevicePolicyState {
        display_name: "Android baseline".into(),
        state: PolicyState::NonCompliant,
        setting_states: vec![SettingState {
            setting_name: Some("Minimum OS version".into()),
            state: PolicyState::NonCompliant,
            current_value: Some("13".into()),
            ..SettingState::default()
        }],
        ..DevicePolicyState::default()
    }];
    let found = run(&phone);
    assert_eq!(
        found,
        vec![Finding::DeviceInGracePeriod {
            device: "phone".into(),
            device_id: "id-phone".into(),
            reasons: vec![Reason::Setting { name: "Minimum OS version".into(), value: Some("13".into()) }],
            until: Some(secs("2026-11-23T09:00:00Z")),
        }]
    );
    assert_eq!(found[0].weight(), crate::domain::findings::Weight::Warning);
    // The far-future date Graph writes when no grace period runs is no date.
    phone.device.compliance_grace_period_expiration_date_time = Some("9999-12-31T23:59:59Z".into());
    assert!(matches!(run(&phone)[0], Finding::DeviceInGracePeriod { until: None, .. }));
    phone.device.compliance_state = ComplianceState::Compliant;
    assert!(run(&phone).is_empty());
}

#[test]
fn a_pending_wipe_is_a_device_cause_with_its_time_and_groups_the_device_s_other_findings() {
    let phone = record(ManagedDevice {
        device_action_results: vec![
            action("wipe", "pending", "2026-11-19T10:00:00Z"),
            action("syncDevice", "done", "2026-11-18T10:00:00Z"),
        ],
        ..device("phone")
    });
    let found = run(&phone);
    let pending = Finding::DeviceRemovalPending {
        device: "phone".into(),
        device_id: "id-phone".into(),
        action: "wipe".into(),
        since: Some(secs("2026-11-19T10:00:00Z")),
    };
    assert_eq!(found, vec![pending.clone()]);
    assert!(pending.is_device_cause());
    assert_eq!(pending.at(), Some(secs("2026-11-19T10:00:00Z")));
    let error = Finding::ProfileError {
        policy: "Wi-Fi".into(),
        policy_id: "wifi".into(),
        device: "phone".into(),
        device_id: "id-phone".into(),
        code: None,
    };
    let ranked = rank(vec![error.clone(), pending.clone()]);
    assert_eq!(ranked.len(), 1);
    assert_eq!(ranked[0].finding, pending);
    assert_eq!(ranked[0].dependents, vec![error]);
}

#[test]
fn a_removal_pending_from_the_management_state_alone_counts_too() {
    let laptop = record(ManagedDevice { management_state: Some("retirePending".into()), ..device("laptop") });
    assert!(
        matches!(&run(&laptop)[..], [Finding::DeviceRemovalPending { action, since: None, .. }] if action == "retire")
    );
    let failed = record(ManagedDevice { management_state: Some("wipeFailed".into()), ..device("laptop") });
    assert!(matches!(&run(&failed)[..], [Finding::DeviceActionFailed { action, .. }] if action == "wipe"));
}

#[test]
fn a_failed_action_is_a_finding_unless_a_later_run_of_it_superseded_it() {
    let mut laptop = record(ManagedDevice {
        device_action_results: vec![action("rebootNow", "failed", "2026-11-19T10:00:00Z")],
        ..device("laptop")
    });
    assert_eq!(
        run(&laptop),
        vec![Finding::DeviceActionFailed {
            device: "laptop".into(),
            device_id: "id-laptop".into(),
            action: "rebootNow".into(),
            at: Some(secs("2026-11-19T10:00:00Z")),
        }]
    );
    laptop.device.device_action_results.push(action("rebootNow", "done", "2026-11-19T12:00:00Z"));
    assert!(run(&laptop).is_empty());
}

fn conflict_state(id: &str, name: &str, sources: Vec<SettingSource>) -> DevicePolicyState {
    DevicePolicyState {
        id: id.into(),
        display_name: name.into(),
        state: PolicyState::Conflict,
        setting_states: vec![SettingState {
            setting: Some("Edge.HomePage".into()),
            setting_name: Some("Home page".into()),
            state: PolicyState::Conflict,
            sources,
            ..SettingState::default()
        }],
        ..DevicePolicyState::default()
    }
}

#[test]
fn a_conflict_names_the_other_profile_from_the_setting_s_sources_or_the_device_s_other_conflict() {
    let source = |id: &str, name: &str| SettingSource { id: id.into(), display_name: name.into() };
    let mut laptop = record(device("laptop"));
    laptop.configuration = vec![
        conflict_state("a", "Edge baseline", vec![source("a", "Edge baseline"), source("b", "Finance browser")]),
        conflict_state("b", "Finance browser", vec![]),
        DevicePolicyState { id: "c".into(), state: PolicyState::Compliant, ..DevicePolicyState::default() },
    ];
    let found = run(&laptop);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(matches!(&found[0], Finding::ProfileConflict { policy, other: Some((other, id)), setting: Some(s), .. }
        if policy == "Edge baseline" && other == "Finance browser" && id == "b" && s == "Home page"));
    // No sources: the other profile in conflict on the same device.
    assert!(matches!(&found[1], Finding::ProfileConflict { other: Some((other, _)), .. } if other == "Edge baseline"));
    // A conflict is not also a profile error.
    assert!(!found.iter().any(|f| matches!(f, Finding::ProfileError { .. })));
    let places = found[0].places();
    assert_eq!(places[1].key.as_deref(), Some("b|id-laptop"), "the other profile's row is evidence too");
}

fn profile(id: &str, odata_type: &str, group: &str) -> DevicePolicy {
    DevicePolicy {
        odata_type: odata_type.into(),
        id: id.into(),
        display_name: format!("Profile {id}"),
        assignments: vec![Assignment {
            target: AssignmentTarget {
                odata_type: "#microsoft.graph.groupAssignmentTarget".into(),
                group_id: Some(group.into()),
            },
            ..Assignment::default()
        }],
        ..DevicePolicy::default()
    }
}

#[test]
fn an_assigned_profile_without_a_state_on_a_device_it_fits_is_a_warning() {
    let groups: BTreeSet<String> = ["pilot".to_string()].into();
    let mut laptop = record(device("laptop"));
    let phone = record(ManagedDevice { operating_system: "iOS".into(), ..device("phone") });
    let profiles = vec![
        profile("hello", "#microsoft.graph.windows10GeneralConfiguration", "pilot"),
        profile("other-group", "#microsoft.graph.windows10GeneralConfiguration", "sales"),
        profile("reported", "#microsoft.graph.windows10GeneralConfiguration", "pilot"),
    ];
    laptop.configuration = vec![DevicePolicyState { id: "reported".into(), ..DevicePolicyState::default() }];
    let mut out = Vec::new();
    no_state_findings(&[laptop, phone], &profiles, &groups, &mut out);
    assert_eq!(
        out,
        vec![Finding::ProfileNoState {
            policy: "Profile hello".into(),
            policy_id: "hello".into(),
            device: "laptop".into(),
            device_id: "id-laptop".into(),
            reported_elsewhere: false,
        }]
    );
    assert_eq!(out[0].weight(), crate::domain::findings::Weight::Warning);
    assert_eq!(out[0].places()[0].key.as_deref(), Some("hello|-"));
    // A device only Configuration Manager manages does not take Intune profiles.
    let mut desktop = record(ManagedDevice { management_agent: "configurationManagerClient".into(), ..device("pc") });
    desktop.device.id = "id-pc".into();
    let mut none = Vec::new();
    no_state_findings(&[desktop], &profiles, &groups, &mut none);
    assert!(none.is_empty(), "{none:?}");
}

#[test]
fn android_enterprise_profiles_are_expected_only_on_their_kind_of_enrollment() {
    let work_profile = "#microsoft.graph.androidWorkProfileGeneralDeviceConfiguration";
    let device_owner = "#microsoft.graph.androidDeviceOwnerGeneralDeviceConfiguration";
    assert!(android_mode_fits(work_profile, Some("userEnrollment")));
    assert!(!android_mode_fits(work_profile, Some("androidEnterpriseFullyManaged")));
    assert!(android_mode_fits(device_owner, Some("androidEnterpriseFullyManaged")));
    assert!(!android_mode_fits(device_owner, Some("userEnrollment")));
    assert!(!android_mode_fits(device_owner, None));
}

#[test]
fn a_wipe_pending_on_a_device_that_stopped_checking_in_heads_the_group_and_staleness_follows() {
    let stale = Finding::DeviceStale {
        device: "phone".into(),
        device_id: "id-phone".into(),
        days: 40,
        threshold: 30,
        marked_not_compliant: true,
    };
    let wipe = Finding::DeviceRemovalPending {
        device: "phone".into(),
        device_id: "id-phone".into(),
        action: "wipe".into(),
        since: Some(secs("2026-11-01T10:00:00Z")),
    };
    let other = Finding::DeviceActionFailed {
        device: "laptop".into(),
        device_id: "id-laptop".into(),
        action: "rebootNow".into(),
        at: Some(secs("2026-11-19T10:00:00Z")),
    };
    let ranked = rank(vec![other.clone(), stale.clone(), wipe.clone()]);
    assert_eq!(ranked.len(), 2, "{ranked:?}");
    assert_eq!((&ranked[0].finding, &ranked[0].dependents), (&wipe, &vec![stale]));
    assert_eq!(ranked[1].finding, other);
}
