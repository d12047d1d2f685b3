//! The details of one enrollment failure as a document: facts, what happened (ours and the service's words),
//! what the tenant's data shows, numbered remediation with who acts (or a plain statement that none is
//! documented), links into Tier1 and to documentation, log-collection guides, and the raw event.

use super::failure_names::category_title;
use super::failures::{describe, os_name};
use super::format::{datetime_cell, MISSING};
use super::Clock;
use crate::document::{Block, Fact, Link, LinkTarget, StepItem};
use crate::domain::failures::{error_code, evidence, raw_event_text, Diagnosis, TenantFacts, Tier1Link};
use crate::i18n::{Key, Locale};
use crate::knowledge::{safe_href, Guide, KnowledgeBase, Resource};
use crate::model::EnrollmentEvent;
use crate::routes::{Location, View};
use crate::test_ids;

/// Where the knowledge base is: the rest of the details do not wait for it.
#[derive(Clone, Copy)]
pub enum KnowledgeState<'a> {
    Loading,
    /// Failed to load: the component shows the error with a retry; the details show what they can without it.
    Unavailable,
    Ready(&'a KnowledgeBase),
}

pub struct DetailsInput<'a> {
    pub locale: Locale,
    pub clock: Clock,
    pub event: &'a EnrollmentEvent,
    pub diagnosis: Diagnosis,
    pub facts: &'a TenantFacts<'a>,
    pub knowledge: KnowledgeState<'a>,
    pub user_principal_name: &'a str,
    /// The current location, which Tier1 links start from.
    pub here: &'a Location,
}

pub fn details(input: &DetailsInput) -> Vec<Block> {
    let (locale, event) = (input.locale, input.event);
    let t = |key| locale.text(key).to_string();
    let kb = match input.knowledge {
        KnowledgeState::Ready(kb) => Some(kb),
        _ => None,
    };
    let advice = kb.and_then(|kb| kb.advice(input.diagnosis));
    let service = event.troubleshooting_error_details.as_ref();
    let section = |test_id, title: Key, mut body: Vec<Block>| {
        body.insert(0, Block::Heading { level: 4, text: t(title) });
        Block::Section { test_id, children: body }
    };

    let mut happened = Vec::new();
    match (input.knowledge, advice) {
        (KnowledgeState::Loading, _) => happened.push(Block::Loading),
        (_, Some(a)) => happened.push(Block::Paragraph { text: a.explanation.to_string(), muted: false }),
        _ => {}
    }
    let service_words: Vec<String> = service
        .iter()
        .flat_map(|d| [&d.context, &d.failure, &d.failure_details])
        .flatten()
        .filter(|w| !w.trim().is_empty())
        .cloned()
        .collect();
    if !service_words.is_empty() {
        happened.push(Block::Callout {
            title: Some(t(Key::ServiceExplanation)),
            paragraphs: service_words,
            bad: false,
            test_id: None,
        });
    }

    let found = evidence(event, input.diagnosis, input.facts);
    let evidence_body = if found.is_empty() {
        vec![Block::Paragraph { text: t(Key::NoTenantEvidence), muted: true }]
    } else {
        vec![Block::Bullets(found.iter().map(|e| describe(locale, e, input.clock)).collect())]
    };

    let service_remediation = service.and_then(|d| d.remediation.clone()).filter(|r| !r.trim().is_empty());
    let mut remediation = Vec::new();
    if let Some(a) = advice.filter(|a| !a.steps.is_empty()) {
        let steps = a
            .steps
            .iter()
            .map(|s| StepItem { who: t(s.actor.label()), actor: s.actor.slug(), text: s.text.clone() })
            .collect();
        remediation.push(vec![
            Block::Heading { level: 5, text: t(Key::KnowledgeBaseSource) },
            Block::Steps { steps, test_id: test_ids::REMEDIATION_STEPS },
        ]);
    }
    if let Some(text) = service_remediation {
        remediation.push(vec![Block::Callout {
            title: Some(t(Key::ServiceRemediation)),
            paragraphs: vec![text],
            bad: false,
            test_id: Some(test_ids::SERVICE_REMEDIATION),
        }]);
    }
    let remediation_body = match (remediation.is_empty(), kb) {
        // Only once the knowledge base has answered can Tier1 say that nothing is documented.
        (true, Some(_)) => vec![Block::Callout {
            title: None,
            paragraphs: vec![t(Key::NoRemediation)],
            bad: true,
            test_id: Some(test_ids::NO_REMEDIATION),
        }],
        (true, None) => Vec::new(),
        (false, _) => vec![Block::Columns(remediation)],
    };

    let tier1_links = input.diagnosis.tier1_links().iter().map(|&l| tier1_link(locale, input.here, l)).collect();
    let mut docs: Vec<Resource> = advice.map(|a| a.resources.to_vec()).unwrap_or_default();
    for r in service.iter().flat_map(|d| &d.resources) {
        if !docs.iter().any(|known| known.link.trim() == r.link.trim()) {
            docs.push(Resource { text: r.text.clone(), link: r.link.clone() });
        }
    }
    let doc_links: Vec<Link> = docs.into_iter().map(|r| external(locale, r.text, &r.link)).collect();
    let mut resources = vec![vec![Block::Heading { level: 5, text: t(Key::InTier1) }, Block::Links(tier1_links)]];
    if !doc_links.is_empty() {
        resources.push(vec![Block::Heading { level: 5, text: t(Key::Documentation) }, Block::Links(doc_links)]);
    }

    let mut collect = vec![Block::Paragraph { text: t(Key::CollectDataIntro), muted: true }];
    if let Some(kb) = kb {
        let os = event.operating_system.as_deref().unwrap_or_default();
        for guide in Guide::ALL {
            if let Some(g) = kb.guide(guide) {
                collect.push(Block::Guide {
                    slug: guide.slug(),
                    title: t(guide.title()),
                    open: guide.fits(os),
                    intro: g.intro.clone(),
                    steps: g.steps.clone(),
                    link: Box::new(external(locale, t(Key::GuideForUser), &g.link)),
                });
            }
        }
    }

    vec![
        facts(input),
        section(None, Key::WhatHappened, happened),
        section(Some(test_ids::FAILURE_EVIDENCE), Key::TenantEvidenceTitle, evidence_body),
        section(None, Key::RemediationTitle, remediation_body),
        section(None, Key::ResourcesTitle, vec![Block::Columns(resources)]),
        section(None, Key::CollectDataTitle, collect),
        section(
            None,
            Key::RawEventTitle,
            vec![Block::Raw {
                text: raw_event_text(event, input.user_principal_name),
                copy_label: t(Key::CopyEvent),
                copied_label: t(Key::Copied),
                test_id: test_ids::RAW_EVENT,
            }],
        ),
    ]
}

fn facts(input: &DetailsInput) -> Block {
    let (locale, event) = (input.locale, input.event);
    let fact = |label: Key, value: String, code: bool| Fact { label: locale.text(label).to_string(), value, code };
    let or_missing = |v: Option<&str>| v.filter(|v| !v.is_empty()).unwrap_or(MISSING).to_string();
    let os = format!(
        "{} {}",
        os_name(locale, event.operating_system.as_deref()),
        event.os_version.as_deref().unwrap_or_default()
    );
    Block::Facts(vec![
        fact(Key::ColEnrollmentStart, datetime_cell(locale, event.event_date_time.as_deref(), input.clock).text, false),
        fact(Key::ColOs, os.trim().to_string(), false),
        fact(
            Key::EnrollmentTypeLabel,
            super::enum_labels::enrollment_type(locale, event.enrollment_type.as_deref().unwrap_or_default())
                .unwrap_or_else(|| MISSING.to_string()),
            false,
        ),
        fact(Key::FailureCategoryLabel, locale.text(category_title(input.diagnosis.category)).to_string(), false),
        fact(Key::ErrorCodeLabel, or_missing(error_code(event)), true),
        fact(Key::CorrelationIdLabel, or_missing(event.correlation_id.as_deref()), true),
    ])
}

fn tier1_link(locale: Locale, here: &Location, link: Tier1Link) -> Link {
    let (view, focus, label) = match link {
        Tier1Link::Restrictions => (Some(View::EnrollmentRestrictions), None, Key::LinkRestrictions),
        Tier1Link::Devices => (Some(View::Devices), None, Key::LinkDevices),
        Tier1Link::License => (None, Some("t1-status-title"), Key::LinkLicense),
        Tier1Link::Groups => (None, Some("t1-groups-title"), Key::LinkGroups),
        Tier1Link::Account => (None, Some("t1-account-title"), Key::LinkAccount),
    };
    let to = view.map_or_else(|| here.clone(), |v| here.with_view(v));
    let focus = focus.map_or_else(|| crate::routes::tab_id(view.unwrap_or_default()), str::to_string);
    Link { text: locale.text(label).to_string(), target: LinkTarget::Tier1 { to, focus } }
}

fn external(locale: Locale, text: String, link: &str) -> Link {
    let target = match safe_href(link) {
        Some(href) => {
            LinkTarget::External { href: href.to_string(), new_tab_hint: locale.text(Key::OpensInNewTab).to_string() }
        }
        None => LinkTarget::None,
    };
    Link { text, target }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::failures::diagnose;
    use crate::domain::status::LicenseStatus;
    use crate::model::{ErrorDetails, ErrorResource};
    use std::collections::BTreeSet;

    const CLOCK: Clock = Clock { now_secs: 1_795_000_000, offset_minutes: 0 };

    fn knowledge() -> KnowledgeBase {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge/enrollment/en.json");
        KnowledgeBase::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    fn build(event: &EnrollmentEvent, knowledge: KnowledgeState) -> Vec<Block> {
        let groups = BTreeSet::new();
        let facts =
            TenantFacts { devices: &[], restrictions: &[], groups: &groups, license: Some(&LicenseStatus::Unlicensed) };
        let here = Location::from_query("?user=u1&failure=e1");
        details(&DetailsInput {
            locale: Locale::En,
            clock: CLOCK,
            event,
            diagnosis: diagnose(event),
            facts: &facts,
            knowledge,
            user_principal_name: "ann@example.com",
            here: &here,
        })
    }

    fn event(reason: Option<&str>, category: &str) -> EnrollmentEvent {
        EnrollmentEvent {
            id: "e1".into(),
            event_date_time: Some("2026-11-01T10:00:00Z".into()),
            failure_reason: reason.map(str::to_string),
            failure_category: Some(category.into()),
            operating_system: Some("Android".into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_license_failure_has_numbered_steps_with_who_acts_evidence_and_a_link_to_the_license() {
        let kb = knowledge();
        let blocks = build(&event(Some("User not found or licensed"), "userValidation"), KnowledgeState::Ready(&kb));
        let Some(Block::Steps { steps, .. }) = Block::find(&blocks, test_ids::REMEDIATION_STEPS) else { panic!() };
        assert_eq!(steps.len(), kb.reason(crate::domain::failures::Reason::UserNotLicensed).unwrap().steps.len());
        assert!(steps.iter().any(|s| s.actor == "admin" && s.who == "Intune administrator"));
        let evidence = Block::find(&blocks, test_ids::FAILURE_EVIDENCE).unwrap().texts();
        assert!(evidence.contains(&Locale::En.text(Key::EvUnlicensed).to_string()), "{evidence:?}");
        let links = blocks.iter().flat_map(Block::texts).collect::<Vec<_>>();
        assert!(links.contains(&"The user's Intune license".to_string()));
        assert!(Block::find(&blocks, test_ids::NO_REMEDIATION).is_none());
    }

    #[test]
    fn no_reason_and_no_service_remediation_says_so_once_the_knowledge_base_answered() {
        let kb = knowledge();
        let bare = event(None, "unknown");
        let blocks = build(&bare, KnowledgeState::Ready(&kb));
        assert!(Block::find(&blocks, test_ids::NO_REMEDIATION).is_some());
        assert!(Block::find(&blocks, test_ids::REMEDIATION_STEPS).is_none());
        let loading = build(&bare, KnowledgeState::Loading);
        assert!(Block::find(&loading, test_ids::NO_REMEDIATION).is_none(), "not before the knowledge base has loaded");
        assert!(Block::find(&loading, test_ids::RAW_EVENT).is_some(), "the raw event never waits");
    }

    #[test]
    fn the_services_remediation_is_shown_beside_ours_and_hostile_links_stay_text() {
        let kb = knowledge();
        let mut e = event(Some("Device cap reached"), "enrollmentRestrictionsEnforced");
        e.troubleshooting_error_details = Some(ErrorDetails {
            remediation: Some("Retire an old device.".into()),
            resources: vec![
                ErrorResource { text: "Evil".into(), link: "javascript:alert(1)".into() },
                ErrorResource { text: "Docs".into(), link: "https://learn.microsoft.com/x".into() },
            ],
            ..Default::default()
        });
        let blocks = build(&e, KnowledgeState::Ready(&kb));
        assert!(Block::find(&blocks, test_ids::SERVICE_REMEDIATION)
            .unwrap()
            .texts()
            .contains(&"Retire an old device.".into()));
        assert!(Block::find(&blocks, test_ids::REMEDIATION_STEPS).is_some());
        let links: Vec<Link> = collect_links(&blocks);
        let evil = links.iter().find(|l| l.text == "Evil").unwrap();
        assert_eq!(evil.target, LinkTarget::None);
        assert!(
            matches!(&links.iter().find(|l| l.text == "Docs").unwrap().target, LinkTarget::External { href, .. } if href == "https://learn.microsoft.com/x")
        );
        let restrictions = links.iter().find(|l| l.text == "Enrollment restrictions that apply to this user").unwrap();
        let LinkTarget::Tier1 { to, focus } = &restrictions.target else { panic!() };
        assert_eq!(
            (to.view, to.failure.as_deref(), focus.as_str()),
            (View::EnrollmentRestrictions, Some("e1"), "t1-tab-enrollment-restrictions")
        );
    }

    #[test]
    fn guides_for_the_devices_platform_are_open() {
        let kb = knowledge();
        let blocks = build(&event(Some("Device already enrolled"), "badRequest"), KnowledgeState::Ready(&kb));
        let open: Vec<&str> = guides(&blocks).into_iter().filter(|(_, open)| *open).map(|(slug, _)| slug).collect();
        assert_eq!(open, ["androidEmail", "androidUsb", "androidVerbose"]);
    }

    fn collect_links(blocks: &[Block]) -> Vec<Link> {
        blocks
            .iter()
            .flat_map(|b| match b {
                Block::Links(links) => links.clone(),
                Block::Section { children, .. } => collect_links(children),
                Block::Columns(columns) => columns.iter().flat_map(|c| collect_links(c)).collect(),
                _ => Vec::new(),
            })
            .collect()
    }

    fn guides(blocks: &[Block]) -> Vec<(&'static str, bool)> {
        blocks
            .iter()
            .flat_map(|b| match b {
                Block::Guide { slug, open, .. } => vec![(*slug, *open)],
                Block::Section { children, .. } => guides(children),
                _ => Vec::new(),
            })
            .collect()
    }
}
