#![cfg(not(target_arch = "wasm32"))]
//! Every enrollment failure of the demo tenant, through the same path the screen uses: Graph client → fake
//! Graph → diagnosis → tenant evidence → knowledge base, in every language. The fixture generator checks the
//! tenant against the failures independently, so this is Tier1's reading of the data against that oracle.

use std::collections::BTreeSet;
use std::sync::Arc;

use futures::executor::block_on;
use tier1::domain::failures::{diagnose, evidence, Category, Evidence, Reason, TenantFacts, Tier1Link};
use tier1::domain::status::LicenseStatus;
use tier1::graph::fixture::{parse_faults, FixtureGraph, FixtureSource};
use tier1::graph::{GraphClient, GraphRequest, Transport};
use tier1::i18n::Locale;
use tier1::knowledge::KnowledgeBase;
use tier1::loaders;
use tier1::model::{EnrollmentEvent, ManagedDevice};

fn aurora() -> GraphClient {
    let graph =
        FixtureGraph::new("aurora", FixtureSource::repo(), tier1::platform::now_secs(), parse_faults(""), Some(0));
    GraphClient::new(Transport::Fixture(Arc::new(graph)))
}

fn all_events(client: &GraphClient) -> Vec<EnrollmentEvent> {
    block_on(client.get_all(&GraphRequest::beta("deviceManagement/troubleshootingEvents"))).unwrap()
}

fn knowledge(locale: Locale) -> KnowledgeBase {
    let path = format!("{}/knowledge/enrollment/{}.json", env!("CARGO_MANIFEST_DIR"), locale.tag());
    KnowledgeBase::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The user's data the details pane checks a failure against.
struct UserFacts {
    devices: Vec<ManagedDevice>,
    restrictions: Vec<tier1::model::EnrollmentConfiguration>,
    groups: BTreeSet<String>,
    license: LicenseStatus,
}

impl UserFacts {
    fn load(client: &GraphClient, user_id: &str) -> Self {
        block_on(async {
            let info = loaders::user(client, user_id).await.unwrap();
            let devices = loaders::devices(client, user_id).await.unwrap();
            let membership = loaders::membership(client, user_id).await.unwrap();
            UserFacts {
                devices: devices.into_iter().map(|r| r.device).collect(),
                restrictions: client.enrollment_configurations().await.unwrap(),
                groups: membership.all_ids(),
                license: info.license,
            }
        })
    }

    fn evidence(&self, event: &EnrollmentEvent) -> Vec<Evidence> {
        let facts = TenantFacts {
            devices: &self.devices,
            restrictions: &self.restrictions,
            groups: &self.groups,
            license: Some(&self.license),
        };
        evidence(event, diagnose(event), &facts)
    }
}

#[test]
fn every_documented_reason_occurs_and_every_event_has_advice_in_every_language() {
    let events = all_events(&aurora());
    let reasons: BTreeSet<Reason> = events.iter().filter_map(|e| diagnose(e).reason).collect();
    assert_eq!(reasons.len(), Reason::ALL.len(), "reasons in the demo tenant: {reasons:?}");
    let kbs: Vec<KnowledgeBase> = Locale::ALL.into_iter().map(knowledge).collect();
    for event in &events {
        let diagnosis = diagnose(event);
        assert!(
            diagnosis.reason.is_some() || event.failure_reason.is_none(),
            "{:?} is a failure reason Tier1 does not recognize",
            event.failure_reason
        );
        for kb in &kbs {
            let advice = kb.advice(diagnosis).unwrap_or_else(|| panic!("{}: no advice for {diagnosis:?}", kb.language));
            assert!(!advice.explanation.is_empty());
        }
    }
}

#[test]
fn a_failure_without_any_reason_says_no_remediation_is_documented() {
    let events = all_events(&aurora());
    let bare = events.iter().find(|e| e.failure_reason.is_none()).expect("an event without a reason");
    let diagnosis = diagnose(bare);
    assert_eq!((diagnosis.reason, diagnosis.category), (None, Category::Unknown));
    for locale in Locale::ALL {
        assert!(knowledge(locale).advice(diagnosis).unwrap().steps.is_empty());
    }
}

#[test]
fn restriction_failures_are_explained_by_the_restriction_in_effect_for_the_user() {
    let client = aurora();
    let events = all_events(&client);
    let mut checked = 0;
    for event in &events {
        let Some(reason) = diagnose(event).reason else { continue };
        let facts = UserFacts::load(&client, event.user_id.as_deref().unwrap());
        let found = facts.evidence(event);
        let explained = match reason {
            Reason::VersionTooLow => found.iter().any(|e| matches!(e, Evidence::VersionBelowMinimum { .. })),
            Reason::VersionTooHigh => found.iter().any(|e| matches!(e, Evidence::VersionAboveMaximum { .. })),
            Reason::PlatformBlocked => found.iter().any(|e| matches!(e, Evidence::PlatformBlocked { .. })),
            Reason::PersonalBlocked | Reason::NotPreregistered => {
                found.iter().any(|e| matches!(e, Evidence::PersonalBlocked { .. }))
            }
            Reason::DeviceCapReached => found
                .iter()
                .any(|e| matches!(e, Evidence::DeviceCap { limit, enrolled_at_failure, .. } if enrolled_at_failure >= &(*limit as usize))),
            Reason::UserNotLicensed => {
                found.iter().any(|e| matches!(e, Evidence::Unlicensed | Evidence::PlanNotActive { .. }))
            }
            _ => continue,
        };
        assert!(explained, "{reason:?} for user {:?} not explained by {found:?}", event.user_id);
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} restriction or license failures checked");
}

#[test]
fn jonas_device_cap_failure_names_the_limit_and_his_device_count() {
    let client = aurora();
    let jonas = block_on(client.search_users("jonas")).unwrap().remove(0);
    let events = block_on(client.enrollment_events(&jonas.id)).unwrap();
    assert_eq!(events.len(), 1);
    let found = UserFacts::load(&client, &jonas.id).evidence(&events[0]);
    assert!(
        found
            .iter()
            .any(|e| matches!(e, Evidence::DeviceCap { limit: 5, enrolled_at_failure: 5, enrolled_now: 5, .. })),
        "{found:?}"
    );
    assert_eq!(diagnose(&events[0]).tier1_links(), [Tier1Link::Restrictions, Tier1Link::Devices]);
}

#[test]
fn lucas_license_failure_shows_he_is_still_unlicensed_and_links_to_the_license() {
    let client = aurora();
    let lucas = block_on(client.search_users("lucas martin")).unwrap().remove(0);
    let events = block_on(client.enrollment_events(&lucas.id)).unwrap();
    let event = events.iter().find(|e| diagnose(e).reason == Some(Reason::UserNotLicensed)).unwrap();
    assert_eq!(UserFacts::load(&client, &lucas.id).evidence(event), vec![Evidence::Unlicensed]);
    assert_eq!(diagnose(event).tier1_links(), [Tier1Link::License]);
    let service = event.troubleshooting_error_details.as_ref().and_then(|d| d.remediation.as_deref());
    assert!(service.is_some_and(|r| r.contains("license")), "the service's own remediation is kept: {service:?}");
}

#[test]
fn some_failed_devices_enrolled_later_and_say_so() {
    let client = aurora();
    let events = all_events(&client);
    let later = events
        .iter()
        .filter(|e| {
            let facts = UserFacts::load(&client, e.user_id.as_deref().unwrap());
            facts.evidence(e).iter().any(|x| matches!(x, Evidence::EnrolledLater { .. }))
        })
        .count();
    assert!((3..events.len() / 2).contains(&later), "{later} of {} events followed by an enrollment", events.len());
}
