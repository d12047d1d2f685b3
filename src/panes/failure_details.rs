//! One enrollment failure, explained: what happened (ours and the service's words), what the tenant's data
//! shows, numbered remediation with who acts, links into Tier1 and to documentation, how to collect logs from
//! the device, and the raw event for an escalation. Parts that need the knowledge base appear when it has
//! loaded; everything else shows at once and keeps working if the knowledge base cannot be fetched.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::data_selector::tab_id;
use super::enrollment_failures::KnownFacts;
use super::views::clock_now;
use crate::components::{ErrorPanel, LoadingState};
use crate::domain::failures::{diagnose, error_code, evidence, raw_event_text, Diagnosis, Tier1Link};
use crate::i18n::Key;
use crate::knowledge::{self, safe_href, Guide, KnowledgeBase, Resource, Step};
use crate::model::EnrollmentEvent;
use crate::routes::View;
use crate::state::{tr, use_go, use_locale, use_location_state};
use crate::tables::failures::{describe, failure_title, os_name};
use crate::tables::format::{datetime_cell, MISSING};
use crate::test_ids;
use crate::{platform, routes::Location};

#[component]
pub fn FailureDetails(event: EnrollmentEvent, facts: Memo<KnownFacts>) -> impl IntoView {
    let locale = use_locale();
    let diagnosis = diagnose(&event);
    let event = StoredValue::new(event);
    let knowledge = LocalResource::new(move || {
        let locale = locale.get();
        async move { knowledge::load(locale).await }
    });
    let kb = move || knowledge.get().and_then(Result::ok);
    let heading = NodeRef::<leptos::html::H3>::new();
    // Opening a failure moves focus to its details, so keyboard and screen-reader users land on them.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });

    let title = move || event.with_value(|e| failure_title(locale.get(), e, diagnosis));
    let reason_slug = diagnosis.reason.map(|r| r.slug()).unwrap_or("unrecognized");

    view! {
        <article
            class="t1-details"
            aria-labelledby="t1-details-title"
            data-testid=test_ids::FAILURE_DETAILS
            data-reason=reason_slug
        >
            <div class="t1-details__head">
                <h3 id="t1-details-title" class="t1-details__title" tabindex="-1" node_ref=heading>
                    {tr(Key::FailureDetailsTitle)}": "{title}
                </h3>
                <CloseLink />
            </div>
            <EventFacts event=event.get_value() />

            <section class="t1-details__section">
                <h4>{tr(Key::WhatHappened)}</h4>
                {move || match knowledge.get() {
                    None => view! { <LoadingState /> }.into_any(),
                    Some(Ok(kb)) => {
                        kb.advice(diagnosis).map(|a| view! { <p>{a.explanation.to_string()}</p> }).into_any()
                    }
                    Some(Err(error)) => view! {
                        <ErrorPanel error what=Key::KnowledgeBaseName on_retry=move |_| knowledge.refetch() />
                    }
                    .into_any(),
                }}
                {event.with_value(service_explanation)}
            </section>

            <section class="t1-details__section" data-testid=test_ids::FAILURE_EVIDENCE>
                <h4>{tr(Key::TenantEvidenceTitle)}</h4>
                {move || {
                    let found = facts.with(|known| event.with_value(|e| evidence(e, diagnosis, &known.facts())));
                    if found.is_empty() {
                        view! { <p class="t1-muted">{tr(Key::NoTenantEvidence)}</p> }.into_any()
                    } else {
                        let clock = clock_now();
                        view! {
                            <ul class="t1-details__evidence">
                                {found
                                    .into_iter()
                                    .map(|item| view! { <li>{move || describe(locale.get(), &item, clock)}</li> })
                                    .collect_view()}
                            </ul>
                        }
                        .into_any()
                    }
                }}
            </section>

            <section class="t1-details__section">
                <h4>{tr(Key::RemediationTitle)}</h4>
                <Remediation event=event.get_value() diagnosis kb=Signal::derive(kb) />
            </section>

            <section class="t1-details__section">
                <h4>{tr(Key::ResourcesTitle)}</h4>
                <div class="t1-details__columns">
                    <div>
                        <h5>{tr(Key::InTier1)}</h5>
                        <ul class="t1-details__links">
                            {diagnosis.tier1_links().iter().map(|&link| view! { <li><Tier1Anchor link /></li> }).collect_view()}
                        </ul>
                    </div>
                    <div>
                        <h5>{tr(Key::Documentation)}</h5>
                        {move || {
                            let mut resources: Vec<Resource> = kb()
                                .and_then(|kb| kb.advice(diagnosis).map(|a| a.resources.to_vec()))
                                .unwrap_or_default();
                            event.with_value(|e| {
                                for r in e.troubleshooting_error_details.iter().flat_map(|d| &d.resources) {
                                    if !resources.iter().any(|known| known.link.trim() == r.link.trim()) {
                                        resources.push(Resource { text: r.text.clone(), link: r.link.clone() });
                                    }
                                }
                            });
                            view! {
                                <ul class="t1-details__links">
                                    {resources.into_iter().map(|r| view! { <li><DocLink resource=r /></li> }).collect_view()}
                                </ul>
                            }
                        }}
                    </div>
                </div>
            </section>

            <section class="t1-details__section">
                <h4>{tr(Key::CollectDataTitle)}</h4>
                <p class="t1-muted">{tr(Key::CollectDataIntro)}</p>
                {move || kb().map(|kb| {
                    let os = event.with_value(|e| e.operating_system.clone().unwrap_or_default());
                    collect_guides(&kb, &os, locale.get().text(Key::GuideForUser))
                })}
            </section>

            <RawEvent event=event.get_value() upn=Signal::derive(move || facts.with(|k| k.user_principal_name.clone())) />
        </article>
    }
}

/// Back to the list without a failure open; focus returns to the failures heading.
#[component]
fn CloseLink() -> impl IntoView {
    let location = use_location_state();
    let go = use_go();
    let target = move || location.get().with_failure(None);
    view! {
        <a
            class="t1-button t1-button--quiet"
            href=move || target().to_query()
            data-testid=test_ids::CLOSE_DETAILS
            on:click=move |ev| {
                ev.prevent_default();
                go(&target());
                focus_later("t1-failures-title");
            }
        >
            {tr(Key::CloseDetails)}
        </a>
    }
}

#[component]
fn EventFacts(event: EnrollmentEvent) -> impl IntoView {
    let locale = use_locale();
    let started = {
        let when = event.event_date_time.clone();
        move || datetime_cell(locale.get(), when.as_deref(), clock_now()).text
    };
    let os = {
        let (name, version) = (event.operating_system.clone(), event.os_version.clone());
        move || format!("{} {}", os_name(locale.get(), name.as_deref()), version.clone().unwrap_or_default())
    };
    let category = {
        let category = diagnose(&event).category;
        move || locale.get().text(category.title())
    };
    let code = |value: Option<String>| value.filter(|v| !v.is_empty()).unwrap_or_else(|| MISSING.into());
    view! {
        <dl class="t1-details__facts">
            <div><dt>{tr(Key::ColEnrollmentStart)}</dt><dd>{started}</dd></div>
            <div><dt>{tr(Key::ColOs)}</dt><dd>{os}</dd></div>
            <div><dt>{tr(Key::EnrollmentTypeLabel)}</dt><dd><code>{code(event.enrollment_type.clone())}</code></dd></div>
            <div><dt>{tr(Key::FailureCategoryLabel)}</dt><dd>{category}</dd></div>
            <div><dt>{tr(Key::ErrorCodeLabel)}</dt><dd><code>{code(error_code(&event).map(str::to_string))}</code></dd></div>
            <div><dt>{tr(Key::CorrelationIdLabel)}</dt><dd><code>{code(event.correlation_id.clone())}</code></dd></div>
        </dl>
    }
}

/// The service's own failure text, when the beta `troubleshootingErrorDetails` carries it.
fn service_explanation(event: &EnrollmentEvent) -> Option<impl IntoView> {
    let details = event.troubleshooting_error_details.as_ref()?;
    let parts: Vec<String> = [&details.context, &details.failure, &details.failure_details]
        .into_iter()
        .flatten()
        .filter(|t| !t.trim().is_empty())
        .cloned()
        .collect();
    (!parts.is_empty()).then(|| {
        view! {
            <div class="t1-callout">
                <h5>{tr(Key::ServiceExplanation)}</h5>
                {parts.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
            </div>
        }
    })
}

/// Our numbered steps with who acts, beside the service's remediation when it sent one; an explicit
/// statement when neither exists.
#[component]
fn Remediation(
    event: EnrollmentEvent,
    diagnosis: Diagnosis,
    kb: Signal<Option<std::sync::Arc<KnowledgeBase>>>,
) -> impl IntoView {
    let service = event
        .troubleshooting_error_details
        .as_ref()
        .and_then(|d| d.remediation.clone())
        .filter(|r| !r.trim().is_empty());
    let has_service = service.is_some();
    view! {
        <div class="t1-details__columns">
            {move || kb.get().map(|kb| {
                let steps: Vec<Step> = kb.advice(diagnosis).map(|a| a.steps.to_vec()).unwrap_or_default();
                if steps.is_empty() {
                    return (!has_service)
                        .then(|| view! {
                            <p class="t1-callout t1-callout--bad" data-testid=test_ids::NO_REMEDIATION>{tr(Key::NoRemediation)}</p>
                        })
                        .into_any();
                }
                view! {
                    <div>
                        <h5>{tr(Key::KnowledgeBaseSource)}</h5>
                        <ol class="t1-steps" data-testid=test_ids::REMEDIATION_STEPS>
                            {steps.into_iter().map(step_item).collect_view()}
                        </ol>
                    </div>
                }
                .into_any()
            })}
            {service.map(|text| view! {
                <div class="t1-callout" data-testid=test_ids::SERVICE_REMEDIATION>
                    <h5>{tr(Key::ServiceRemediation)}</h5>
                    <p>{text}</p>
                </div>
            })}
        </div>
    }
}

fn step_item(step: Step) -> impl IntoView {
    let locale = use_locale();
    let actor = step.actor;
    view! {
        <li class="t1-step" data-actor=actor.slug()>
            <span class="t1-badge t1-badge--plain t1-step__actor">
                <span class="t1-visually-hidden">{tr(Key::WhoActs)}": "</span>
                {move || locale.get().text(actor.label())}
            </span>
            " "
            {step.text}
        </li>
    }
}

/// A link to another part of Tier1. It is a real link (it can be opened in a new tab); a plain click
/// switches the view in place and moves focus there.
#[component]
fn Tier1Anchor(link: Tier1Link) -> impl IntoView {
    let location = use_location_state();
    let go = use_go();
    let (view, focus_id, label) = match link {
        Tier1Link::Restrictions => {
            (Some(View::EnrollmentRestrictions), tab_id(View::EnrollmentRestrictions), Key::LinkRestrictions)
        }
        Tier1Link::Devices => (Some(View::Devices), tab_id(View::Devices), Key::LinkDevices),
        Tier1Link::License => (None, "t1-status-title".to_string(), Key::LinkLicense),
        Tier1Link::Groups => (None, "t1-groups-title".to_string(), Key::LinkGroups),
        Tier1Link::Account => (None, "t1-account-title".to_string(), Key::LinkAccount),
    };
    let target = move || {
        let here: Location = location.get();
        match view {
            Some(v) => here.with_view(v),
            None => here,
        }
    };
    let data_target = view.map_or_else(|| focus_id.clone(), |v| v.slug().to_string());
    let focus_id = StoredValue::new(focus_id);
    view! {
        <a
            class="t1-link"
            href=move || target().to_query()
            data-testid=test_ids::TIER1_LINK
            data-target=data_target
            on:click=move |ev| {
                ev.prevent_default();
                go(&target());
                focus_later(&focus_id.get_value());
            }
        >
            {tr(label)}
        </a>
    }
}

/// An external documentation link; a non-https link from data is shown as text, never followed.
#[component]
fn DocLink(resource: Resource) -> impl IntoView {
    match safe_href(&resource.link).map(str::to_string) {
        Some(href) => view! {
            <a class="t1-link" href=href target="_blank" rel="noopener noreferrer" data-testid=test_ids::DOC_LINK>
                {resource.text}
                <span class="t1-visually-hidden">" "{tr(Key::OpensInNewTab)}</span>
            </a>
        }
        .into_any(),
        None => view! { <span>{resource.text}</span> }.into_any(),
    }
}

fn collect_guides(kb: &KnowledgeBase, operating_system: &str, link_text: &str) -> impl IntoView {
    Guide::ALL
        .into_iter()
        .filter_map(|guide| {
            let entry = kb.guide(guide)?.clone();
            let open = guide.fits(operating_system);
            Some(view! {
                <details class="t1-guide" open=open data-testid=test_ids::COLLECT_GUIDE data-guide=guide.slug()>
                    <summary>{tr(guide.title())}</summary>
                    <p>{entry.intro}</p>
                    <ol>{entry.steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
                    <p><DocLink resource=Resource { text: link_text.to_string(), link: entry.link } /></p>
                </details>
            })
        })
        .collect_view()
}

#[component]
fn RawEvent(event: EnrollmentEvent, upn: Signal<String>) -> impl IntoView {
    let copied = RwSignal::new(false);
    let text = Signal::derive(move || raw_event_text(&event, &upn.get()));
    let copy = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().clipboard().write_text(&text.get_untracked());
            copied.set(true);
        }
    };
    view! {
        <section class="t1-details__section">
            <h4>{tr(Key::RawEventTitle)}</h4>
            <pre class="t1-raw" data-testid=test_ids::RAW_EVENT>{text}</pre>
            <button type="button" class="t1-button t1-button--quiet" on:click=copy>{tr(Key::CopyEvent)}</button>
            <span role="status">{move || copied.get().then(tr(Key::Copied))}</span>
        </section>
    }
}

/// Focuses (and scrolls to) the element with `id` once the navigation that precedes it has rendered.
fn focus_later(id: &str) {
    let id = id.to_string();
    spawn_local(async move {
        platform::sleep_ms(0).await;
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            element.scroll_into_view();
            let _ = element.focus();
        }
    });
}
