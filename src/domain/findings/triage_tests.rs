use super::*;

fn stale(device: &str, marked: bool) -> Finding {
    Finding::DeviceStale {
        device: device.into(),
        device_id: format!("id-{device}"),
        days: 45,
        threshold: 30,
        marked_not_compliant: marked,
    }
}

fn profile_error(device: &str) -> Finding {
    Finding::ProfileError {
        policy: "Wi-Fi".into(),
        policy_id: "wifi".into(),
        device: device.into(),
        device_id: format!("id-{device}"),
        code: None,
    }
}

fn not_compliant(device: &str) -> Finding {
    Finding::DeviceNotCompliant {
        device: device.into(),
        device_id: format!("id-{device}"),
        reasons: vec![],
        threshold: Some(30),
    }
}

#[test]
fn account_problems_rank_before_devices_and_devices_before_profiles() {
    let ranked = rank(vec![profile_error("laptop"), not_compliant("phone"), Finding::NoIntuneLicense]);
    let order: Vec<&Finding> = ranked.iter().map(|r| &r.finding).collect();
    assert_eq!(order, vec![&Finding::NoIntuneLicense, &not_compliant("phone"), &profile_error("laptop")]);
}

#[test]
fn findings_about_a_stale_device_are_grouped_under_it() {
    let ranked = rank(vec![profile_error("phone"), stale("phone", false), profile_error("laptop")]);
    assert_eq!(ranked.len(), 2, "{ranked:?}");
    // The group holds a profile error, so it weighs as one and keeps its place before the other by order.
    assert_eq!(ranked[0].finding, stale("phone", false));
    assert_eq!(ranked[0].dependents, vec![profile_error("phone")]);
    assert_eq!(ranked[0].weight(), Weight::BlocksItem);
    assert_eq!(ranked[1].finding, profile_error("laptop"));
}

#[test]
fn a_stale_device_alone_is_a_warning_unless_it_made_the_device_not_compliant() {
    assert_eq!(stale("phone", false).weight(), Weight::Warning);
    assert_eq!(stale("phone", true).weight(), Weight::BlocksDevice);
    let ranked = rank(vec![stale("phone", false), profile_error("laptop")]);
    assert_eq!(ranked[0].finding, profile_error("laptop"));
}

#[test]
fn a_profile_error_is_shown_in_its_row_of_the_configuration_view_and_on_the_device() {
    let places = profile_error("laptop").places();
    assert_eq!(places[0], Place::row(Area::Configuration, "wifi|id-laptop", "Wi-Fi"));
    assert_eq!(places[1], Place::row(Area::Devices, "id-laptop", "laptop"));
}

#[test]
fn every_finding_names_who_acts() {
    assert_eq!(Finding::NoIntuneLicense.actor(), Actor::IntuneAdmin);
    assert_eq!(not_compliant("phone").actor(), Actor::User);
    assert_eq!(profile_error("phone").actor(), Actor::IntuneAdmin);
}

#[test]
fn findings_about_the_same_device_stand_alone_when_none_of_them_is_a_cause() {
    let ranked = rank(vec![not_compliant("phone"), profile_error("phone")]);
    assert_eq!(ranked.len(), 2, "a profile error does not follow from non-compliance: {ranked:?}");
    assert!(ranked.iter().all(|r| r.dependents.is_empty()));
}
