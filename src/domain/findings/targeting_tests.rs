use super::*;
use crate::domain::assignment::reach;
use crate::model::{AssignmentTarget, DevicePolicyState, Group, ManagedDevice, MobileApp};

fn target(kind: &str, group: Option<&str>, intent: Option<AssignmentIntent>) -> Assignment {
    Assignment {
        id: String::new(),
        intent,
        target: AssignmentTarget {
            odata_type: format!("#microsoft.graph.{kind}"),
            group_id: group.map(str::to_string),
        },
    }
}

fn include(group: &str) -> Assignment {
    target("groupAssignmentTarget", Some(group), None)
}

fn exclude(group: &str) -> Assignment {
    target("exclusionGroupAssignmentTarget", Some(group), None)
}

fn policy(id: &str, odata: &str, assignments: Vec<Assignment>) -> DevicePolicy {
    DevicePolicy {
        odata_type: format!("#microsoft.graph.{odata}"),
        id: id.into(),
        display_name: id.to_uppercase(),
        assignments,
        ..DevicePolicy::default()
    }
}

fn group(id: &str) -> Group {
    Group { id: id.into(), display_name: format!("Group {id}"), ..Group::default() }
}

fn device(id: &str, os: &str, groups: &[&str]) -> DeviceRecord {
    DeviceRecord {
        device: ManagedDevice {
            id: id.into(),
            device_name: format!("DEV-{id}"),
            operating_system: os.into(),
            ..ManagedDevice::default()
        },
        groups: Some(groups.iter().map(|g| group(g)).collect()),
        ..DeviceRecord::default()
    }
}

/// The user is directly in `field` and `office`; `field` is in `exempt` (nested).
fn membership() -> Membership {
    Membership {
        direct: vec![group("field"), group("office")],
        transitive: vec![group("field"), group("office"), group("exempt"), group("staff")],
    }
}

fn parents() -> Parents {
    [("field".to_string(), vec!["exempt".to_string()]), ("office".to_string(), vec!["staff".to_string()])]
        .into_iter()
        .collect()
}

fn run(configuration: &[DevicePolicy], compliance: &[DevicePolicy], devices: &[DeviceRecord]) -> Vec<Finding> {
    run_with_apps(configuration, compliance, devices, None)
}

fn run_with_apps(
    configuration: &[DevicePolicy],
    compliance: &[DevicePolicy],
    devices: &[DeviceRecord],
    apps: Option<&[AppRecord]>,
) -> Vec<Finding> {
    let membership = membership();
    let parents = parents();
    let names = [("vpn".to_string(), "VPN Users".to_string())].into_iter().collect();
    let t = Targeting { configuration, compliance, membership: &membership, parents: &parents, names: &names };
    let mut out = Vec::new();
    findings(&t, "Tom", devices, apps, &mut out);
    out
}

#[test]
fn connectivity_is_told_by_the_profile_type() {
    assert_eq!(Connectivity::of("#microsoft.graph.windows10VpnConfiguration"), Some(Connectivity::Vpn));
    assert_eq!(Connectivity::of("#microsoft.graph.iosWiFiConfiguration"), Some(Connectivity::WiFi));
    assert_eq!(Connectivity::of("#microsoft.graph.windowsWifiEnterpriseEAPConfiguration"), Some(Connectivity::WiFi));
    assert_eq!(Connectivity::of("#microsoft.graph.iosEasEmailProfileConfiguration"), Some(Connectivity::Email));
    assert_eq!(Connectivity::of("#microsoft.graph.iosPkcsCertificateProfile"), Some(Connectivity::Certificate));
    assert_eq!(Connectivity::of("#microsoft.graph.windowsUpdateForBusinessConfiguration"), None);
    assert_eq!(Connectivity::of("#microsoft.graph.iosGeneralDeviceConfiguration"), None);
}

#[test]
fn a_vpn_profile_for_a_group_the_user_is_not_in_is_named_with_the_group_per_fitting_device() {
    let vpn = policy("vpn-profile", "windows10VpnConfiguration", vec![include("vpn")]);
    let devices = [device("lt", "Windows", &[]), device("ph", "iOS", &[])];
    let found = run(std::slice::from_ref(&vpn), &[], &devices);
    assert_eq!(
        found,
        vec![Finding::ProfileNotTargeted {
            policy: "VPN-PROFILE".into(),
            policy_id: "vpn-profile".into(),
            row: Some("vpn-profile|-".into()),
            user: "Tom".into(),
            device: "DEV-lt".into(),
            device_id: "lt".into(),
            groups: vec!["VPN Users".into()],
        }]
    );
    // No Windows device: nothing to miss.
    assert!(run(std::slice::from_ref(&vpn), &[], &devices[1..]).is_empty());
    // Reaching the device through a device group: nothing missing either.
    assert!(run(std::slice::from_ref(&vpn), &[], &[device("lt", "Windows", &["vpn"])]).is_empty());
    // Nor when the device's own groups are unknown: it might be in a targeted device group.
    let mut unknown = device("lt", "Windows", &[]);
    unknown.groups = None;
    assert!(run(&[vpn], &[], &[unknown]).is_empty());
}

#[test]
fn profiles_other_than_connectivity_and_unassigned_ones_are_not_reported() {
    let restrictions = policy("res", "windows10GeneralConfiguration", vec![include("finance")]);
    let unassigned = policy("wifi", "windowsWifiConfiguration", vec![]);
    assert!(run(&[restrictions, unassigned], &[], &[device("lt", "Windows", &[])]).is_empty());
}

#[test]
fn a_state_on_a_device_means_the_view_has_no_single_row_to_point_at() {
    let vpn = policy("vpn-profile", "windows10VpnConfiguration", vec![include("vpn")]);
    let mut other = device("lt2", "Windows", &["vpn"]);
    other.configuration = vec![DevicePolicyState { id: "vpn-profile".into(), ..DevicePolicyState::default() }];
    let found = run(&[vpn], &[], &[device("lt", "Windows", &[]), other]);
    assert!(matches!(&found[..], [Finding::ProfileNotTargeted { row: None, device_id, .. }] if device_id == "lt"));
}

#[test]
fn an_exclusion_through_a_nested_group_names_the_path() {
    let wifi = policy("wifi", "iosWiFiConfiguration", vec![include("staff"), exclude("exempt")]);
    let found = run(&[wifi], &[], &[device("ph", "iOS", &[]), device("ipad", "iPadOS", &[])]);
    assert_eq!(
        found,
        vec![Finding::Excluded {
            kind: ItemKind::Configuration,
            item: "WIFI".into(),
            item_id: "wifi".into(),
            row: Some("wifi|-".into()),
            member: "Tom".into(),
            device_id: None,
            group: "Group exempt".into(),
            group_id: "exempt".into(),
            path: Some(vec!["Group field".into(), "Group exempt".into()]),
        }],
        "one finding for the user, not one per device"
    );
}

#[test]
fn an_exclusion_of_something_that_would_not_reach_anyway_or_that_another_of_its_kind_replaces_is_not_reported() {
    let elsewhere = policy("ring-x", "windowsUpdateForBusinessConfiguration", vec![include("x"), exclude("exempt")]);
    assert!(run(&[elsewhere], &[], &[device("lt", "Windows", &[])]).is_empty());
    // The broad ring excludes the pilot group, which has its own ring: deliberate.
    let broad = policy("broad", "windowsUpdateForBusinessConfiguration", vec![include("staff"), exclude("exempt")]);
    let pilot = policy("pilot", "windowsUpdateForBusinessConfiguration", vec![include("exempt")]);
    assert!(run(&[broad.clone(), pilot], &[], &[device("lt", "Windows", &[])]).is_empty());
    assert_eq!(run(&[broad], &[], &[device("lt", "Windows", &[])]).len(), 1);
}

#[test]
fn a_device_group_exclusion_names_the_device_and_a_compliance_policy_its_view() {
    let policy = policy("baseline", "windows10CompliancePolicy", vec![include("staff"), exclude("kiosks")]);
    let found = run(&[], &[policy], &[device("lt", "Windows", &["kiosks"]), device("lt2", "Windows", &[])]);
    assert_eq!(found.len(), 1, "{found:?}");
    let Finding::Excluded { kind, member, device_id, path, .. } = &found[0] else { panic!("{found:?}") };
    assert_eq!(
        (kind, member.as_str(), device_id.as_deref(), path),
        (&ItemKind::Compliance, "DEV-lt", Some("lt"), &None)
    );
}

#[test]
fn an_app_the_user_is_excluded_from_is_reported_unless_it_was_an_uninstall() {
    let app = |intent| MobileApp {
        odata_type: "#microsoft.graph.iosStoreApp".into(),
        id: "teams".into(),
        display_name: "Teams".into(),
        assignments: vec![target("groupAssignmentTarget", Some("staff"), Some(intent)), exclude("exempt")],
        ..MobileApp::default()
    };
    let record = |app: MobileApp| {
        let groups = membership().all_ids();
        AppRecord { reach: reach(&app.assignments, &groups), app, statuses: vec![], device_reach: Default::default() }
    };
    let devices = [device("ph", "iOS", &[])];
    let required = [record(app(AssignmentIntent::Required))];
    let found = run_with_apps(&[], &[], &devices, Some(&required));
    assert!(
        matches!(&found[..], [Finding::Excluded { kind: ItemKind::App, row: Some(row), path: Some(p), .. }]
            if row == "teams|-" && p.len() == 2),
        "{found:?}"
    );
    let uninstall = [record(app(AssignmentIntent::Uninstall))];
    assert!(run_with_apps(&[], &[], &devices, Some(&uninstall)).is_empty());
    assert!(run_with_apps(&[], &[], &[device("lt", "Windows", &[])], Some(&required)).is_empty(), "no iOS device");
}
