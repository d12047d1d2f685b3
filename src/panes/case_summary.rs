//! "Copy case summary" and "Download case summary": the selected user's case as the screen shows it (the same
//! diagnosis as the findings box, the devices with this session's actions applied, failed apps with their error
//! codes explained, enrollment failures, the actions taken), written in the operator's language or, for an
//! escalation, in English. Gathered when the operator asks, from what has loaded by then.

use leptos::prelude::*;

use super::findings::{
    advice, current_diagnosis, describe, evidence_text, not_checked_text, spread, weight_key, Advice,
};
use super::table_context::clock_now;
use super::user_data::{session_devices, UserData};
use crate::components::download_text;
use crate::domain::diagnosis::Diagnosis;
use crate::domain::findings::{rank, Finding};
use crate::domain::incident::Reach;
use crate::domain::status::DeviceRecord;
use crate::domain::time::{format_local, parse_iso};
use crate::i18n::{Key, Locale};
use crate::knowledge::{self, KnowledgeBase};
use crate::loaders::{TenantInfo, UserInfo};
use crate::model::EnrollmentEvent;
use crate::platform;
use crate::state::actions::use_device_actions;
use crate::state::operator::use_gate;
use crate::state::{tr, use_incident_threshold, use_locale};
use crate::tables::case_summary::{
    file_name, render, CaseAction, CaseApp, CaseDevice, CaseEnrollmentFailure, CaseFinding, CaseFormat, CaseSheet,
};
use crate::tables::format::compliance;
use crate::tables::{action_log, failures, Clock};
use crate::test_ids;

#[component]
pub fn CaseSummary(data: UserData) -> impl IntoView {
    let locale = use_locale();
    let diagnosis = current_diagnosis(data);
    let devices = session_devices(data);
    let actions = use_device_actions();
    let gate = use_gate();
    let english = RwSignal::new(false);
    let threshold = use_incident_threshold();
    let status = RwSignal::new(None::<Key>);
    let language = move || if english.get() { Locale::En } else { locale.get() };
    // Error codes are explained from the knowledge base; fetched with the screen so a copy never waits for it.
    let knowledge = LocalResource::new(move || {
        let l = language();
        async move { knowledge::load(l).await.ok() }
    });

    let sheet = move || {
        let l = language();
        let clock = clock_now();
        let operator = gate
            .with_untracked(|g| g.operator())
            .map_or_else(|| l.text(Key::OperatorSignedIn).to_string(), |(name, upn)| format!("{name} ({upn})"));
        let records = actions.book().with_untracked(|b| b.records(actions.now()));
        let devices = devices.get_untracked().and_then(Result::ok).unwrap_or_default();
        let mut sheet = CaseSheet {
            operator,
            at: format_local(clock.now_secs, clock.offset_minutes),
            link: platform::current_href(),
            ..CaseSheet::default()
        };
        fill_people(&mut sheet, data.tenant.get_untracked(), data.user.get_untracked());
        let diagnosis = diagnosis.get_untracked();
        let kb = knowledge.get_untracked().flatten();
        // Each finding's tenant-wide reach where its count has loaded, as the findings box shows it.
        let known = data.spreads.get_untracked();
        let own = data.devices.get_untracked().and_then(Result::ok).unwrap_or_default();
        let reach = |f: &Finding| crate::domain::incident::reach(f, &own, known.as_ref()?, threshold);
        fill_findings(&mut sheet, l, diagnosis.as_ref(), kb.as_deref(), reach);
        sheet.devices = devices.iter().map(|r| case_device(l, clock, r)).collect();
        sheet.failed_apps = failed_apps(diagnosis.as_ref(), kb.as_deref());
        let events = data.events.get_untracked().unwrap_or_default();
        sheet.enrollment_failures = events.iter().map(|e| case_failure(l, clock, e)).collect();
        sheet.actions = records
            .iter()
            .filter(|r| devices.iter().any(|d| d.device.id == r.device_id))
            .map(|r| CaseAction {
                when: action_log::time_text(r.started_secs, clock.offset_minutes),
                device: r.device_name.clone(),
                action: l.text(crate::tables::permission_names::device_action_key(r.action)).to_string(),
                outcome: l.text(action_log::result_label(r.result).0).to_string(),
            })
            .collect();
        (l, sheet)
    };
    let copy = move |_| {
        let (l, sheet) = sheet();
        let copied = platform::copy_to_clipboard(&render(&sheet, l, CaseFormat::Markdown));
        status.set(Some(if copied { Key::CaseSummaryCopied } else { Key::CaseSummaryCopyFailed }));
    };
    let download = move |format: CaseFormat| {
        let (l, sheet) = sheet();
        let clock = clock_now();
        let stamp = format_local(clock.now_secs, clock.offset_minutes);
        let date = stamp.split(' ').next().unwrap_or_default();
        download_text(&file_name(&sheet, date, format), format.mime(), &render(&sheet, l, format));
    };
    let ready = move || diagnosis.get().is_some();

    view! {
        <div class="t1-case" role="group" aria-label=move || locale.get().text(Key::CopyCaseSummary)>
            <button
                type="button"
                class="t1-button"
                data-testid=test_ids::COPY_CASE_SUMMARY
                disabled=move || !ready()
                on:click=copy
            >
                {tr(Key::CopyCaseSummary)}
            </button>
            <details class="t1-case__download" data-testid=test_ids::DOWNLOAD_CASE_SUMMARY>
                <summary class="t1-button t1-button--quiet">{tr(Key::DownloadCaseSummary)}</summary>
                <ul class="t1-case__formats">
                    {CaseFormat::ALL
                        .into_iter()
                        .map(|format| {
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="t1-button t1-button--quiet"
                                        disabled=move || !ready()
                                        on:click=move |_| download(format)
                                    >
                                        {tr(format.label())}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
            <label class="t1-case__english">
                <input
                    type="checkbox"
                    prop:checked=move || english.get()
                    on:change:target=move |ev| english.set(ev.target().checked())
                />
                {tr(Key::CaseInEnglish)}
            </label>
            <p class="t1-case__status" role="status" aria-live="polite" data-testid=test_ids::CASE_SUMMARY_STATUS>
                {move || status.get().map(|key| locale.get().text(key))}
            </p>
        </div>
    }
}

fn fill_people(
    sheet: &mut CaseSheet,
    tenant: Option<Result<TenantInfo, crate::graph::ApiError>>,
    user: Option<Result<UserInfo, crate::graph::ApiError>>,
) {
    if let Some(Ok(tenant)) = tenant {
        sheet.tenant = tenant.organization.display_name;
    }
    if let Some(Ok(info)) = user {
        sheet.user_name = info.user.display_name;
        sheet.user_principal_name = info.user.user_principal_name;
        sheet.user_id = info.user.id;
    }
}

/// The findings in the order the box lists them, each with what the box says about it: an incident (by its
/// tenant-wide `reach`) is reported to the Intune administrator.
fn fill_findings(
    sheet: &mut CaseSheet,
    l: Locale,
    diagnosis: Option<&Diagnosis>,
    kb: Option<&KnowledgeBase>,
    reach: impl Fn(&Finding) -> Option<Reach>,
) {
    let Some(d) = diagnosis else { return };
    let case_finding = |f: &Finding, follows: bool| {
        let reach = reach(f);
        let Advice { meaning, next_step, who_acts } = spread::with_reach(l, advice(l, f, kb), f, reach);
        CaseFinding {
            weight: l.text(weight_key(f.weight())).to_string(),
            text: describe(l, f),
            meaning,
            evidence: f.places().iter().map(|p| evidence_text(l, p)).collect(),
            next_step: Some(next_step),
            who_acts: Some(who_acts),
            spread: reach.map(|r| spread::spread_text(l, r)),
            follows,
        }
    };
    sheet.findings = rank(d.findings.clone())
        .iter()
        .flat_map(|group| {
            std::iter::once(case_finding(&group.finding, false))
                .chain(group.dependents.iter().map(|f| case_finding(f, true)))
                .collect::<Vec<_>>()
        })
        .collect();
    sheet.not_checked = d.not_checked.iter().map(|(check, source)| not_checked_text(l, *check, *source)).collect();
}

fn case_device(l: Locale, clock: Clock, record: &DeviceRecord) -> CaseDevice {
    let d = &record.device;
    let last = d.last_sync_date_time.as_deref().and_then(parse_iso);
    CaseDevice {
        name: d.device_name.clone(),
        platform: format!("{} {}", d.operating_system, d.os_version).trim().to_string(),
        compliance: l.text(compliance(d.compliance_state).0).to_string(),
        last_check_in: last.map_or_else(|| l.text(Key::Unknown).to_string(), |t| format_local(t, clock.offset_minutes)),
    }
}

/// Every failed install the diagnosis found (one finding each), with the code's meaning when the knowledge
/// base knows it.
fn failed_apps(diagnosis: Option<&Diagnosis>, kb: Option<&KnowledgeBase>) -> Vec<CaseApp> {
    let findings = diagnosis.map(|d| d.findings.as_slice()).unwrap_or_default();
    findings
        .iter()
        .filter_map(|finding| match finding {
            Finding::AppInstallFailed { app, device, code, .. } => {
                let meaning = code.as_deref().and_then(|c| kb?.app_error(c)).map(|e| e.message.clone());
                Some(CaseApp { app: app.clone(), device: device.clone(), code: code.clone(), meaning })
            }
            _ => None,
        })
        .collect()
}

fn case_failure(l: Locale, clock: Clock, event: &EnrollmentEvent) -> CaseEnrollmentFailure {
    let when = event.event_date_time.as_deref().and_then(parse_iso);
    let platform = [event.operating_system.clone(), event.os_version.clone()].into_iter().flatten();
    CaseEnrollmentFailure {
        when: when.map_or_else(|| l.text(Key::Unknown).to_string(), |t| format_local(t, clock.offset_minutes)),
        device: platform.collect::<Vec<_>>().join(" "),
        reason: failures::failure_title(l, event, crate::domain::failures::diagnose(event)),
    }
}
