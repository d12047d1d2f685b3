use super::*;
use crate::domain::findings::rank;
use crate::model::{Assignment, AssignmentTarget, PlatformRestriction};

fn event(id: &str, os: &str, version: &str, reason: &str, at: &str) -> EnrollmentEvent {
    EnrollmentEvent {
        id: id.into(),
        event_date_time: Some(at.into()),
        operating_system: Some(os.into()),
        os_version: Some(version.into()),
        failure_reason: Some(reason.into()),
        failure_category: Some("enrollmentRestrictionsEnforced".into()),
        managed_device_identifier: Some("00000000-0000-0000-0000-000000000000".into()),
        ..Default::default()
    }
}

fn device(id: &str, os: &str, enrolled: &str) -> ManagedDevice {
    ManagedDevice {
        id: id.into(),
        device_name: format!("dev-{id}"),
        operating_system: os.into(),
        enrolled_date_time: Some(enrolled.into()),
        ..Default::default()
    }
}

fn restriction(id: &str, priority: i32, group: Option<&str>, macos: PlatformRestriction) -> EnrollmentConfiguration {
    EnrollmentConfiguration {
        odata_type: "#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration".into(),
        id: id.into(),
        display_name: format!("Restriction {id}"),
        priority,
        mac_os_restriction: Some(macos),
        assignments: group
            .map(|g| Assignment {
                target: AssignmentTarget {
                    odata_type: "#microsoft.graph.groupAssignmentTarget".into(),
                    group_id: Some(g.into()),
                },
                ..Default::default()
            })
            .into_iter()
            .collect(),
        ..Default::default()
    }
}

fn run(events: &[EnrollmentEvent], devices: &[ManagedDevice], configs: &[EnrollmentConfiguration]) -> Vec<Finding> {
    let groups: BTreeSet<String> = ["warehouse".to_string()].into();
    let facts = EnrollmentFacts { events, devices, restrictions: Some((configs, &groups)), license: None };
    let mut out = Vec::new();
    findings(&facts, &mut out);
    out
}

#[test]
fn a_failure_without_a_later_enrollment_is_a_finding_with_its_reason_category_and_time() {
    let e = event("e1", "iOS", "27.1", "iOS/iPadOS Timeout or Failure", "2026-11-16T10:00:00Z");
    let found = run(&[e], &[device("d1", "Windows", "2026-11-18T10:00:00Z")], &[]);
    assert_eq!(
        found,
        vec![Finding::EnrollmentFailed {
            event_id: "e1".into(),
            os: "iOS".into(),
            os_version: "27.1".into(),
            reason: Some(Reason::IosTimeout),
            failure: Some("iOS/iPadOS Timeout or Failure".into()),
            category: Category::EnrollmentRestrictionsEnforced,
            at: parse_iso("2026-11-16T10:00:00Z"),
        }],
        "a later Windows device does not resolve an iOS failure"
    );
}

#[test]
fn a_later_enrollment_of_the_same_device_or_the_same_platform_resolves_the_failure() {
    let mut e = event("e1", "iOS", "27.1", "iOS/iPadOS Timeout or Failure", "2026-11-16T10:00:00Z");
    assert!(run(std::slice::from_ref(&e), &[device("d1", "iOS", "2026-11-17T10:00:00Z")], &[]).is_empty());
    // Enrolled before the failure: still a finding.
    assert_eq!(run(std::slice::from_ref(&e), &[device("d1", "iOS", "2026-11-15T10:00:00Z")], &[]).len(), 1);
    // The same device (by its managed device id) enrolled later, whatever the platform reported.
    e.managed_device_identifier = Some("d2".into());
    assert!(run(&[e], &[device("d2", "", "2026-11-17T10:00:00Z")], &[]).is_empty());
}

#[test]
fn a_restriction_in_effect_that_blocks_the_platform_is_the_finding_with_the_failure_as_evidence() {
    let blocked = PlatformRestriction { platform_blocked: true, ..Default::default() };
    let configs = [
        restriction("default", 0, None, PlatformRestriction::default()),
        restriction("wh", 1, Some("warehouse"), blocked),
    ];
    let e = event("e1", "macOS", "26.7.2", "Device platform blocked", "2026-11-09T10:00:00Z");
    let found = run(&[e], &[], &configs);
    assert_eq!(
        found,
        vec![Finding::EnrollmentRestricted {
            policy: "Restriction wh".into(),
            policy_id: "wh".into(),
            block: Shown::PlatformBlocked { policy: "Restriction wh".into(), platform: Platform::MacOs },
            event_id: "e1".into(),
            os: "macOS".into(),
            os_version: "26.7.2".into(),
            at: parse_iso("2026-11-09T10:00:00Z"),
        }]
    );
    assert_eq!(found[0].actor(), Actor::IntuneAdmin);
    let places = found[0].places();
    assert_eq!(places[0].key.as_deref(), Some("wh"));
    assert_eq!(places[1].key.as_deref(), Some("e1"));
}

#[test]
fn a_restriction_that_allows_the_device_now_leaves_a_plain_failure() {
    let configs = [restriction("default", 0, None, PlatformRestriction::default())];
    let e = event("e1", "macOS", "26.7.2", "Device platform blocked", "2026-11-09T10:00:00Z");
    assert!(matches!(&run(&[e], &[], &configs)[..], [Finding::EnrollmentFailed { .. }]));
}

#[test]
fn a_too_old_os_version_is_for_the_user_to_update() {
    let minimum = PlatformRestriction { os_minimum_version: Some("27.0".into()), ..Default::default() };
    let configs = [restriction("default", 0, None, minimum)];
    let e = event("e1", "macOS", "26.7.2", "Device version too low", "2026-11-09T10:00:00Z");
    let found = run(&[e], &[], &configs);
    assert!(matches!(&found[..], [Finding::EnrollmentRestricted { block: Shown::VersionBelowMinimum { .. }, .. }]));
    assert_eq!(found[0].actor(), Actor::User);
}

#[test]
fn device_cap_and_license_failures_are_listed_under_the_finding_they_follow_from() {
    let failed = |reason| Finding::EnrollmentFailed {
        event_id: "e1".into(),
        os: "Android".into(),
        os_version: "16".into(),
        reason: Some(reason),
        failure: None,
        category: Category::EnrollmentRestrictionsEnforced,
        at: Some(10),
    };
    let cap = failed(Reason::DeviceCapReached);
    let limit = Finding::DeviceLimitReached { limit: 5, policy: "Staff".into(), enrolled: 5 };
    let ranked = rank(vec![limit.clone(), cap.clone()]);
    assert_eq!(ranked.len(), 1);
    assert_eq!(ranked[0].finding, limit);
    assert_eq!(ranked[0].dependents, vec![cap.clone()]);
    // Without the limit finding, the failure stands on its own.
    assert_eq!(rank(vec![cap.clone()])[0].finding, cap);
    let license = failed(Reason::UserNotLicensed);
    let ranked = rank(vec![license.clone(), Finding::NoIntuneLicense]);
    assert_eq!(
        (ranked.len(), &ranked[0].finding, &ranked[0].dependents),
        (1, &Finding::NoIntuneLicense, &vec![license])
    );
}

#[test]
fn who_fixes_a_failure_depends_on_its_reason() {
    assert_eq!(failure_actor(Some(Reason::AutopilotDeviceNotFound), Category::BadRequest), Actor::IntuneAdmin);
    assert_eq!(failure_actor(Some(Reason::IosTimeout), Category::UserAbandonment), Actor::User);
    assert_eq!(failure_actor(Some(Reason::DeviceAlreadyEnrolled), Category::BadRequest), Actor::HelpDesk);
    assert_eq!(failure_actor(None, Category::Unknown), Actor::HelpDesk);
}
