#![cfg(not(target_arch = "wasm32"))]
//! The demo tenant's app protection and enrollment findings, followed through the screen's path (Graph client →
//! fake Graph → loaders → findings, ranked): an app not checked in (Ngozi), a rooted phone (Paweł), a failed
//! enrollment without a later success (Élodie), a restriction that blocks a platform (Wout), a resolved failure
//! (Chloé), and the device-cap and license failures listed under their causes (Jonas, Lucas). Emma has none.

mod common;

use futures::executor::block_on;
use tier1::domain::device_platform::Platform;
use tier1::domain::diagnosis::{diagnose, Check, Source};
use tier1::domain::failures::{Evidence as Shown, Reason};
use tier1::domain::findings::{rank, Actor, Area, Evidence, Finding, FlagReason, Weight};
use tier1::graph::GraphClient;

fn aurora() -> GraphClient {
    common::tenant("aurora")
}

/// Everything the findings box reads about the user the query finds, and the findings.
fn findings_of(query: &str) -> Vec<Finding> {
    let client = aurora();
    let users = block_on(client.search_users(query)).unwrap();
    assert_eq!(users.len(), 1, "{query:?} should find one user");
    let d = block_on(common::diagnosis_of(&client, &users[0]));
    assert!(d.complete(), "every check ran for {query}");
    d.findings
}

fn is_ours(f: &Finding) -> bool {
    matches!(
        f,
        Finding::AppNotCheckedIn { .. }
            | Finding::AppDeviceFlagged { .. }
            | Finding::EnrollmentFailed { .. }
            | Finding::EnrollmentRestricted { .. }
    )
}

#[test]
fn ngozi_outlook_on_her_ipad_has_not_checked_in() {
    let found = findings_of("ngozi");
    let f = found.iter().find(|f| matches!(f, Finding::AppNotCheckedIn { .. })).expect("not checked in");
    let Finding::AppNotCheckedIn { app, device, missing, .. } = f else { unreachable!() };
    assert_eq!((app.as_str(), device.as_str()), ("Microsoft Outlook", "Ngozi’s iPad"));
    assert_eq!(missing, &["APP - iOS/iPadOS Standard"]);
    assert_eq!((f.weight(), f.actor()), (Weight::BlocksItem, Actor::User));
    assert_eq!(f.places()[0].area, Area::AppProtectionStatus);
}

#[test]
fn pawels_rooted_phone_is_one_finding_naming_both_apps() {
    let found = findings_of("pawel");
    let flagged: Vec<_> = found.iter().filter(|f| matches!(f, Finding::AppDeviceFlagged { .. })).collect();
    assert_eq!(flagged.len(), 1, "{found:?}");
    let Finding::AppDeviceFlagged { reason, apps, .. } = flagged[0] else { unreachable!() };
    assert_eq!(reason, &FlagReason::Rooted);
    assert_eq!(apps.len(), 2);
    assert_eq!((flagged[0].weight(), flagged[0].actor()), (Weight::BlocksDevice, Actor::User));
}

#[test]
fn elodie_iphone_failed_to_enroll_and_no_ios_device_enrolled_since() {
    let found = findings_of("elodie");
    let f = found.iter().find(|f| matches!(f, Finding::EnrollmentFailed { .. })).expect("failed enrollment");
    assert!(matches!(f, Finding::EnrollmentFailed { reason: Some(Reason::IosTimeout), at: Some(_), .. }));
    assert_eq!(f.places()[0].area, Area::EnrollmentFailures);
    assert_eq!(f.actor(), Actor::User);
}

#[test]
fn wouts_mac_is_blocked_by_the_warehouse_restriction_in_effect_for_him() {
    let found = findings_of("wout");
    let f = found.iter().find(|f| matches!(f, Finding::EnrollmentRestricted { .. })).expect("restriction");
    let Finding::EnrollmentRestricted { policy, block, .. } = f else { unreachable!() };
    assert_eq!(policy, "Warehouse - Block macOS");
    assert_eq!(block, &Shown::PlatformBlocked { policy: policy.clone(), platform: Platform::MacOs });
    assert_eq!((f.weight(), f.actor()), (Weight::BlocksDevice, Actor::IntuneAdmin));
    let areas: Vec<Area> = f.places().iter().map(|p| p.area).collect();
    assert_eq!(areas, [Area::EnrollmentRestrictions, Area::EnrollmentFailures]);
    assert!(!found.iter().any(|f| matches!(f, Finding::EnrollmentFailed { .. })), "one finding, not two");
}

#[test]
fn chloe_enrolled_her_iphone_after_the_failure_so_it_is_no_finding() {
    assert!(!findings_of("chloé").iter().any(is_ours));
}

#[test]
fn jonas_device_cap_failure_and_lucas_license_failure_are_listed_under_their_causes() {
    let jonas = rank(findings_of("jonas berg"));
    let limit = jonas.iter().find(|g| matches!(g.finding, Finding::DeviceLimitReached { .. })).unwrap();
    assert!(matches!(
        &limit.dependents[..],
        [Finding::EnrollmentFailed { reason: Some(Reason::DeviceCapReached), .. }]
    ));
    let lucas = rank(findings_of("lucas martin"));
    assert_eq!(lucas.len(), 1, "{lucas:?}");
    assert_eq!(lucas[0].finding, Finding::NoIntuneLicense);
    assert!(matches!(
        &lucas[0].dependents[..],
        [Finding::EnrollmentFailed { reason: Some(Reason::UserNotLicensed), .. }]
    ));
}

#[test]
fn emma_gets_none_of_these_findings() {
    assert!(findings_of("emma laurent").is_empty());
}

#[test]
fn without_the_registrations_or_the_failures_their_checks_are_listed_as_not_run() {
    let failed = [Source::AppRegistrations, Source::EnrollmentEvents].into_iter().collect();
    let d = diagnose(&Evidence::default(), &failed);
    assert_eq!(
        d.not_checked,
        vec![
            (Check::AppProtection, Source::AppRegistrations),
            (Check::EnrollmentFailures, Source::EnrollmentEvents),
            (Check::EnrollmentRestrictions, Source::EnrollmentEvents)
        ]
    );
}
