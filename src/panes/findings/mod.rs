//! "What needs attention": the findings about the selected user, with their evidence, and the checks that
//! could not run because a source did not load. "Nothing wrong found" only when every check ran.

use std::sync::Arc;

use leptos::prelude::*;

mod evidence;
mod protection_text;
pub mod spread;
mod text;

pub use evidence::evidence_text;
pub use text::{advice, describe, next_step, not_checked_text, weight_key, Advice};

use super::not_evaluated::{any_pending, failed_sources};
use super::user_data::{session_devices, UserData};
use crate::components::LoadingState;
use crate::domain::diagnosis::{diagnose, Diagnosis};
use crate::domain::enrollment_restrictions::effective_limit;
use crate::domain::findings::{rank, Evidence, Finding, Ranked, Targeting};
use crate::i18n::{Key, Locale};
use crate::knowledge::{self, KnowledgeBase};
use crate::platform;
use crate::state::{tr, use_locale};
use crate::test_ids;

#[component]
pub fn Findings(data: UserData) -> impl IntoView {
    let locale = use_locale();
    let diagnosis = current_diagnosis(data);
    // Error codes are explained from the knowledge base; the findings show without it and gain the meaning.
    let knowledge = LocalResource::new(move || {
        let l = locale.get();
        async move { knowledge::load(l).await.ok() }
    });
    let kb: Signal<Option<Arc<KnowledgeBase>>> = Signal::derive(move || knowledge.get().flatten());
    spread::provide(data);
    // The announcement after choosing a user says what the box shows: how many findings, "nothing wrong" only
    // when every check ran and nothing is loading, else that not every check could run.
    super::findings_announcement::report_findings(move || {
        let d = diagnosis.get()?;
        match (d.findings.len(), d.complete(), any_pending(data)) {
            (0, true, true) => None,
            (0, true, false) => Some(Ok(0)),
            (0, false, _) => Some(Err(())),
            (n, _, _) => Some(Ok(n)),
        }
    });
    view! {
        <div class="t1-findings" data-testid=test_ids::FINDINGS>
            <h3 class="t1-findings__title">{tr(Key::FindingsTitle)}</h3>
            {move || match diagnosis.get() {
                None => view! { <LoadingState /> }.into_any(),
                Some(d) => render(locale, kb, d, any_pending(data)).into_any(),
            }}
        </div>
    }
}

/// The diagnosis of the selected user as far as their data has loaded; `None` until the user and the devices
/// answered. Shared by the findings box and the case summary, so both say the same.
pub fn current_diagnosis(data: UserData) -> Memo<Option<Diagnosis>> {
    let UserData { tenant, user, apps, groups, restrictions, registrations, failures, targeting, nesting, .. } = data;
    let devices = session_devices(data);
    let failed = failed_sources(data);
    // Findings wait for the user and the devices; the other sources add theirs as they load. A source that
    // failed adds none and its checks are listed as not run.
    Memo::new(move |_| {
        let (info, devices) = (user.get(), devices.get());
        if info.is_none() || devices.is_none() {
            return None;
        }
        let info = info.and_then(Result::ok);
        let devices = devices.and_then(Result::ok);
        let apps = apps.get().and_then(Result::ok);
        let tenant = tenant.get().and_then(Result::ok);
        let threshold = tenant.as_ref().map(|t| t.device_management.settings.device_compliance_checkin_threshold_days);
        let membership = groups.get().and_then(Result::ok);
        let group_ids = membership.as_ref().map(|m| m.all_ids());
        let configs = restrictions.get().and_then(Result::ok);
        let restrictions = configs.as_deref().zip(group_ids.as_ref());
        let device_limit = restrictions.and_then(|(configs, ids)| effective_limit(configs, ids));
        let registrations = registrations.get().and_then(Result::ok);
        let events = failures.get().and_then(Result::ok);
        // Without the nesting (still loading, or not readable) the exclusion findings leave the path out.
        let parents = nesting.get().and_then(Result::ok).unwrap_or_default();
        let lists = targeting.get().and_then(Result::ok);
        let evidence = Evidence {
            account: info.as_ref().map(|i| (&i.user, &i.license)),
            devices: devices.as_deref(),
            apps: apps.as_deref(),
            now_secs: platform::now_secs(),
            checkin_threshold_days: threshold,
            device_limit,
            app_registrations: registrations.as_deref(),
            enrollment_events: events.as_deref(),
            restrictions,
            tenant: tenant.as_ref().map(|t| (&t.organization, &t.device_management)),
            targeting: match (&lists, &membership) {
                (Some(lists), Some(membership)) => Some(Targeting {
                    configuration: &lists.configuration,
                    compliance: &lists.compliance,
                    membership,
                    parents: &parents,
                    names: &lists.names,
                }),
                _ => None,
            },
        };
        Some(diagnose(&evidence, &failed.get()))
    })
}

type Kb = Signal<Option<Arc<KnowledgeBase>>>;

fn render(locale: RwSignal<Locale>, kb: Kb, d: Diagnosis, pending: bool) -> impl IntoView {
    let nothing_found = d.findings.is_empty();
    let headline = match (nothing_found, d.complete(), d.any_ran()) {
        (false, _, _) => None,
        (true, true, _) => (!pending).then_some((Key::NoFindings, "t1-callout t1-callout--good")),
        (true, false, true) => Some((Key::NoFindingsPartial, "t1-callout")),
        (true, false, false) => Some((Key::NoCheckRan, "t1-callout")),
    };
    let found = (!nothing_found).then(|| {
        let items = rank(d.findings).into_iter().map(|group| ranked_item(locale, kb, group)).collect_view();
        view! { <ol class="t1-findings__list">{items}</ol> }
    });
    let not_checked = (!d.not_checked.is_empty()).then(|| {
        let items = d
            .not_checked
            .into_iter()
            .map(|(check, source)| view! { <li>{move || not_checked_text(locale.get(), check, source)}</li> })
            .collect_view();
        view! {
            <div class="t1-callout t1-callout--warn" data-testid=test_ids::FINDINGS_UNAVAILABLE>
                {headline.map(|(key, _)| view! { <p>{tr(key)}</p> })}
                <ul class="t1-findings__not-checked">{items}</ul>
            </div>
        }
    });
    let complete_headline =
        headline.filter(|(key, _)| *key == Key::NoFindings).map(|(key, class)| view! { <p class=class>{tr(key)}</p> });
    // Findings shown while a source still loads are not the whole answer yet.
    let still_loading = (pending && (complete_headline.is_none())).then(|| view! { <LoadingState /> });
    view! {
        {complete_headline}
        {found}
        {not_checked}
        {still_loading}
    }
}

/// One finding as listed: its weight, what is wrong, the evidence, the next step and who acts; the findings
/// that follow from it nested below.
fn ranked_item(locale: RwSignal<Locale>, kb: Kb, group: Ranked) -> impl IntoView {
    let dependents = (!group.dependents.is_empty()).then(|| {
        let items = group.dependents.into_iter().map(|f| finding_item(locale, kb, f, None)).collect_view();
        view! {
            <p class="t1-finding__follows">{tr(Key::FollowsFrom)}</p>
            <ul class="t1-findings__dependents">{items}</ul>
        }
    });
    finding_item(locale, kb, group.finding, dependents.map(IntoAny::into_any))
}

fn finding_item(locale: RwSignal<Locale>, kb: Kb, finding: Finding, nested: Option<AnyView>) -> impl IntoView {
    let weight = finding.weight();
    let reach = spread::reach_of(&finding);
    let places = finding.places();
    let weight_class = format!("t1-badge t1-finding__weight t1-finding__weight--{}", weight.slug());
    let what = finding.clone();
    // The knowledge base's steps for an explained error code; an incident's once the tenant-wide count says so.
    let advised = Memo::new(move |_| {
        let l = locale.get();
        let advised = kb.with(|kb| advice(l, &finding, kb.as_deref()));
        spread::with_reach(l, advised, &finding, reach.get())
    });
    let meaning = move || {
        advised.with(|a| a.meaning.clone()).map(|meaning| {
            view! {
                <div>
                    <dt>{tr(Key::MeaningLabel)}</dt>
                    <dd data-testid=test_ids::FINDING_MEANING>{meaning}</dd>
                </div>
            }
        })
    };
    view! {
        <li class="t1-finding" data-testid=test_ids::FINDING data-weight=weight.slug()>
            <p class="t1-finding__what" data-testid=test_ids::FINDING_WHAT>
                <span class=weight_class>{tr(weight_key(weight))}</span>
                " "
                {move || describe(locale.get(), &what)}
            </p>
            <spread::SpreadLine reach locale />
            <dl class="t1-finding__facts">
                {meaning} <div>
                    <dt>{tr(Key::EvidenceLabel)}</dt>
                    <dd>
                        <evidence::EvidenceLinks places locale />
                    </dd>
                </div> <div>
                    <dt>{tr(Key::CaseNextStep)}</dt>
                    <dd data-testid=test_ids::FINDING_NEXT_STEP>{move || advised.with(|a| a.next_step.clone())}</dd>
                </div> <div>
                    <dt>{tr(Key::WhoActs)}</dt>
                    <dd data-testid=test_ids::FINDING_WHO_ACTS>{move || advised.with(|a| a.who_acts.clone())}</dd>
                </div>
            </dl>
            {nested}
        </li>
    }
}
